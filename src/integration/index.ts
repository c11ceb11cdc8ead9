/**
 * The Astro integration: `apiReference({ root, config?, prefix?, … })` adds the reference's pages to a site.
 *
 * It injects the routes (under `prefix`) and the dev error overlay (middleware), serves the runtime its
 * config and the prose pages through virtual modules, watches the content in dev, and after a build adds
 * what the host lacks: a Pagefind index and sitemap.xml / robots.txt (never replacing the host's own). It
 * inherits the host's `base`, `site`, Markdown settings and `trailingSlash`, unless `base` / `site` are
 * given; it refuses a `build.format` other than `directory` and routes that clash with the host's own
 * pages (host-routes.ts).
 *
 * Everything here runs in Astro's own process (loaded natively, not by Vite); the pages' side is
 * src/runtime, which this file never imports.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import type { AstroConfig, AstroIntegration, IntegrationResolvedRoute } from 'astro';
import { loadSiteConfig } from '../core/config.ts';
import { highlightCacheFile } from '../core/highlight.ts';
import { testPause, type PausePoint } from '../core/output/test-pause.ts';
import { toAstroError } from './errors.ts';
import { removeHandoff, writeHandoff, type Handoff } from './handoff.ts';
import {
  checkBuildFormat,
  hostRoutes,
  referencePages,
  routeClashError,
  routeClashes,
  type OwnRoute,
  type ReferencePage,
} from './host-routes.ts';
import { resolveOptions, type ApiReferenceOptions, type ResolvedOptions } from './options.ts';
import { MODEL_CACHE_FILE } from './model-cache.ts';
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
  /** The pages of that model (host-routes.ts referencePages), checked against the site's own routes. */
  pages?: ReferencePage[];
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
  const own: OwnRoute[] = [];
  let host: IntegrationResolvedRoute[] = [];
  let projectRoot = '';

  return {
    name: 'api-reference',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, injectRoute: inject, addMiddleware, logger }) => {
        projectRoot = fileURLToPath(config.root);
        options = resolveOptions(input, projectRoot);
        checkBuildFormat(config.build.format);
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
        // Each injected route is remembered, to tell the site's own routes from ours (host-routes.ts).
        const injectRoute = (pattern: string, file: string, what: string) => {
          const entrypoint = packageFile(file);
          inject({ pattern, entrypoint });
          own.push({ pattern, entrypoint, what });
        };
        injectRoute(prefix === '/' ? '/' : prefix.slice(0, -1), 'src/routes/Index.astro', "the reference's home page");
        injectRoute(`${prefix}[...path]`, 'src/routes/Page.astro', "the reference's pages");
        // Machine-readable files from the same model: OpenAPI documents, llms.txt, each page's Markdown twin.
        for (const [pattern, file, what] of [
          ['[...path]/index.md', 'twin.ts', 'Markdown twins'],
          ['[name].json', 'openapi-json.ts', 'OpenAPI documents'],
          ['[name].yaml', 'openapi-yaml.ts', 'OpenAPI documents'],
          ['llms.txt', 'llms.ts', 'llms.txt'],
          ['llms-full.txt', 'llms-full.ts', 'llms-full.txt'],
        ]) {
          injectRoute(`${prefix}${pattern}`, `src/routes/files/${file}`, `the reference's ${what}`);
        }
        const notFound = options.notFound ?? (prefix === '/' && !hostHas404(config));
        if (notFound) injectRoute('/404', 'src/routes/NotFound.astro', "the reference's 404 page");
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

      // Before astro:config:done in a build; again in dev whenever the site's pages change.
      'astro:routes:resolved': ({ routes, logger }) => {
        host = hostRoutes(routes, own, [projectRoot, process.cwd()]);
        // In dev the model comes later, in the runtime: only the routes themselves can be compared here,
        // and a clash is reported without stopping the server the writer is working in.
        if (dev) {
          const lines = routeClashes(host, own, options.prefix);
          if (lines.length) {
            const error = routeClashError(lines);
            logger.error(`${error.message}\nHint: ${error.hint}`);
          }
        }
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
          noTrailingSlash: config.trailingSlash === 'never',
          dev,
          ...(existsSync(publicFavicon) ? { favicon: `${base}favicon.svg` } : {}),
          search: search || hostSearch,
          highlightCache: highlightCacheFile(options.root, options.configFile, path.join(cacheDir, 'api-reference')),
        };
      },

      'astro:build:start': async ({ logger }) => {
        // Bad content fails here, before Vite bundles anything; the pages then read this model.
        const config = state.config!;
        let pages = internal.pages;
        if (!handoff) {
          try {
            const { root, configFile, site, highlightCache } = config;
            const modelCache = path.join(cacheDir, MODEL_CACHE_FILE);
            const { result, ms, reused } = await prebuild({ root, configFile, site, highlightCache, modelCache });
            reportWarnings(result, (line) => logger.warn(line));
            logger.info(
              `${result.entries.length} reference pages in ${Math.round(ms)} ms${reused ? ' (model reused: nothing changed)' : ''}`,
            );
            pages = referencePages(result, projectRoot);
            handoff = writeHandoff(cacheDir, result);
          } catch (error) {
            throw toAstroError(error);
          }
        }
        // Before any page is written: Astro would drop one page of each clash and build on.
        const clashes = routeClashes(host, own, options.prefix, pages);
        if (clashes.length) {
          removeHandoff(handoff);
          throw routeClashError(clashes);
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
          for (const line of writeSitemap(dist, config.site.url, config.base)) logger.info(line);
        }
      },
    },
  };
}
