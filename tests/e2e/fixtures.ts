/**
 * Shared fixtures for the e2e suite. Every test fails if the pages it visited logged a console error or
 * threw an uncaught exception (a missing asset, a broken component script, a Pagefind load failure…).
 */
import AxeBuilder from '@axe-core/playwright';
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

/**
 * axe-core on `page`, as every axe check here runs it: `axe.run` in the page itself (AxeBuilder's legacy
 * mode) instead of `runPartial` per frame and `finishRun` in a second, blank page (the same result for
 * these pages, which have no frames: that mode exists for cross-origin ones), and the full node lists only
 * for violations (axe's `resultTypes`; passes still name every rule that passed). Together about half
 * the time of an analysis.
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
}
