/**
 * The Astro integration: takes `base` and `site` from the content's site config (Jekyll's `baseurl` and
 * `url`), and after a build indexes the pages for search with Pagefind.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadSiteConfig } from './core/config.ts';
import { THEMES } from './core/highlight.ts';
import { testPause } from './core/output/test-pause.ts';
import { publishContentRefresh, toAstroError } from './loader.ts';
import { siteOptions, type SiteOptions } from './site-options.ts';
import { indexForSearch } from './utils/search-index.ts';
import { writeSitemap } from './utils/sitemap.ts';
import { referenceLinksPlugin } from './utils/prose-links.ts';
import { satteri } from '@astrojs/markdown-satteri';

// Build output, with the staging and old folders of a build in progress beside it (core/output/swap.ts).
const SCRATCH = ['tests/.tmp', 'dist', 'dist.staging-*', 'dist.old-*'];

function scratchDirs(contentRoot: string): string[] {
  const root = path.resolve(contentRoot);
  return SCRATCH.map((d) => path.resolve(d))
    .filter((d) => root !== d && !root.startsWith(d + path.sep))
    .map((d) => `${d}/**`);
}

export default function apiReference(options: SiteOptions = siteOptions()): AstroIntegration {
  let site: string | undefined;
  let base = '/';
  return {
    name: 'api-reference',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        let config;
        try {
          config = loadSiteConfig(options.root, options.configFile).config;
        } catch (error) {
          throw toAstroError(error);
        }
        updateConfig({
          markdown: {
            processor: satteri({ hastPlugins: [referenceLinksPlugin as never] }),
            // Fences in prose pages use the same light/dark pair as the reference's code samples.
            shikiConfig: { themes: THEMES, defaultColor: 'light' },
          },
          base: config.baseurl || '/',
          ...(config.url ? { site: config.url } : {}),
          trailingSlash: 'ignore',
          build: { format: 'directory' },
          // Test and benchmark output (thousands of generated files) is no business of the dev watcher,
          // unless the content being previewed lives there.
          vite: { server: { watch: { ignored: scratchDirs(options.root) } } },
        });
      },
      'astro:server:setup': ({ refreshContent }) => {
        if (refreshContent) publishContentRefresh(refreshContent);
      },
      'astro:config:done': ({ config }) => {
        site = config.site;
        base = config.base;
      },
      // Pages are written, the search index not yet: the interruption tests stop a build here.
      'astro:build:generated': () => testPause('pages'),
      'astro:build:done': async ({ dir, logger }) => {
        const stats = await indexForSearch(fileURLToPath(dir));
        logger.info(`search index: ${stats.pages} pages`);
        const listed = writeSitemap(fileURLToPath(dir), site, base);
        logger.info(listed ? `sitemap.xml: ${listed} pages` : 'no sitemap.xml: the site config has no url');
      },
    },
  };
}
