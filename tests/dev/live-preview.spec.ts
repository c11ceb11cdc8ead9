/**
 * `npm run dev` as a writer uses it: with a page open, saving an endpoint file, an object file, a site-data
 * file or the site config shows the new text without navigating or restarting; a broken file shows an
 * error overlay naming file, field and line, and the page recovers by itself once the file is fixed.
 * Each save-to-new-text time is printed (figures, not assertions: timings depend on the machine).
 */
import { expect, test, type Page } from '@playwright/test';
import { startDevServer, type DevServer } from './dev-server.ts';

let dev: DevServer;
const timings: string[] = [];

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  dev = await startDevServer();
});
// Playwright reads fixtures from an object pattern; this hook needs none.
// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(`server log:\n${dev.log()}`);
});
test.afterAll(() => {
  dev?.stop();
  console.log(`save → new text in the open page:\n${timings.map((t) => `  ${t}`).join('\n')}`);
});

/** Saves, then waits (without navigating) until `text` is in the page; returns the elapsed ms. */
async function timeSave(page: Page, label: string, save: () => number, text: string): Promise<void> {
  await expect(page.getByText(text)).toHaveCount(0);
  const saved = save();
  await page
    .waitForFunction((t) => document.body?.innerText.includes(t), text, { polling: 20, timeout: 20_000 })
    .catch((error: Error) => {
      throw new Error(`${label}: "${text}" never appeared (${error.message})\nserver log:\n${dev.log().slice(-3000)}`);
    });
  timings.push(`${label}: ${Date.now() - saved} ms`);
}

async function open(page: Page, pagePath: string): Promise<void> {
  await page.goto(dev.url(pagePath));
  await expect(page.locator('h1').first()).toBeVisible();
}

test('endpoint, object, data and config edits show in the open page', async ({ page }) => {
  await open(page, 'reference/parcels/list-parcels/');
  await timeSave(
    page,
    'endpoint file (reference/parcels/list-parcels.md)',
    () => dev.edit('reference/parcels/list-parcels.md', 'Only return parcels with this status', 'Only return parcels in this state'),
    'Only return parcels in this state',
  );
  await timeSave(
    page,
    'object file (reference/parcels/parcel-object.md)',
    () => dev.edit('reference/parcels/parcel-object.md', 'title: "List all parcels"', 'title: "List every parcel"'),
    'List every parcel',
  );
  await timeSave(
    page,
    'site config (site.yml)',
    () => dev.edit('site.yml', 'title: "Parcelwise API Reference"', 'title: "Parcelwise Docs Preview"'),
    'Parcelwise Docs Preview',
  );

  // Site data is read by the page only through Liquid in the endpoint file.
  await open(page, 'reference/parcels/create-a-parcel/');
  await expect(page.getByText('A parcel may weigh up to 30000 grams')).toHaveCount(1);
  await timeSave(
    page,
    'data file (data/parcel/limits.yml)',
    () => dev.edit('data/parcel/limits.yml', 'max-weight-grams: 30000', 'max-weight-grams: 25000'),
    'A parcel may weigh up to 25000 grams',
  );
});

test('a broken file shows an overlay naming file, field and line, and the page recovers by itself', async ({ page }) => {
  const file = 'reference/parcels/list-parcels.md';
  const good = dev.read(file);
  const line = good.split('\n').findIndex((l) => l.startsWith('description:')) + 1;
  await open(page, 'reference/parcels/list-parcels/');
  // No goto/reload from here on: the dev server must reload the page itself, into the error and out of it.

  const logMark = dev.log().length;
  let saved = dev.edit(file, /^description: "/m, 'description: "{{ parcl.count }} ');
  const overlay = page.locator('vite-error-overlay');
  const problem = `${file}:${line} (field "description"): undefined variable "parcl"`;
  await expect(overlay.getByText(problem)).toBeVisible({ timeout: 20_000 });
  timings.push(`error overlay after a bad save: ${Date.now() - saved} ms`);
  // The terminal reports the problem once, however many pages are viewed while it lasts.
  const second = await page.context().newPage();
  await second.goto(page.url());
  await expect(second.locator('vite-error-overlay').getByText(problem)).toBeVisible({ timeout: 20_000 });
  await second.close();
  expect(dev.log().slice(logMark).split(problem).length - 1).toBe(1);

  saved = dev.write(file, good);
  await expect(overlay).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('h1').first()).toHaveText(/List all parcels|List every parcel/);
  timings.push(`recovery after the fix: ${Date.now() - saved} ms`);
});
