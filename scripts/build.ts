/**
 * `npm run build`: builds the site into a staging folder of its own and swaps it into place only when
 * everything succeeded (src/core/output/staged.ts), so the output folder always holds a complete site:
 * the previous one or the new one.
 *   node scripts/build.ts [--out <dir>] [--wait <seconds>]    (CONTENT_ROOT / SITE_CONFIG choose the content)
 * --out refuses a folder it must not replace (the content root, a content folder, a folder that is not an
 * earlier build output); a second build into the same folder waits up to --wait seconds (default 600) for
 * the first one. The reference model is built first, before Astro starts: bad content fails in about a
 * second, and the loader reuses the result instead of building it again.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadSiteConfig } from '../src/core/config.ts';
import { ContentError, ContentErrors } from '../src/core/errors.ts';
import { createCodeHighlighter, highlightCacheFile } from '../src/core/highlight.ts';
import { buildReference } from '../src/core/model/build.ts';
import { OutputError, showPath } from '../src/core/output/guard.ts';
import { DEFAULT_LOCK_WAIT_MS, lockWithMessages, withStagedOutput } from '../src/core/output/staged.ts';
import { testPause } from '../src/core/output/test-pause.ts';
import { handOverPrebuilt } from '../src/loader.ts';
import { siteOptions } from '../src/site-options.ts';

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  if (args[i + 1] === undefined || args[i + 1].startsWith('--')) usage(`${name} needs a value`);
  return args[i + 1];
}
function usage(message: string): never {
  console.error(`build: ${message}\nUsage: node scripts/build.ts [--out <dir>] [--wait <seconds>]`);
  process.exit(2);
}

const out = path.resolve(option('--out') ?? 'dist');
const waitOption = option('--wait');
const waitSeconds = waitOption === undefined ? DEFAULT_LOCK_WAIT_MS / 1000 : Number(waitOption);
if (!(waitSeconds >= 0)) usage(`--wait takes a number of seconds, not "${waitOption}"`);
const lockWaitMs = waitSeconds * 1000;
const shownOut = showPath(out);
// Astro keeps project-wide state in .astro/ (the list of MDX modules a build bundles, among others), so
// two Astro builds in one project must not overlap, whatever their output folders. Builds into different
// folders still run their model builds side by side; only the Astro stage takes turns.
const ASTRO_LOCK = path.resolve('node_modules/.astro/build.lock');

function fail(message: string, hint?: string): never {
  console.error(`\n${message}${hint ? `\nHint: ${hint}` : ''}`);
  console.error(`\nBuild failed; ${shownOut} was left untouched.`);
  process.exit(1);
}

/** The folders the build reads, so --out can refuse them; a broken config is reported by the model build. */
function contentFolders(root: string, configFile?: string): string[] {
  try {
    const { paths } = loadSiteConfig(root, configFile);
    return [paths.data, paths.pages, ...paths.reference, ...paths.includes];
  } catch {
    return [];
  }
}

const started = performance.now();
const options = siteOptions();
try {
  await withStagedOutput(
    out,
    { contentRoot: options.root, contentFolders: contentFolders(options.root, options.configFile), lockWaitMs },
    async (staging) => {
      await testPause('model');
      try {
        const highlight = await createCodeHighlighter({ cacheFile: highlightCacheFile(options.root, options.configFile) });
        handOverPrebuilt(options, buildReference({ ...options, highlight }));
        highlight.save();
      } catch (error) {
        if (!(error instanceof ContentErrors || error instanceof ContentError)) throw error;
        // One format for every content failure: "N content errors:" and a `  - file:line …` item per problem.
        throw new OutputError(
          (error instanceof ContentError ? new ContentErrors([error]) : error).message,
          'Fix the file named above; the build writes nothing until every content error is gone.',
        );
      }

      mkdirSync(path.dirname(ASTRO_LOCK), { recursive: true });
      const astroLock = await lockWithMessages(ASTRO_LOCK, lockWaitMs, {
        what: "This project's Astro state (.astro/)",
        log: (line) => console.error(line),
      });
      try {
        process.env.ASTRO_OUT_DIR = staging;
        // astro.config.mjs keys Astro's cache by the final output folder, not the per-build staging one.
        process.env.API_REFERENCE_OUT = out;
        const { build } = await import('astro');
        await build({ logLevel: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'info' });
      } catch (error) {
        const { message, hint } = error as { message?: string; hint?: string };
        throw new OutputError(String(message ?? error), hint);
      } finally {
        astroLock.release();
      }
    },
  );
} catch (error) {
  if (error instanceof OutputError) fail(error.message, error.hint);
  throw error;
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nBuilt ${shownOut} in ${seconds}s`);
