/**
 * Shared fixtures for the e2e suite. Every test fails if the pages it visited logged a console error or
 * threw an uncaught exception (a missing asset, a broken component script, a Pagefind load failure…).
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export const BASE = '/docs/';

interface Fixtures {
  /** Console errors and uncaught page errors collected so far; checked automatically after each test. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console.error on ${page.url()}: ${msg.text()} (${msg.location().url})`);
      });
      page.on('pageerror', (err) => errors.push(`uncaught on ${page.url()}: ${err.message}`));
      await use(errors);
      expect(errors, 'pages visited in this test logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The text a reader sees in a code block (Shiki splits it over many spans). */
export async function codeText(block: Locator): Promise<string> {
  return block.locator('pre.shiki').first().innerText();
}

/** Hrefs of every link inside `scope`, as written in the HTML. */
export async function hrefs(page: Page, scope = 'body'): Promise<string[]> {
  return page.locator(`${scope} a[href]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
}
