import { defineConfig, devices } from '@playwright/test';
import { APPS } from './tests/apps/servers.ts';
import './tests/compile-cache.ts';
import { launchOptions } from './tests/system-browser.ts';

const port = Number(process.env.E2E_PORT ?? 4329);
const astro = 'node node_modules/astro/bin/astro.mjs';

export default defineConfig({
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions,
  },
  projects: [
    // The sample site, served from dist/ as `npm run preview` serves it.
    { name: 'sample', testDir: 'tests/e2e', use: { baseURL: `http://localhost:${port}` } },
    // The host apps in tests/apps, each served by `astro preview` from its own dist/.
    { name: 'apps', testDir: 'tests/apps' },
  ],
  // Everything must already be built (`npm test` builds it first); these only serve it.
  webServer: [
    {
      // Under the base the build recorded.
      command: `node bin/api-reference.js preview --port ${port} --host localhost`,
      url: `http://localhost:${port}/docs/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    ...Object.values(APPS).map((app) => ({
      // --ignore-lock: a preview someone left running must not stop the test run.
      command: `${astro} preview --root ${app.root} --port ${app.port} --host localhost --ignore-lock`,
      url: `http://localhost:${app.port}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    })),
  ],
});
