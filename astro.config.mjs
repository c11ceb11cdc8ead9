// @ts-check
import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import apiReference from './src/integration.ts';

// Astro keeps its content store in the cache dir; one per content root and output folder, so builds of
// different trees, or of one tree into two folders at the same time, never share or clobber a store.
const root = path.resolve(process.env.CONTENT_ROOT || 'content');
const outDir = process.env.ASTRO_OUT_DIR || './dist';
const cacheKey = createHash('sha256')
  .update(`${root}\0${path.resolve(outDir)}`)
  .digest('hex')
  .slice(0, 12);

// `base` and `site` come from the content's own config (site.yml or Jekyll's _config.yml).
export default defineConfig({
  integrations: [apiReference(), mdx()],
  outDir,
  cacheDir: `./node_modules/.astro/${cacheKey}`,
  devToolbar: { enabled: false },
});
