/**
 * `npm run build:test-sites` (part of `npm test`): every site the built-site and browser tests read, in two
 * lines of work side by side: the sample site (`npm run build`) then the corpus (`npm run build:corpus`),
 * which take turns at the Astro stage anyway (one project's .astro/ state), and meanwhile the host apps
 * (`npm run build:apps`: Astro builds of other projects). Each build uses about one core, so on two cores
 * this takes as long as the longer line instead of both. Each line's output is printed whole when it ends,
 * so the two never interleave; the first failure ends the run with its status.
 */
import { spawn } from 'node:child_process';

/** Runs the npm scripts one after another; resolves with the first non-zero status (or 0) and the output. */
async function line(scripts: string[]): Promise<{ status: number; output: string }> {
  let output = '';
  for (const script of scripts) {
    const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
    if (status !== 0) return { status, output };
  }
  return { status: 0, output };
}

const results = await Promise.all(
  [['build', 'build:corpus'], ['build:apps']].map((scripts) =>
    line(scripts).then((r) => {
      process.stdout.write(r.output);
      return r.status;
    }),
  ),
);
process.exit(results.find((s) => s !== 0) ?? 0);
