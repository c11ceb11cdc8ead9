/**
 * `api-reference/core`: the pure core, with no Astro dependency. Builds the model of a content root
 * (every reference page, fully rendered) and checks content as `api-reference check` does.
 */
export { buildReference, type BuildOptions, type BuildResult, type ProsePage } from './model/build.ts';
export { checkContent, checkContent as check, formatProblem, type CheckReport, type Problem, type Severity } from './check/check.ts';
export { loadSiteConfig, type LoadedConfig, type SiteUrls } from './config.ts';
export { ContentError, ContentErrors, type ContentLocation, type ContentWarning } from './errors.ts';
export { createCodeHighlighter, highlightCacheFile, type CodeHighlighter } from './highlight.ts';
export { ParseCache } from './parse-cache.ts';
export type * from '../schemas/reference.ts';
export type { SiteConfig } from '../schemas/site-config.ts';
