// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import apiReference from './src/integration.ts';

// `base` and `site` come from the content's own config (site.yml or Jekyll's _config.yml).
export default defineConfig({
  integrations: [apiReference(), mdx()],
  outDir: process.env.ASTRO_OUT_DIR || './dist',
  devToolbar: { enabled: false },
});
