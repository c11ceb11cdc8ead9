/**
 * The Astro integration: `apiReference({ root, config?, prefix?, … })` adds the reference's pages to a site.
 *
 * It injects the routes (under `prefix`) and the dev error overlay (middleware), serves the runtime its
 * config and the prose pages through virtual modules, watches the content in dev, and after a build adds
 * what the host lacks: a Pagefind index and sitemap.xml / robots.txt. It inherits the host's `base`, `site`,
 * Markdown settings, `trailingSlash` and `build.format`, unless `base` / `site` are given.
 *
 * Everything here runs in Astro's own process (loaded natively, not by Vite); the pages' side is
 * src/runtime, which this file never imports.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import type { AstroConfig, AstroIntegration } from 'astro';
import { loadSiteConfig } from '../core/config.ts';
import { highlightCacheFile } from '../core/highlight.ts';
import { testPause, type PausePoint } from '../core/output/test-pause.ts';
import { toAstroError } from './errors.ts';
import { removeHandoff, writeHandoff, type Handoff } from './handoff.ts';
import { resolveOptions, type ApiReferenceOptions, type ResolvedOptions } from './options.ts';
import { prebuild, reportWarnings } from './prebuild.ts';
import { indexForSearch } from './search-index.ts';
import { writeSitemap } from './sitemap.ts';
import { apiReferencePlugin, type PluginState } from './vite-plugin.ts';

export type { ApiReferenceOptions } from './options.ts';

/** A file of this package: the routes, runtime and components stay source, compiled by the host's Vite. */
export const packageFile = (rel: string): string => fileURLToPath(new URL(`../../${rel}`, import.meta.url));

/** What a caller inside this package (the CLI) can hand the integration besides the public options. */
export interface Internal {
  /** The model the CLI already built. */
  handoff?: Handoff;
  /** Test hook (core/output/test-pause.ts): the interruption tests stop a build between pages and search index. */
  pause?: PausePoint;
}

const has = (config: AstroConfig, ...names: string[]) => config.integrations.some((i) => names.includes(i.name));

function hostHas404(config: AstroConfig): boolean {
  const pages = fileURLToPath(new URL('pages/', config.srcDir));
  return existsSync(pages) && readdirSync(pages).some((f) => /^404\.(astro|md|mdx|html)$/.test(f));
}

export default function apiReference(options: ApiReferenceOptions): AstroIntegration {
  return createIntegration(options, {});
}

export function createIntegration(input: ApiReferenceOptions, internal: Internal): AstroIntegration {
  let options: ResolvedOptions;
  let state: PluginState;
  let handoff = internal.handoff;
  let cacheDir = '';
  let search = false;
  let sitemap = false;
  let dev = false;

  return {
    name: 'api-reference',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, injectRoute, addMiddleware, logger }) => {
        options = resolveOptions(input, fileURLToPath(config.root));
        let paths;
        try {
          paths = loadSiteConfig(options.root, options.configFile).paths;
        } catch (error) {
          throw toAstroError(error);
        }
        if (options.base !== undefined || options.site !== undefined) {
          updateConfig({ ...(options.base !== undefined && { base: options.base }), ...(options.site && { site: options.site }) });
        }
        // Prose pages are MDX; a host without the MDX integration gets it, with its own Markdown settings.
        if (!has(config, '@astrojs/mdx')) updateConfig({ integrations: [mdx()] });

        const prefix = options.prefix;
        injectRoute({ pattern: prefix === '/' ? '/' : prefix.slice(0, -1), entrypoint: packageFile('src/routes/Index.astro') });
        injectRoute({ pattern: `${prefix}[...path]`, entrypoint: packageFile('src/routes/Page.astro') });
        // Machine-readable files from the same model: OpenAPI documents, llms.txt, each page's Markdown twin.
        for (const [pattern, file] of [
          ['[...path]/index.md', 'twin.ts'],
          ['[name].json', 'openapi-json.ts'],
          ['[name].yaml', 'openapi-yaml.ts'],
          ['llms.txt', 'llms.ts'],
          ['llms-full.txt', 'llms-full.ts'],
        ]) {
          injectRoute({ pattern: `${prefix}${pattern}`, entrypoint: packageFile(`src/routes/files/${file}`) });
        }
        const notFound = options.notFound ?? (prefix === '/' && !hostHas404(config));
        if (notFound) injectRoute({ pattern: '/404', entrypoint: packageFile('src/routes/NotFound.astro') });
        if (command === 'dev') addMiddleware({ entrypoint: packageFile('src/runtime/middleware.ts'), order: 'pre' });

        const outside = (p: string) => path.relative(options.root, p).startsWith('..');
        state = {
          pagesDir: paths.pages,
          watchExtra: [...(options.configFile ? [options.configFile] : []), ...paths.includes.filter(outside)],
          logger,
        };
        updateConfig({ vite: { plugins: [apiReferencePlugin(state)] } });
        dev = command === 'dev';
      },

      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        const base = config.base.replace(/\/?$/, '/');
        const pageRoot = `${base}${options.prefix.slice(1)}`;
        // Starlight builds its own Pagefind index over every page that has data-pagefind-body (ours do).
        const hostSearch = has(config, '@astrojs/starlight', 'astro-pagefind');
        search = options.search ?? !hostSearch;
        sitemap = options.sitemap ?? !has(config, '@astrojs/sitemap', '@astrojs/starlight');
        const publicFavicon = path.join(fileURLToPath(config.publicDir), 'favicon.svg');
        state.config = {
          root: options.root,
          ...(options.configFile ? { configFile: options.configFile } : {}),
          projectRoot: fileURLToPath(config.root),
          pageRoot,
          base,
          site: { baseurl: pageRoot.replace(/\/$/, ''), ...(config.site ? { url: config.site } : {}) },
          noTrailingSlash: config.trailingSlash === 'never' || config.build.format === 'file',
          dev,
          ...(existsSync(publicFavicon) ? { favicon: `${base}favicon.svg` } : {}),
          search: search || hostSearch,
          highlightCache: highlightCacheFile(options.root, options.configFile, path.join(cacheDir, 'api-reference')),
        };
      },

      'astro:build:start': async ({ logger }) => {
        // Bad content fails here, before Vite bundles anything; the pages then read this model.
        const config = state.config!;
        if (!handoff) {
          try {
            const { root, configFile, site, highlightCache } = config;
            const { result, ms } = await prebuild({ root, configFile, site, highlightCache });
            reportWarnings(result, (line) => logger.warn(line));
            logger.info(`${result.entries.length} reference pages in ${Math.round(ms)} ms`);
            handoff = writeHandoff(cacheDir, result);
          } catch (error) {
            throw toAstroError(error);
          }
        }
        config.handoff = handoff;
      },

      // Pages are written, the search index not yet.
      'astro:build:generated': () => testPause('pages', internal.pause),

      'astro:build:done': async ({ dir, logger }) => {
        removeHandoff(handoff);
        const dist = fileURLToPath(dir);
        if (search) {
          const stats = await indexForSearch(dist);
          logger.info(`search index: ${stats.pages} pages`);
        }
        if (sitemap) {
          const config = state.config!;
          const listed = writeSitemap(dist, config.site.url, config.base);
          logger.info(listed ? `sitemap.xml: ${listed} pages` : 'no sitemap.xml: the site has no `site` URL');
        }
      },
    },
  };
}
