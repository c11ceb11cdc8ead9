// @ts-check
import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import apiReference from './src/integration.ts';

// Astro keeps its content store in the cache dir; one per content root and output folder, so builds of
// different trees, or of one tree into two folders, never share or clobber a store. The build script
// writes into a fresh staging folder each time (ASTRO_OUT_DIR) and names the final folder in
// API_REFERENCE_OUT, so the key stays the same from build to build; two builds into one folder never
// run at once (the build script's lock), so they can share it.
const root = path.resolve(process.env.CONTENT_ROOT || 'content');
const outDir = process.env.ASTRO_OUT_DIR || './dist';
const cacheKey = createHash('sha256')
  .update(`${root}\0${path.resolve(process.env.API_REFERENCE_OUT || outDir)}`)
  .digest('hex')
  .slice(0, 12);

// `base` and `site` come from the content's own config (site.yml or Jekyll's _config.yml).
export default defineConfig({
  integrations: [apiReference(), mdx()],
  outDir,
  cacheDir: `./node_modules/.astro/${cacheKey}`,
  devToolbar: { enabled: false },
});
