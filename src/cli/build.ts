/**
 * `api-reference build [dir] [--out dist] [--wait <seconds>]`: builds the site into a staging folder of its
 * own and swaps it into place only when everything succeeded (core/output/staged.ts), so the output folder
 * always holds a complete site: the previous one or the new one. --out refuses a folder it must not replace
 * (the content root, a content folder, a folder that is not an earlier build output); a second build into
 * the same folder waits up to --wait seconds for the first one.
 *
 * The model is built first, natively, before Astro starts: bad content fails in about a second, with every
 * problem listed, and the pages then read that model (handed off through Astro's cache dir) instead of
 * building it again.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadSiteConfig } from '../core/config.ts';
import { ContentError, ContentErrors } from '../core/errors.ts';
import { highlightCacheFile } from '../core/highlight.ts';
import { OutputError, showPath } from '../core/output/guard.ts';
import { lockWithMessages, withStagedOutput } from '../core/output/staged.ts';
import { testPause } from '../core/output/test-pause.ts';
import { writeHandoff } from '../integration/handoff.ts';
import { referencePages } from '../integration/host-routes.ts';
import { MODEL_CACHE_FILE } from '../integration/model-cache.ts';
import { prebuild, reportWarnings } from '../integration/prebuild.ts';
import { standaloneCacheDir, standaloneConfig } from '../integration/standalone.ts';
import type { CliArgs } from './args.ts';
import { writeBuildRecord } from './build-record.ts';
import { BuildFailed } from './errors.ts';

/** The folders the build reads, so --out can refuse them; a broken config is reported by the model build. */
function contentFolders(root: string, configFile?: string): string[] {
  try {
    const { paths } = loadSiteConfig(root, configFile);
    return [paths.data, paths.pages, ...paths.reference, ...paths.includes];
  } catch {
    return [];
  }
}

export async function runBuild(args: CliArgs, cwd: string): Promise<void> {
  const { root, configFile, out, pause } = args;
  const shownOut = showPath(out, cwd);
  const lockWaitMs = args.waitSeconds * 1000;
  const verbose = args.logLevel === 'info' || args.logLevel === 'debug';
  // Astro keeps project-wide state in .astro/ (the list of MDX modules a build bundles, among others), so
  // two Astro builds in one project must not overlap, whatever their output folders. Builds into different
  // folders still run their model builds side by side; only the Astro stage takes turns.
  const astroLockFile = path.join(cwd, 'node_modules/.astro/build.lock');
  // Keyed by the final output folder, not the per-build staging one, so it is reused from build to build.
  const cacheDir = standaloneCacheDir(cwd, root, out);

  const started = performance.now();
  try {
    await withStagedOutput(
      out,
      { contentRoot: root, contentFolders: contentFolders(root, configFile), lockWaitMs, pause },
      async (staging) => {
        await testPause('model', pause);
        let handoff;
        let pages;
        try {
          const highlightCache = highlightCacheFile(root, configFile, path.join(cacheDir, 'api-reference'));
          const modelCache = path.join(cacheDir, MODEL_CACHE_FILE);
          const { result, ms, reused } = await prebuild({ root, configFile, highlightCache, modelCache });
          if (args.logLevel !== 'error' && args.logLevel !== 'silent') reportWarnings(result, (line) => console.warn(line));
          if (verbose)
            console.log(
              `${result.entries.length} reference pages from ${showPath(root, cwd)} (model ${reused ? 'reused, nothing changed,' : 'built'} in ${Math.round(ms)} ms)`,
            );
          handoff = writeHandoff(cacheDir, result);
          pages = referencePages(result, cwd);
        } catch (error) {
          if (!(error instanceof ContentErrors || error instanceof ContentError)) throw error;
          // One format for every content failure: "N content errors:" and a `  - file:line …` item per problem.
          throw new OutputError(
            (error instanceof ContentError ? new ContentErrors([error]) : error).message,
            'Fix the file named above; the build writes nothing until every content error is gone.',
          );
        }

        mkdirSync(path.dirname(astroLockFile), { recursive: true });
        const astroLock = await lockWithMessages(astroLockFile, lockWaitMs, {
          what: "This project's Astro state (.astro/)",
          log: (line) => console.error(line),
        });
        try {
          const inline = standaloneConfig({ root, config: configFile, projectRoot: cwd, outDir: staging, handoff, pages, pause });
          const { build } = await import('astro');
          // No sync: Astro's sync starts a Vite server of its own to load content collections and generate
          // their types, and a CLI build has neither (the pages read the hand-off model, not a content store).
          // `sync` is an option of Astro's builder that its BuildOptions type does not declare.
          await build({ ...inline, cacheDir, configFile: false, logLevel: args.logLevel }, { sync: false } as Parameters<typeof build>[1]);
          writeBuildRecord(staging, { base: inline.base ?? '/', ...(inline.site ? { site: inline.site } : {}) });
        } catch (error) {
          const { message, hint } = error as { message?: string; hint?: string };
          throw new OutputError(String(message ?? error), hint);
        } finally {
          astroLock.release();
        }
      },
    );
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    throw new BuildFailed(`${error.message}${error.hint ? `\nHint: ${error.hint}` : ''}\n\nBuild failed; ${shownOut} was left untouched.`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nBuilt ${shownOut} in ${seconds}s`);
}
