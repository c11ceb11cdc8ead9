/**
 * The integration in two host sites (built by `npm run build:apps`): an endpoint page in each, the way in
 * from the host's own pages, and in Starlight one search over both Starlight's pages and the reference.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures.ts';
import { appUrl } from './servers.ts';

async function checkEndpointPage(page: Page, url: string, root: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('main h1')).toContainText('Create a parcel');
  await expect(page.locator('main h1 .method')).toHaveText('POST');
  await expect(page.locator('.full-url')).toHaveText('https://api.parcelwise.example/v1/parcels');
  // Links and assets carry the host's base plus the prefix; the request sample's language tabs work.
  await expect(page.locator('header a.brand')).toHaveAttribute('href', root);
  const tabs = page.locator('main code-samples').first().getByRole('tab');
  await tabs.nth(1).click();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  const stylesheets = await page.locator('link[rel="stylesheet"]').evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href));
  for (const href of stylesheets) expect((await page.request.get(href)).status()).toBe(200);
}

async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('site-search button.open').click();
  const dialog = page.getByRole('dialog', { name: 'Search the documentation' });
  await dialog.locator('input.pagefind-ui__search-input').fill(query);
  const links = dialog.locator('.pagefind-ui__result-link');
  await expect(links.first()).toBeVisible({ timeout: 10_000 });
  return links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
}

test('bare Astro site: the reference under /docs/, reached from the host page, with its own search', async ({ page }) => {
  await page.goto(appUrl('bare', '/'));
  await page.getByRole('link', { name: '/docs/' }).click();
  await expect(page.locator('main h1')).toHaveText('Parcelwise API Reference');
  await checkEndpointPage(page, appUrl('bare', '/docs/reference/parcels/create-a-parcel/'), '/docs/');
  const hrefs = await search(page, 'customs');
  expect(hrefs.some((h) => h.startsWith('/docs/reference/parcels/create-a-parcel/'))).toBe(true);
});

test('Starlight site: the reference under /api/, linked from the sidebar, one search for both', async ({ page }) => {
  await page.goto(appUrl('starlight', '/guides/shipping/'));
  const sidebarLink = page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'API reference' });
  await expect(sidebarLink).toHaveAttribute('href', '/api/');
  await sidebarLink.click();
  await expect(page.locator('main h1')).toHaveText('Parcelwise API Reference');
  await checkEndpointPage(page, appUrl('starlight', '/api/reference/parcels/create-a-parcel/'), '/api/');

  // The reference's search opens Starlight's index: it finds Starlight's own pages and the reference's.
  const fromReference = await search(page, 'shipping guide');
  expect(fromReference).toContain('/guides/shipping/');

  // Starlight's search finds the reference pages.
  await page.goto(appUrl('starlight', '/'));
  await page.locator('site-search button, button[data-open-modal]').first().click();
  const input = page.locator('dialog[aria-label="Search"] input');
  await input.fill('customs');
  const results = page.locator('dialog[aria-label="Search"] .pagefind-ui__result-link');
  await expect(results.first()).toBeVisible({ timeout: 10_000 });
  const starlightHrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(starlightHrefs.some((h) => h.startsWith('/api/reference/parcels/create-a-parcel/'))).toBe(true);
});
