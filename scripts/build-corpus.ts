/**
 * `npm run build:corpus`: builds the real Stitch docs tree from ../shared (a Jekyll tree, unedited) into
 * tests/.tmp/corpus-dist with the stitch-docs preset. Without ../shared it says so and does nothing.
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
const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', CORPUS_DIST], {
  stdio: 'inherit',
  env: { ...process.env, CONTENT_ROOT: CORPUS_ROOT, SITE_CONFIG: 'presets/stitch-docs.yml' },
});
process.exit(result.status ?? 1);
