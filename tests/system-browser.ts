/**
 * The browser the Playwright configs launch: Debian's chromium-headless-shell where it is installed (CI,
 * these machines), else Debian's chromium, else Playwright's own. The headless shell is what Playwright
 * itself runs headless tests in: it loads the sample's endpoint page with about a third of the CPU time
 * full chromium's headless mode takes (no browser UI behind it), and the browser tests are CPU-bound.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const executablePath = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const launchOptions: LaunchOptions = {
  ...(executablePath ? { executablePath } : {}),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};
