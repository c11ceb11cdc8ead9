/**
 * A site of two products (the sample's Parcelwise API and Tracking API): each has its own index page, its
 * own sidebar section and a search filter, and the object slug they share ("webhooks") stays two objects.
 */
import { test, expect, axe, BASE } from './fixtures.ts';

test('each product has its own index page, listing only its objects', async ({ page }) => {
  await page.goto(`${BASE}reference/tracking/`);
  await expect(page.locator('main h1')).toHaveText('Tracking API');
  const cards = page.locator('main ul.cards > li > a');
  await expect(cards).toHaveText(['Trackers', 'Webhooks']);
  expect(await cards.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
    `${BASE}reference/tracking/trackers/`,
    `${BASE}reference/tracking/webhooks/`,
  ]);
  await cards.nth(1).click();
  await expect(page).toHaveURL(`${BASE}reference/tracking/webhooks/`);
  await expect(page.locator('main h1')).toHaveText('Webhooks');
  await expect(page.locator('table.methods td.title a')).toHaveText(['Create a tracking webhook']);

  await page.goto(`${BASE}reference/`);
  await expect(page.locator('main h1')).toHaveText('Parcelwise API');
  await expect(page.locator('main ul.cards > li > a')).toHaveText(['Parcels', 'Shipments', 'Webhooks']);
});

test('each product has its own sidebar section; the current page opens only its own', async ({ page }) => {
  await page.goto(`${BASE}reference/tracking/webhooks/create-a-webhook/`);
  const nav = page.getByRole('navigation', { name: 'Documentation' });
  await expect(nav.locator('details.group > summary')).toHaveText(['Guides', 'Parcelwise API', 'Tracking API']);
  const tracking = nav.locator('details.group').filter({ has: page.locator(':scope > summary', { hasText: 'Tracking API' }) });
  await expect(tracking.locator(':scope > ul > li > a, :scope > ul > li > .object > a')).toHaveText([
    'All objects',
    'Errors',
    'Trackers',
    'Webhooks',
    'Data structures',
  ]);
  // The current page is the Tracking API's "create-a-webhook", not the Parcelwise one with the same key.
  const current = nav.locator('a[aria-current="page"]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAttribute('href', `${BASE}reference/tracking/webhooks/create-a-webhook/`);
  const row = (href: string) => nav.locator('.object', { has: page.locator(`:scope > a[href="${href}"]`) }).locator('details');
  await expect(row(`${BASE}reference/tracking/webhooks/`)).toHaveAttribute('open', '');
  await expect(row(`${BASE}reference/webhooks/`)).not.toHaveAttribute('open');

  // Breadcrumbs start at the product; its index page is the product's crumb.
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('listitem')).toHaveText(['Tracking API', 'Webhooks', 'Create a tracking webhook']);
  await crumbs.getByRole('link', { name: 'Tracking API' }).click();
  await expect(page).toHaveURL(`${BASE}reference/tracking/`);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the search dialog with its product filter is accessible (${theme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${BASE}reference/tracking/`);
    await page.locator('body').press('/');
    const dialog = page.getByRole('dialog', { name: 'Search the documentation' });
    await dialog.locator('input.pagefind-ui__search-input').fill('tracker');
    await expect(dialog.getByRole('checkbox', { name: /^Tracking API/ })).toBeVisible({ timeout: 10_000 });
    await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
    const found = await axe(page).include('site-search dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(found.passes.length, 'axe looked at the dialog').toBeGreaterThan(0);
    expect(
      found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.html}`),
    ).toEqual([]);
  });
}

test('search results can be filtered by product', async ({ page }) => {
  await page.goto(`${BASE}reference/tracking/`);
  await page.locator('body').press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the documentation' });
  await dialog.locator('input.pagefind-ui__search-input').fill('webhook');
  const links = dialog.locator('.pagefind-ui__result-link');
  await expect(links.first()).toBeVisible({ timeout: 10_000 });
  const all = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  // Both products have webhooks.
  expect(all.some((h) => h.startsWith(`${BASE}reference/tracking/`))).toBe(true);
  expect(all.some((h) => h.startsWith(`${BASE}reference/webhooks/`))).toBe(true);

  const trackingOnly = dialog.getByRole('checkbox', { name: /^Tracking API/ });
  await expect(dialog.getByText('Product', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: /^Parcelwise API/ })).toBeVisible();
  await trackingOnly.check();
  // Pagefind re-runs the search; wait for results from the Tracking API's pages only.
  const tracking = /^\/docs\/(reference|guides|structures)\/tracking\//;
  const onlyTracking = async () => {
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    return hrefs.length > 0 && hrefs.every((h) => tracking.test(h));
  };
  await expect.poll(onlyTracking, { timeout: 10_000 }).toBe(true);
  const filtered = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(filtered.length).toBeLessThan(all.length);
  expect(filtered).toContain(`${BASE}reference/tracking/webhooks/create-a-webhook/`);
});

test('a bare #anchor both products hold leads to the one in the same product', async ({ page }) => {
  await page.goto(`${BASE}reference/tracking/trackers/retrieve-a-tracker/`);
  const link = page.locator('div.prose.description').getByRole('link', { name: 'create a webhook' });
  await expect(link).toHaveAttribute('href', `${BASE}reference/tracking/webhooks/create-a-webhook/#create-a-webhook`);
  await link.click();
  await expect(page.locator('#create-a-webhook')).toContainText('Create a tracking webhook');
  await expect(page.locator('.full-url')).toHaveText('https://tracking.parcelwise.example/v1/webhooks');
});
