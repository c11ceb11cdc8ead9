/** The multi-version Shipment object: version switcher, outdated and not-available notices. */
import { test, expect, codeText, BASE } from './fixtures.ts';

const SHIPMENTS = `${BASE}reference/shipments/`;
const SHIPMENTS_V1 = `${BASE}reference/shipments/v1/`;

test('latest object version is current and carries no outdated notice', async ({ page, request }) => {
  await page.goto(SHIPMENTS);
  const switcher = page.locator('nav.versions');
  await expect(switcher).toBeVisible();
  await expect(switcher.locator('a[data-version]')).toHaveText([/^v2\s*latest$/, /^v1$/]);
  await expect(switcher.locator('a[data-version="2"]')).toHaveAttribute('aria-current', 'page');
  await expect(switcher.locator('a[data-version="1"]')).not.toHaveAttribute('aria-current', /.*/);
  await expect(page.locator('article.object')).toHaveAttribute('data-version', '2');
  await expect(page.locator('.notice')).toHaveCount(0);
  await expect(page.getByText('Outdated version')).toHaveCount(0);

  // v2-only attributes and the v2 methods.
  const attrs = page.getByRole('table', { name: 'Shipment attributes', exact: true });
  await expect(attrs.locator(':scope > tbody > tr > td.name code').first()).toHaveText('id');
  const names = await attrs.locator(':scope > tbody > tr > td.name code').allTextContents();
  expect(names).toEqual(expect.arrayContaining(['id', 'status', 'tracking_number', 'parcel_ids', 'rate', 'label']));
  expect(names).not.toContain('label_url');
  expect(names).not.toContain('parcel_id');
  const methods = page.locator('table.methods');
  await expect(methods.locator('td.title a')).toHaveText(['Create a shipment', 'List all shipments', 'Cancel a shipment']);
  await expect(methods.locator('tr.unavailable')).toHaveCount(0);

  // Every version link stays under the base path and resolves.
  for (const href of await switcher.locator('a[data-version]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
    expect(href).toMatch(/^\/docs\/reference\/shipments\//);
    expect((await request.get(href)).status(), href).toBe(200);
  }
});

test('clicking v1 opens the outdated v1 object page', async ({ page }) => {
  await page.goto(SHIPMENTS);
  await page.locator('nav.versions a[data-version="1"]').click();
  await expect(page).toHaveURL(SHIPMENTS_V1);
  await expect(page.locator('article.object')).toHaveAttribute('data-version', '1');

  const switcher = page.locator('nav.versions');
  await expect(switcher.locator('a[data-version="1"]')).toHaveAttribute('aria-current', 'page');
  await expect(switcher.locator('a[data-version="2"]')).not.toHaveAttribute('aria-current', /.*/);
  await expect(switcher.locator('a[data-version="2"]')).toHaveAttribute('href', SHIPMENTS);

  const notice = page.locator('.notice', { hasText: 'Outdated version' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Shipment object');
  await expect(notice.getByRole('link')).toHaveAttribute('href', SHIPMENTS);

  // Version-specific attributes, and the method that only exists in v2 is flagged.
  const attrs = page.getByRole('table', { name: 'Shipment attributes', exact: true });
  await expect(attrs.locator(':scope > tbody > tr > td.name code').first()).toHaveText('id');
  const names = await attrs.locator(':scope > tbody > tr > td.name code').allTextContents();
  // Common attributes from shipment-object.md plus the v1-only ones from v1/shipment-object-v1.md.
  expect(names).toEqual(expect.arrayContaining(['id', 'status', 'tracking_number', 'parcel_id', 'label_url']));
  expect(names).not.toContain('parcel_ids');
  expect(names).not.toContain('label');
  const cancel = page.locator('table.methods tr', { hasText: 'Cancel a shipment' });
  await expect(cancel).toHaveClass(/unavailable/);
  await expect(cancel).toContainText('(not available in version 1)');
  await expect(page.locator('table.methods td.title a').first()).toHaveAttribute('href', `${SHIPMENTS_V1}create-a-shipment/`);

  // And back again.
  await switcher.locator('a[data-version="2"]').click();
  await expect(page).toHaveURL(SHIPMENTS);
  await expect(page.locator('.notice')).toHaveCount(0);
});

test('an endpoint missing from v1 shows the not-available notice', async ({ page }) => {
  await page.goto(`${SHIPMENTS_V1}cancel-a-shipment/`);
  await expect(page.locator('h1')).toContainText('Cancel a shipment');
  const notice = page.locator('.notice', { hasText: 'Not available in this version' });
  await expect(notice).toBeVisible();
  // It names the version that introduced the endpoint and links to the latest one.
  await expect(notice).toContainText(/version 2\b/);
  await expect(notice.getByRole('link')).toHaveCount(1);
  await expect(notice.getByRole('link')).toHaveAttribute('href', `${SHIPMENTS}cancel-a-shipment/`);
  // Nothing of the v2 endpoint leaks into the v1 page.
  await expect(page.locator('.endpoint-meta')).toHaveCount(0);
  await expect(page.getByRole('tab')).toHaveCount(0);

  const switcher = page.locator('nav.versions');
  await expect(switcher.locator('a[data-version="1"]')).toHaveAttribute('aria-current', 'page');
  await switcher.locator('a[data-version="2"]').click();
  await expect(page).toHaveURL(`${SHIPMENTS}cancel-a-shipment/`);
  await expect(page.locator('.notice')).toHaveCount(0);
  await expect(page.locator('.full-url')).toHaveText('https://api.parcelwise.example/v2/shipments/{shipment_id}/cancel');
  // On the v2 page, the v1 link is marked as unavailable.
  await expect(page.locator('nav.versions a[data-version="1"]')).toHaveClass(/unavailable/);
  await expect(page.locator('nav.versions a[data-version="1"]')).toHaveAttribute('title', 'Not available in version 1');
});

test('endpoint versions resolve their own URLs and requests', async ({ page }) => {
  await page.goto(`${SHIPMENTS}create-a-shipment/`);
  await expect(page.locator('.full-url')).toHaveText('https://api.parcelwise.example/v2/shipments');
  await expect(page.locator('.notice')).toHaveCount(0);
  expect(await codeText(page.getByRole('tabpanel', { name: 'Request' }))).toContain('https://api.parcelwise.example/v2/shipments');

  await page.locator('nav.versions a[data-version="1"]').click();
  await expect(page).toHaveURL(`${SHIPMENTS_V1}create-a-shipment/`);
  await expect(page.locator('article.endpoint')).toHaveAttribute('data-version', '1');
  await expect(page.locator('.full-url')).toHaveText('https://api.parcelwise.example/v1/shipments');
  await expect(page.locator('.short-url')).toHaveText('/v1/shipments');
  const outdated = page.locator('.notice', { hasText: 'Outdated endpoint version' });
  await expect(outdated).toBeVisible();
  await expect(outdated.getByRole('link')).toHaveAttribute('href', `${SHIPMENTS}create-a-shipment/`);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Shipments' })).toHaveAttribute(
    'href',
    SHIPMENTS_V1,
  );
  const request = await codeText(page.getByRole('tabpanel', { name: 'Request' }));
  expect(request).toContain('https://api.parcelwise.example/v1/shipments');
  expect(request).toContain('"parcel_id": "prc_5Jn8Rf2Gs6Wc"');
});
