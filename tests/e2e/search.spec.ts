/** Pagefind search in the header dialog (the index is built by `npm run build`). */
import type { Page } from '@playwright/test';
import { test, expect, BASE } from './fixtures.ts';

async function searchFor(page: Page, query: string) {
  const dialog = page.getByRole('dialog', { name: 'Search the documentation' });
  const input = dialog.locator('input.pagefind-ui__search-input');
  await expect(input).toBeVisible();
  await expect(input).toBeFocused();
  await input.fill(query);
  const links = dialog.locator('.pagefind-ui__result-link');
  await expect(links.first()).toBeVisible({ timeout: 10_000 });
  return links;
}

test('header button opens the dialog and a query finds pages under /docs/', async ({ page, request }) => {
  await page.goto(`${BASE}reference/parcels/`);
  const dialog = page.getByRole('dialog', { name: 'Search the documentation' });
  await expect(dialog).toBeHidden();
  await page.locator('site-search button.open').click();
  await expect(dialog).toBeVisible();

  const links = await searchFor(page, 'shipment');
  const results = await links.evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim() })));
  expect(results.length).toBeGreaterThan(0);
  for (const { href } of results) expect(href).toMatch(/^\/docs\//);
  expect(results.some((r) => /shipment/i.test(r.text) && r.href.startsWith(`${BASE}reference/shipments/`))).toBe(true);
  // The "search unavailable" fallback stays hidden when the index loads.
  await expect(dialog.locator('.unavailable')).toBeHidden();

  const first = new URL(results[0].href, page.url());
  expect((await request.get(first.pathname)).status()).toBe(200);

  // Following a result navigates there.
  await links.first().click();
  await page.waitForURL((url) => url.pathname === first.pathname);
});

test('"/" opens the dialog, and a specific query ranks the right page', async ({ page }) => {
  await page.goto(BASE);
  const dialog = page.getByRole('dialog', { name: 'Search the documentation' });
  await expect(dialog).toBeHidden();
  await page.locator('body').press('/');
  await expect(dialog).toBeVisible();

  const links = await searchFor(page, 'customs');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.some((h) => h.startsWith(`${BASE}reference/parcels/create-a-parcel/`))).toBe(true);
  // Nothing was typed into the search box by the "/" itself.
  await expect(dialog.locator('input.pagefind-ui__search-input')).toHaveValue('customs');

  // Escape closes it; "/" typed inside the box does not reopen or get swallowed.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.locator('body').press('/');
  await expect(dialog).toBeVisible();
  await page.getByRole('button', { name: 'Close search' }).click();
  await expect(dialog).toBeHidden();
});
