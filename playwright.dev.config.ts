/**
 * Live-preview tests (`npm run test:dev`): each spec starts its own `astro dev` on a temporary copy of the
 * sample content (see tests/dev/dev-server.ts), edits files and watches the open page update.
 */
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: 'tests/dev',
  // One dev server at a time: they share the machine's two cores with the browser.
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
});
