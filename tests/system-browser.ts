/**
 * The browser the Playwright configs launch: Debian's chromium (/usr/bin/chromium) where it is installed
 * (CI, these machines), the project's chosen browser; Playwright's own elsewhere.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const launchOptions: LaunchOptions = {
  ...(executablePath ? { executablePath } : {}),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};
