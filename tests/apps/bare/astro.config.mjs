// @ts-check
// A plain Astro site that adds the reference under /docs/ beside its own home page. It inherits the
// site's base, `site` and Markdown settings; the integration adds MDX, the search index and the sitemap,
// which this site does not have itself.
import { defineConfig } from 'astro/config';
import apiReference from '../../../src/integration/index.ts';

export default defineConfig({
  site: 'https://bare.example',
  integrations: [apiReference({ root: '../../../content', prefix: '/docs/' })],
});
