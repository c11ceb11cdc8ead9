// @ts-check
// The sample site: the reference alone, from `content/` (or CONTENT_ROOT, with an optional SITE_CONFIG
// overlay). `npm run build|dev|preview` go through the CLI (src/cli), which builds the same config; this
// file serves `astro dev`, `astro build` and `astro check` run directly.
import { standaloneConfig } from './src/integration/standalone.ts';

export default standaloneConfig({
  root: process.env.CONTENT_ROOT || 'content',
  config: process.env.SITE_CONFIG || undefined,
  outDir: process.env.ASTRO_OUT_DIR || 'dist',
});
