/**
 * `npm run build:corpus`: builds the real Stitch docs tree from ../shared (a Jekyll tree, unedited) into
 * tests/.tmp/corpus-dist with the stitch-docs preset, through the CLI. Without ../shared it says so and
 * does nothing.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const CORPUS_ROOT = path.resolve('../shared/corpus/stitch-docs');
export const CORPUS_DIST = path.resolve('tests/.tmp/corpus-dist');

if (!existsSync(CORPUS_ROOT)) {
  console.log(`No corpus at ${CORPUS_ROOT}: skipping the corpus build (its tests report themselves skipped).`);
  process.exit(0);
}
const result = spawnSync(
  process.execPath,
  ['bin/api-reference.js', 'build', CORPUS_ROOT, '--config', 'presets/stitch-docs.yml', '--out', CORPUS_DIST],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
