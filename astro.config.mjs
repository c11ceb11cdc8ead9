// @ts-check
import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import apiReference from './src/integration.ts';

// Astro keeps its content store in the cache dir; one per content root, so building the sample site and a
// Jekyll tree (even at the same time) never mixes their pages.
const root = path.resolve(process.env.CONTENT_ROOT || 'content');
const cacheKey = createHash('sha256').update(root).digest('hex').slice(0, 12);

// `base` and `site` come from the content's own config (site.yml or Jekyll's _config.yml).
export default defineConfig({
  integrations: [apiReference(), mdx()],
  outDir: process.env.ASTRO_OUT_DIR || './dist',
  cacheDir: `./node_modules/.astro/${cacheKey}`,
  devToolbar: { enabled: false },
});
