/**
 * `npm run build:apps`: builds the host apps in tests/apps (a bare Astro site and a Starlight site, each
 * adding the integration with its own astro.config.mjs) into their own dist/ folders, with `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const APPS = path.resolve('tests/apps');
const astro = path.resolve('node_modules/astro/bin/astro.mjs');

for (const app of readdirSync(APPS, { withFileTypes: true }).filter((e) => e.isDirectory())) {
  const root = path.join(APPS, app.name);
  console.log(`\n== ${path.relative(process.cwd(), root)}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [astro, 'build', '--root', root], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`Built ${app.name} in ${((performance.now() - started) / 1000).toFixed(1)}s`);
}
