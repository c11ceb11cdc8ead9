/**
 * `api-reference init <dir>`: writes a starter content root (one object, two endpoints, a data file read
 * through Liquid and `flatify`, an MDX page) that builds and passes `check` as it is.
 */
import { cpSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliArgs } from './args.ts';
import { UsageError } from './args.ts';
import { CliError } from './errors.ts';

/** Shipped with the package, beside src/ and lib/. */
export const TEMPLATE = fileURLToPath(new URL('../../templates/init', import.meta.url));

/**
 * The new docs repo's .gitignore: the build's output and its temporary folders and locks (README "Where the
 * output goes"), dependencies and Astro's state. Written by code, not kept in the template: npm leaves
 * .gitignore files out of a published package.
 */
export const GITIGNORE = ['dist/', 'dist.staging-*/', 'dist.old-*/', 'dist.lock*', 'node_modules/', '.astro/'].join('\n') + '\n';

export function runInit(args: CliArgs, cwd: string): void {
  if (!args.rootGiven) throw new UsageError('init needs the folder to create, e.g. `api-reference init docs`');
  const target = args.root;
  const shown = path.relative(cwd, target) || '.';
  const into = 'init writes only into a new or empty folder';
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new CliError(
      `${shown} is a file, not a folder; ${into}`,
      'Name a folder that does not exist yet, e.g. `api-reference init docs`.',
    );
  }
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new CliError(`${shown} already exists and is not empty; ${into}`, 'Name a folder that does not exist yet, or empty this one.');
  }
  try {
    cpSync(TEMPLATE, target, { recursive: true });
    writeFileSync(path.join(target, '.gitignore'), GITIGNORE);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (!code) throw error;
    // A parent that is a file, no permission, a full disk: the reader's to fix, so one line, not a stack.
    throw new CliError(`could not write the starter to ${shown}: ${message}`);
  }
  console.log(`Wrote a starter content folder to ${shown}:`);
  for (const f of readdirSync(target, { recursive: true, encoding: 'utf8' }).sort()) console.log(`  ${f}`);
  console.log(
    `\nNext:\n  api-reference dev ${shown}      live preview\n  api-reference check ${shown}    validate\n  api-reference build ${shown}    static site in dist/`,
  );
}
