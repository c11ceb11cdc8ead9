/**
 * `npm run build`: builds the site into a staging folder and moves it into place only when everything
 * succeeded, so a content error never leaves a half-written dist/ behind.
 *   node scripts/build.ts [--out <dir>]     (CONTENT_ROOT / SITE_CONFIG choose the content)
 * The reference model is built first, before Astro starts: bad content fails in about a second, and the
 * loader reuses the result instead of building it again.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ContentError, ContentErrors } from '../src/core/errors.ts';
import { createCodeHighlighter, highlightCacheFile } from '../src/core/highlight.ts';
import { buildReference } from '../src/core/model/build.ts';
import { handOverPrebuilt } from '../src/loader.ts';
import { siteOptions } from '../src/site-options.ts';

const outIndex = process.argv.indexOf('--out');
const out = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : 'dist');
const staging = `${out}.staging`;
const shownOut = path.relative(process.cwd(), out) || out;

function fail(message: string, hint?: string): never {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\n${message}${hint ? `\nHint: ${hint}` : ''}`);
  console.error(`\nBuild failed; ${shownOut} was left untouched.`);
  process.exit(1);
}

const started = performance.now();
const options = siteOptions();
try {
  const highlight = await createCodeHighlighter({ cacheFile: highlightCacheFile(options.root, options.configFile) });
  handOverPrebuilt(options, buildReference({ ...options, highlight }));
  highlight.save();
} catch (error) {
  if (!(error instanceof ContentErrors || error instanceof ContentError)) throw error;
  // One format for every content failure: "N content errors:" and a `  - file:line …` item per problem.
  fail(
    (error instanceof ContentError ? new ContentErrors([error]) : error).message,
    'Fix the file named above; the build writes nothing until every content error is gone.',
  );
}

rmSync(staging, { recursive: true, force: true });
process.env.ASTRO_OUT_DIR = staging;
const { build } = await import('astro');
try {
  await build({ logLevel: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'info' });
} catch (error) {
  const { message, hint } = error as { message?: string; hint?: string };
  fail(String(message ?? error), hint);
}
if (existsSync(out)) rmSync(out, { recursive: true, force: true });
renameSync(staging, out);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nBuilt ${shownOut} in ${seconds}s`);
