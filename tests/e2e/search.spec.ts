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

test.describe('keyboard and ranking', () => {
  const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search the documentation' });
  const resultHrefs = (links: Awaited<ReturnType<typeof searchFor>>) => links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));

  test('Ctrl+K and Meta+K open the search', async ({ page }) => {
    await page.goto(`${BASE}reference/parcels/`);
    await page.keyboard.press('Control+k');
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page).locator('input.pagefind-ui__search-input')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await page.keyboard.press('Meta+k');
    await expect(dialog(page)).toBeVisible();
  });

  test('search assets load only when the search opens', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
    await page.waitForLoadState('load');
    expect(requested.filter((p) => p.includes('/pagefind/'))).toEqual([]);
    await page.keyboard.press('/');
    await expect(dialog(page).locator('input.pagefind-ui__search-input')).toBeFocused();
    expect(requested.some((p) => p.startsWith(`${BASE}pagefind/`))).toBe(true);
  });

  test('an endpoint is found by its title', async ({ page }) => {
    await page.goto(BASE);
    await page.keyboard.press('/');
    const links = await searchFor(page, 'Cancel a shipment');
    expect((await resultHrefs(links))[0]).toBe(`${BASE}reference/shipments/cancel-a-shipment/`);
    // The result reads as the page title, not the h1's badge run into its text ("POSTCancel…"), with the API
    // version, since the shipments object has two (its v1 page says the method came in v2).
    await expect(links.first()).toHaveText('Cancel a shipment · v2');
  });

  test('an endpoint is found by its path, as written in the reference', async ({ page }) => {
    await page.goto(BASE);
    await page.keyboard.press('/');
    const links = await searchFor(page, '/v2/shipments/{shipment_id}/cancel');
    expect((await resultHrefs(links))[0]).toBe(`${BASE}reference/shipments/cancel-a-shipment/`);
    // A shorter path prefix lists the endpoints under it.
    await dialog(page).locator('input.pagefind-ui__search-input').fill('/v1/parcels');
    await expect(links.first()).toHaveAttribute('href', /\/docs\/reference\/parcels\//);
  });

  test('an argument name finds its endpoint, and a sub-result jumps to the section', async ({ page }) => {
    await page.goto(BASE);
    await page.keyboard.press('/');
    const links = await searchFor(page, 'origin_country');
    const hrefs = await resultHrefs(links);
    const hit = hrefs.find((h) => h.startsWith(`${BASE}reference/parcels/create-a-parcel/`));
    expect(hit, hrefs.join(', ')).toBeTruthy();
    const sub = dialog(page).locator(`.pagefind-ui__result-nested a[href^="${BASE}reference/parcels/create-a-parcel/#"]`).first();
    const target = (await sub.getAttribute('href'))!;
    await sub.click();
    await page.waitForURL((url) => url.pathname + url.hash === target);
    await expect(dialog(page)).toBeHidden();
    await expect(page.locator(`[id="${decodeURIComponent(target.split('#')[1])}"]`)).toBeInViewport();
  });
});
