/**
 * The `api-reference` command (bin/api-reference.js): build, dev, preview, check and init. See USAGE.
 */
import { parseCli, USAGE, UsageError } from './args.ts';
import { reportError, requireContentRoot } from './errors.ts';

// Each command's module is loaded when that command runs: `check` and `init` never load Astro and Vite
// (about half a second of module loading), and `--help` loads nothing.

/** Returns the exit code; long-running commands (dev, preview) resolve once their server is up. */
export async function main(argv: string[], env: Record<string, string | undefined>, cwd: string): Promise<number> {
  let args;
  try {
    args = parseCli(argv, env, cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`api-reference: ${error.message}\n`);
    (error.message ? console.error : console.log)(USAGE);
    return error.message ? 2 : 0;
  }
  try {
    // A missing content root reads the same from every command that needs one (preview decides for itself).
    if (args.command !== 'init' && args.command !== 'preview') requireContentRoot(args.root, cwd);
    switch (args.command) {
      case 'build':
        await (await import('./build.ts')).runBuild(args, cwd);
        return 0;
      case 'check':
        return (await import('./check.ts')).runCheck(args, cwd);
      case 'init':
        (await import('./init.ts')).runInit(args, cwd);
        return 0;
      case 'dev':
        await (await import('./serve.ts')).runDev(args, cwd);
        return -1;
      case 'preview':
        await (await import('./serve.ts')).runPreview(args, cwd);
        return -1;
    }
  } catch (error) {
    // Content, config and Astro user errors: one message, exit 1; anything else is a bug and keeps its stack.
    const code = reportError(error);
    if (code === undefined) throw error;
    return code;
  }
}
