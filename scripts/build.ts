/**
 * `npm run build`: builds the site into a staging folder and moves it into place only when everything
 * succeeded, so a content error never leaves a half-written dist/ behind.
 *   node scripts/build.ts [--out <dir>]     (CONTENT_ROOT / SITE_CONFIG choose the content)
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'astro';

const outIndex = process.argv.indexOf('--out');
const out = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : 'dist');
const staging = `${out}.staging`;

const started = performance.now();
rmSync(staging, { recursive: true, force: true });
process.env.ASTRO_OUT_DIR = staging;
try {
  await build({ logLevel: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'info' });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  const { message, hint } = error as { message?: string; hint?: string };
  console.error(`\n${message ?? error}${hint ? `\nHint: ${hint}` : ''}`);
  console.error(`\nBuild failed; ${path.relative(process.cwd(), out) || out} was left untouched.`);
  process.exit(1);
}
if (existsSync(out)) rmSync(out, { recursive: true, force: true });
renameSync(staging, out);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nBuilt ${path.relative(process.cwd(), out) || out} in ${seconds}s`);
