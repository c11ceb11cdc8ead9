/**
 * `api-reference init <dir>`: writes a starter content root (one object, two endpoints, a data file read
 * through Liquid and `flatify`, an MDX page) that builds and passes `check` as it is.
 */
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliArgs } from './args.ts';
import { UsageError } from './args.ts';

/** Shipped with the package, beside src/ and lib/. */
export const TEMPLATE = fileURLToPath(new URL('../../templates/init', import.meta.url));

export function runInit(args: CliArgs, cwd: string): void {
  if (!args.rootGiven) throw new UsageError('init needs the folder to create, e.g. `api-reference init docs`');
  const target = args.root;
  const shown = path.relative(cwd, target) || '.';
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new UsageError(`${shown} already exists and is not empty; init writes only into a new or empty folder`);
  }
  cpSync(TEMPLATE, target, { recursive: true });
  console.log(`Wrote a starter content folder to ${shown}:`);
  for (const f of readdirSync(target, { recursive: true, encoding: 'utf8' }).sort()) console.log(`  ${f}`);
  console.log(
    `\nNext:\n  api-reference dev ${shown}      live preview\n  api-reference check ${shown}    validate\n  api-reference build ${shown}    static site in dist/`,
  );
}
