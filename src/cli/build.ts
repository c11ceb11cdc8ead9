/**
 * `api-reference build [dir] [--out dist]`: builds the site into a staging folder and moves it into place
 * only when everything succeeded, so a content error never leaves a half-written output behind.
 *
 * The model is built first, natively, before Astro starts: bad content fails in about a second, with every
 * problem listed, and the pages then read that model (handed off through Astro's cache dir) instead of
 * building it again.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ContentError, ContentErrors } from '../core/errors.ts';
import { highlightCacheFile } from '../core/highlight.ts';
import { writeHandoff } from '../integration/handoff.ts';
import { prebuild, reportWarnings } from '../integration/prebuild.ts';
import { standaloneCacheDir, standaloneConfig } from '../integration/standalone.ts';
import type { CliArgs } from './args.ts';
import { writeBuildRecord } from './build-record.ts';

export class BuildFailed extends Error {}

export async function runBuild(args: CliArgs, cwd: string): Promise<void> {
  const { root, configFile, out } = args;
  const staging = `${out}.staging`;
  const shownOut = path.relative(cwd, out) || out;
  const fail = (message: string, hint?: string): never => {
    rmSync(staging, { recursive: true, force: true });
    throw new BuildFailed(`${message}${hint ? `\nHint: ${hint}` : ''}\n\nBuild failed; ${shownOut} was left untouched.`);
  };

  const started = performance.now();
  // The cache dir (and so the hand-off file) is keyed by the final output folder, not the staging one.
  const cacheDir = standaloneCacheDir(cwd, root, out);
  let handoff;
  try {
    const highlightCache = highlightCacheFile(root, configFile, path.join(cacheDir, 'api-reference'));
    const { result, ms } = await prebuild({ root, configFile, highlightCache });
    if (args.logLevel !== 'error' && args.logLevel !== 'silent') reportWarnings(result, (line) => console.warn(`warning: ${line}`));
    if (args.logLevel === 'info' || args.logLevel === 'debug') {
      console.log(`${result.entries.length} reference pages from ${path.relative(cwd, root) || '.'} (model built in ${Math.round(ms)} ms)`);
    }
    handoff = writeHandoff(cacheDir, result);
  } catch (error) {
    if (!(error instanceof ContentErrors || error instanceof ContentError)) throw error;
    // One format for every content failure: "N content errors:" and a `  - file:line …` item per problem.
    fail(
      (error instanceof ContentError ? new ContentErrors([error]) : error).message,
      'Fix the file named above; the build writes nothing until every content error is gone.',
    );
  }

  rmSync(staging, { recursive: true, force: true });
  const inline = standaloneConfig({ root, config: configFile, projectRoot: cwd, outDir: staging, handoff });
  const { build } = await import('astro');
  try {
    await build({ ...inline, cacheDir, configFile: false, logLevel: args.logLevel });
  } catch (error) {
    const { message, hint } = error as { message?: string; hint?: string };
    fail(String(message ?? error), hint);
  }
  writeBuildRecord(staging, { base: inline.base ?? '/', ...(inline.site ? { site: inline.site } : {}) });
  if (existsSync(out)) rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nBuilt ${shownOut} in ${seconds}s`);
}
