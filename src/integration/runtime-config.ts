/**
 * What the integration tells the runtime (the pages, loaded by Vite) through `virtual:api-reference/config`:
 * plain JSON, fixed when the module is first loaded.
 */
import type { SiteUrls } from '../core/config.ts';
import type { Handoff } from './handoff.ts';

export interface RuntimeConfig {
  /** Absolute content root. */
  root: string;
  /** Absolute Astro project root (the error overlay shows code only for files inside it). */
  projectRoot: string;
  /** Absolute config overlay, if any. */
  configFile?: string;
  /** URL path of the reference's home page, with a trailing slash: the site's base plus the prefix. */
  pageRoot: string;
  /** The site's own base with a trailing slash: where its search index and public files are served. */
  base: string;
  /** Liquid's `site.url` / `site.baseurl` as this site serves the pages. */
  site: SiteUrls;
  /** Page links end without a slash (`trailingSlash: 'never'`). */
  noTrailingSlash: boolean;
  /** `astro dev`: rebuild on change, show content errors as an overlay. */
  dev: boolean;
  /** The model the build already made (the CLI or `astro:build:start`), to be read instead of built. */
  handoff?: Handoff;
  /** href of the site icon, when there is one. */
  favicon?: string;
  /** Whether the search UI has an index to load (ours, or the host's Pagefind index). */
  search: boolean;
  /** Where highlighted code is cached between runs. */
  highlightCache?: string;
}

export const CONFIG_MODULE = 'virtual:api-reference/config';
export const PAGES_MODULE = 'virtual:api-reference/pages';
/** Sent by the integration's dev watcher to the server-side runtime: `{ files: string[] }`. */
export const CHANGED_EVENT = 'api-reference:changed';
/** Sent by the runtime back to the integration after every dev rebuild (see BuildReport). */
export const BUILT_EVENT = 'api-reference:built';

/** What the dev runtime reports after a rebuild, for the integration to log. */
export interface BuildReport {
  ok: boolean;
  pages: number;
  ms: number;
  changed: string[];
  /** Formatted problems: the errors of a failed build, else the build's warnings. */
  problems: string[];
  warnings: number;
  /** Pages rendered again by this build (dev keeps the others, core/model/render-cache.ts). */
  rendered?: number;
}
