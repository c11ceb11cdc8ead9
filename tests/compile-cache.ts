/**
 * Imported by vitest.config.ts and the Playwright configs: every Node process the tests start (the CLI a
 * hundred-odd times in tests/site, builds, preview and dev servers) inherits NODE_COMPILE_CACHE, so Node
 * strips the TypeScript sources' types and compiles them once per run instead of once per process: about
 * 0.5 s less CPU for each CLI start. The cache is keyed by file content and Node version (a stale entry is
 * never used), and lives in node_modules/.cache, which `npm ci` starts afresh.
 */
import path from 'node:path';

process.env.NODE_COMPILE_CACHE ??= path.resolve(import.meta.dirname, '../node_modules/.cache/node-compile-cache');
