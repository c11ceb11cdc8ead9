/**
 * The rendering engine of one build: the site config, site data and documents read, Liquid's `site`
 * assembled, and the Liquid engine, Markdown renderer and highlighter bound into the RenderEnv every page
 * renders with. buildReference makes it here, and so does the benchmark's floor (scripts/bench/floor.ts),
 * so the floor measures exactly the build's engine and cannot drift from it.
 */
import path from 'node:path';
import { loadSiteConfig, withSiteUrls, type LoadedConfig, type SiteUrls } from '../config.ts';
import { loadSiteData, type SiteData } from '../data.ts';
import { ContentError, ContentErrors, WarningSink } from '../errors.ts';
import { escapeHtml } from '../html.ts';
import { LiquidEngine } from '../liquid/engine.ts';
import { createMarkdownRenderer } from '../markdown/markdownify.ts';
import { withOversizedSamples } from '../oversized.ts';
import type { ParseCache } from '../parse-cache.ts';
import { collectDocuments, liquidDocument, type Collection } from './collect.ts';
import type { RenderEnv } from './page-render.ts';
import { aliasNames } from './site-checks.ts';

export type Highlighter = (code: string, lang: string) => string;

export interface EngineOptions {
  root: string;
  configFile?: string;
  highlight?: Highlighter;
  parseCache?: ParseCache;
  site?: SiteUrls;
}

export interface Engine {
  loaded: LoadedConfig;
  data: SiteData;
  collections: Collection[];
  highlight: Highlighter;
  env: RenderEnv;
  /**
   * Files that could not be read (YAML errors and the like). Every file is read before any error is
   * thrown, so a YAML error in one hides none in the others: the caller throws these with its own.
   */
  readErrors: ContentError[];
}

function plainHighlight(code: string, lang: string): string {
  return `<pre class="code" data-lang="${escapeHtml(lang)}"><code>${escapeHtml(code)}</code></pre>`;
}

/** Throws ContentError(s) for an unreadable site config; collects the rest in `readErrors`. */
export function createEngine(options: EngineOptions, warnings = new WarningSink()): Engine {
  const loaded = withSiteUrls(loadSiteConfig(options.root, options.configFile), options.site);
  const { config, paths, root } = loaded;
  loaded.warnings.forEach((w) => warnings.add(w));
  const read = { boundaries: loaded.boundaries, limits: config.limits };
  const readErrors: ContentError[] = [];
  let data: SiteData = { data: {}, files: [], warnings: [] };
  try {
    data = loadSiteData(paths.data, root, {
      cache: options.parseCache,
      emptyFiles: loaded.layout === 'native' ? 'error' : 'warn',
      ...read,
    });
  } catch (error) {
    if (!(error instanceof ContentErrors)) throw error;
    readErrors.push(...error.errors);
  }
  data.warnings.forEach((w) => warnings.add(w));
  const collections = collectDocuments(paths.reference, root, readErrors, options.parseCache, read);
  // Oversized samples: only the head is highlighted (core/oversized.ts), in samples and Markdown fences alike.
  const highlight = withOversizedSamples(options.highlight ?? plainHighlight, config.limits);

  const site: Record<string, unknown> = { ...loaded.raw, data: data.data, pages: [] };
  for (const c of collections) site[c.name] = c.documents.map((d) => liquidDocument(d, c.name));
  const markdown = createMarkdownRenderer({ highlight: (code, lang) => highlight(code, lang || 'text') });
  const engine = new LiquidEngine({
    strict: config.liquid.strict,
    maxFlatifyDepth: config.liquid['max-flatify-depth'],
    includes: paths.includes,
    includeBoundaries: loaded.boundaries,
    limits: config.limits,
    site: { url: config.url, baseurl: config.baseurl },
    markdown,
    warnings,
    // A native site's data keys are its own, so a missing one is a typo; a Jekyll tree's pages rendered
    // missing keys empty, and real trees rely on that.
    dataKeys: { data: data.data, mode: loaded.layout === 'native' ? 'error' : 'warn' },
  });
  const configFile = path.relative(root, loaded.files.at(-1)!) || loaded.files.at(-1)!;
  const env: RenderEnv = {
    engine,
    markdown,
    site,
    aliases: config.aliases,
    configFile,
    laxTypes: new Set(config.liquid['lax-content-types']),
    // Products are known once the files are grouped (buildReference).
    products: new Map(),
    nilAliases: loaded.layout === 'jekyll' ? aliasNames(config.aliases, Object.values(config.products)) : [],
    resolvedAliases: new Set(),
    warnings,
  };
  return { loaded, data, collections, highlight, env, readErrors };
}
