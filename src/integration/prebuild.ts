/**
 * The model built natively, before Astro renders anything: bad content fails in about a second, with
 * every problem listed, and nothing is written. Used by the CLI and by the integration's `astro:build:start`.
 */
import path from 'node:path';
import { createCodeHighlighter, highlightCacheFile } from '../core/highlight.ts';
import { buildReference, type BuildResult } from '../core/model/build.ts';
import type { SiteUrls } from '../core/config.ts';
import { formatWarning, type ContentWarning } from '../core/errors.ts';
import { openModelCache } from './model-cache.ts';

export interface PrebuildOptions {
  root: string;
  configFile?: string;
  site?: SiteUrls;
  /** Highlight cache file; by default one per content root under node_modules/.cache/api-reference. */
  highlightCache?: string;
  /** The model of the last build of this content (model-cache.ts), reused when nothing changed. */
  modelCache?: string;
}

/** Throws ContentErrors on bad content. */
export async function prebuild(options: PrebuildOptions): Promise<{ result: BuildResult; ms: number; reused: boolean }> {
  const started = performance.now();
  const { root, configFile, site } = options;
  const cache = options.modelCache ? openModelCache(options.modelCache, { root, configFile, site }) : undefined;
  if (cache?.cached) return { result: cache.cached, ms: performance.now() - started, reused: true };
  const highlight = await createCodeHighlighter({ cacheFile: options.highlightCache ?? highlightCacheFile(root, configFile) });
  const result = buildReference({ root, configFile, site, highlight });
  highlight.save();
  cache?.save(result, { incompleteHighlighting: highlight.stats.incomplete > 0 });
  return { result, ms: performance.now() - started, reused: false };
}

/** Shown in full up to this many; a big Jekyll tree can have hundreds of harmless data-file warnings. */
const WARNINGS_SHOWN = 25;

/** Warnings about pages first, those about data files (often unrelated to the reference) after; capped. */
export function reportWarnings(result: BuildResult, warn: (line: string) => void): void {
  const dataDir = path.relative(result.config.root, result.config.paths.data).split(path.sep).join('/');
  const fromData = (w: ContentWarning) => w.file === dataDir || w.file.startsWith(`${dataDir}/`);
  const ordered = [...result.warnings.filter((w) => !fromData(w)), ...result.warnings.filter(fromData)];
  for (const w of ordered.slice(0, WARNINGS_SHOWN)) warn(formatWarning(w));
  const hidden = ordered.length - WARNINGS_SHOWN;
  if (hidden > 0) warn(`…and ${hidden} more warnings (api-reference check lists them all)`);
}
