/**
 * Live-preview tests (`npm run test:dev`): each spec starts its own `astro dev` on a temporary copy of the
 * sample content (see tests/dev/dev-server.ts), edits files and watches the open page update.
 */
import { defineConfig, devices } from '@playwright/test';
import './tests/compile-cache.ts';
import { launchOptions } from './tests/system-browser.ts';

export default defineConfig({
  testDir: 'tests/dev',
  // One dev server at a time: they share the machine's two cores with the browser.
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions,
  },
});
