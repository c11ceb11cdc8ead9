/**
 * The rendering engine of one build: the site config, site data and documents read, Liquid's `site`
 * assembled, and the Liquid engine, Markdown renderer and highlighter bound into the RenderEnv every page
 * renders with. buildReference makes it here, and so does the benchmark's floor (scripts/bench/floor.ts),
 * so the floor measures exactly the build's engine and cannot drift from it.
 */
import path from 'node:path';
import { loadSiteConfig, withSiteUrls, type LoadedConfig, type SiteUrls } from '../config.ts';
import { loadSiteData } from '../data.ts';
import { WarningSink } from '../errors.ts';
import { escapeHtml } from '../html.ts';
import { LiquidEngine } from '../liquid/engine.ts';
import { createMarkdownRenderer } from '../markdown/markdownify.ts';
import type { ParseCache } from '../parse-cache.ts';
import { collectDocuments, liquidDocument, type Collection } from './collect.ts';
import type { RenderEnv } from './page-render.ts';

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
  warnings: WarningSink;
  /** Every data file read (for change detection). */
  dataFiles: string[];
  collections: Collection[];
  highlight: Highlighter;
  env: RenderEnv;
}

function plainHighlight(code: string, lang: string): string {
  return `<pre class="code" data-lang="${escapeHtml(lang)}"><code>${escapeHtml(code)}</code></pre>`;
}

/** Throws ContentError(s) for an unreadable config, data file or document. */
export function createEngine(options: EngineOptions): Engine {
  const loaded = withSiteUrls(loadSiteConfig(options.root, options.configFile), options.site);
  const { config, paths, root } = loaded;
  const warnings = new WarningSink();
  const data = loadSiteData(paths.data, root, options.parseCache);
  data.warnings.forEach((w) => warnings.add(w));
  const collections = collectDocuments(paths.reference, root, undefined, options.parseCache);
  const highlight = options.highlight ?? plainHighlight;

  const site: Record<string, unknown> = { ...loaded.raw, data: data.data, pages: [] };
  for (const c of collections) site[c.name] = c.documents.map((d) => liquidDocument(d, c.name));
  const markdown = createMarkdownRenderer({ highlight: (code, lang) => highlight(code, lang || 'text') });
  const engine = new LiquidEngine({
    strict: config.liquid.strict,
    maxFlatifyDepth: config.liquid['max-flatify-depth'],
    includes: paths.includes,
    site: { url: config.url, baseurl: config.baseurl },
    markdown,
    warnings,
  });
  const configFile = path.relative(root, loaded.files.at(-1)!) || loaded.files.at(-1)!;
  const env: RenderEnv = {
    engine,
    markdown,
    site,
    aliases: config.aliases,
    configFile,
    laxTypes: new Set(config.liquid['lax-content-types']),
  };
  return { loaded, warnings, dataFiles: data.files, collections, highlight, env };
}
