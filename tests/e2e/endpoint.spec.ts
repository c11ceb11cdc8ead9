/** Endpoint pages: header, URLs, arguments, highlighted examples, tabs, copy button. */
import { test, expect, codeText, BASE } from './fixtures.ts';

const CREATE = `${BASE}reference/parcels/create-a-parcel/`;

test.describe('Create a parcel (POST endpoint)', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(CREATE);
  });

  test('header shows the method badge, title, and resolved URLs', async ({ page }) => {
    const article = page.locator('article.endpoint');
    await expect(article).toHaveAttribute('data-key', 'create-a-parcel');
    const h1 = page.locator('h1');
    await expect(h1).toHaveCount(1);
    await expect(h1.locator('.method')).toHaveText('POST');
    await expect(h1.locator('.method')).toHaveClass(/\bpost\b/);
    await expect(h1).toContainText('Create a parcel');
    await expect(page).toHaveTitle(/^Create a parcel · Parcelwise API Reference$/);

    // Liquid (`{{ api.base-url }}{{ endpoint.short-url | flatify }}`) is fully resolved, with no stray whitespace.
    await expect(page.locator('.full-url')).toHaveText('https://api.parcelwise.example/v1/parcels', { useInnerText: true });
    await expect(page.locator('.short-url')).toHaveText('/v1/parcels', { useInnerText: true });
    expect(await page.locator('.full-url').textContent()).toBe('https://api.parcelwise.example/v1/parcels');
    // The method is shown once, in the title, not again in the endpoint box.
    await expect(page.locator('article.endpoint .method')).toHaveCount(1);
    await expect(page.locator('.endpoint-meta .method')).toHaveCount(0);
    // The breadcrumb goes back to the object, under the base path.
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('link', { name: 'Parcels' })).toHaveAttribute('href', `${BASE}reference/parcels/`);
  });

  test('description renders the Liquid-built prose', async ({ page }) => {
    const description = page.locator('div.prose.description');
    await expect(description).toContainText('Creates a parcel describing one package you plan to ship.');
    // site.data.parcel.limits values flattened in through several levels of Liquid.
    await expect(description).toContainText('A parcel may weigh up to 30000 grams.');
    await expect(description).not.toContainText('{{');
    await expect(description).not.toContainText('{%');
  });

  test('arguments table lists top-level and nested child properties', async ({ page }) => {
    const table = page.getByRole('table', { name: 'Arguments', exact: true });
    await expect(table).toBeVisible();
    const topNames = table.locator(':scope > tbody > tr > td.name code');
    await expect(topNames).toHaveText(['weight', 'dimensions', 'from_address', 'to_address', 'customs', 'reference', 'metadata']);

    const weight = table.locator(':scope > tbody > tr').filter({ has: page.locator(':scope > td.name code', { hasText: /^weight$/ }) });
    await expect(weight.locator(':scope > td.type')).toHaveText('integer');
    await expect(weight.locator(':scope > td.required')).toHaveText('Required');
    await expect(weight.locator(':scope > td.description')).toContainText('At most 30000.');

    // dimensions → length/width/height in a nested table.
    const dims = page.getByRole('table', { name: 'Arguments: dimensions', exact: true });
    await expect(dims).toBeVisible();
    await expect(dims.locator(':scope > tbody > tr > td.name code')).toHaveText(['length', 'width', 'height']);
    const length = dims.locator(':scope > tbody > tr').first();
    await expect(length.locator('td.type')).toHaveText('integer');
    await expect(length.locator('td.description')).toContainText('The longest side.');
    await expect(length.locator('.example code')).toHaveText('35');

    // The YAML alias (*address-arguments) gives to_address the same children as from_address.
    const to = page.getByRole('table', { name: 'Arguments: to_address', exact: true });
    await expect(to.locator(':scope > tbody > tr > td.name code').first()).toHaveText('name');
    await expect(to.locator(':scope > tbody > tr')).toHaveCount(10);
    await expect(to.locator(':scope > tbody > tr').filter({ hasText: 'company' }).locator('td.required')).toHaveText('Optional');

    // Third level: customs → items → description, quantity, …
    const items = page.getByRole('table', { name: 'Arguments: customs: items', exact: true });
    await expect(items.locator(':scope > tbody > tr > td.name code')).toHaveText([
      'description',
      'quantity',
      'unit_value',
      'currency',
      'hs_code',
      'origin_country',
    ]);
    await expect(items).toContainText('How many of this item the parcel contains.');

    // Nested properties stack inside the description column instead of widening the table past its column.
    const overflowing = await page
      .locator('table.params')
      .evaluateAll((tables) =>
        tables.filter((t) => t.scrollWidth > t.parentElement!.clientWidth + 1).map((t) => t.getAttribute('aria-label')),
      );
    expect(overflowing).toEqual([]);
  });

  test('request example is Shiki-highlighted and shows placeholders as text', async ({ page }) => {
    const panel = page.getByRole('tabpanel', { name: 'Request' });
    await expect(panel).toBeVisible();
    const pre = panel.locator('pre.shiki').first();
    await expect(pre).toBeVisible();
    // Shiki writes one span per token with an inline light colour; several different colours means real highlighting.
    const colours = await pre
      .locator('span[style*="color"]')
      .evaluateAll((spans) => [...new Set(spans.map((s) => (s as HTMLElement).style.color).filter(Boolean))]);
    expect(colours.length).toBeGreaterThan(2);

    const text = await codeText(panel);
    expect(text).toMatch(/^curl -X "POST" "https:\/\/api\.parcelwise\.example\/v1\/parcels" \\/);
    // `<…>` placeholders must be escaped, not swallowed as HTML tags.
    expect(text).toContain('Authorization: Bearer <ACCESS_TOKEN>');
    expect(text).toContain('"email": "<RECIPIENT_EMAIL>"');
    expect(text).toContain('"reference": "ORDER-10482"');
    expect(text).not.toContain('{{');
    expect(await pre.locator('access_token, recipient_email').count()).toBe(0);
  });

  test('tabs switch panels with the mouse', async ({ page }) => {
    const requestTab = page.getByRole('tab', { name: 'Request' });
    const responseTab = page.getByRole('tab', { name: 'Response' });
    const errorsTab = page.getByRole('tab', { name: 'Errors' });
    const requestPanel = page.getByRole('tabpanel', { name: 'Request' });
    // Hidden panels are not in the accessibility tree, so address them by their data attribute.
    const responsePanel = page.locator('[role="tabpanel"][data-tab="Response"]');
    const errorsPanel = page.locator('[role="tabpanel"][data-tab="Errors"]');

    await expect(requestTab).toHaveAttribute('aria-selected', 'true');
    await expect(responseTab).toHaveAttribute('aria-selected', 'false');
    await expect(requestPanel).toBeVisible();
    await expect(responsePanel).toBeHidden();
    await expect(errorsPanel).toBeHidden();

    await responseTab.click();
    await expect(responseTab).toHaveAttribute('aria-selected', 'true');
    await expect(requestTab).toHaveAttribute('aria-selected', 'false');
    await expect(responsePanel).toBeVisible();
    await expect(page.locator('[role="tabpanel"][data-tab="Request"]')).toBeHidden();
    const response = await codeText(responsePanel);
    expect(response).toContain('"id": "prc_4f8Kq2Zt9WmX"');
    expect(response).toContain('"object": "parcel"');

    await errorsTab.click();
    await expect(errorsTab).toHaveAttribute('aria-selected', 'true');
    await expect(responsePanel).toBeHidden();
    await expect(errorsPanel).toBeVisible();
    const errors = errorsPanel.getByRole('table', { name: 'Error responses' });
    await expect(errors).toBeVisible();
    const firstRow = errors.locator('tbody tr').first();
    await expect(firstRow.locator('.status')).toHaveText(/^[45]\d\d$/);
    await expect(errors.locator('tbody .status', { hasText: '400' }).first()).toBeVisible();
    await expect(errors).toContainText('A required argument is missing');
    // Response bodies in the table are highlighted too.
    await expect(firstRow.locator('pre.shiki')).toContainText('parameter_missing');
  });

  test('tabs follow the keyboard (ArrowRight / ArrowLeft / Home / End, roving tabindex)', async ({ page }) => {
    // The example tabs; the Request panel holds its own language tabs (code-samples.spec.ts).
    const tabs = page.getByRole('tablist', { name: 'Create a parcel examples' }).getByRole('tab');
    await expect(tabs).toHaveText(['Request', 'Response', 'Errors']);
    await expect(tabs.nth(0)).toHaveAttribute('tabindex', '0');
    await expect(tabs.nth(1)).toHaveAttribute('tabindex', '-1');

    await tabs.nth(0).focus();
    await page.keyboard.press('ArrowRight');
    await expect(tabs.nth(1)).toBeFocused();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(tabs.nth(1)).toHaveAttribute('tabindex', '0');
    await expect(tabs.nth(0)).toHaveAttribute('tabindex', '-1');
    await expect(page.locator('[role="tabpanel"][data-tab="Response"]')).toBeVisible();

    await page.keyboard.press('ArrowRight');
    await expect(tabs.nth(2)).toBeFocused();
    await expect(page.locator('[role="tabpanel"][data-tab="Errors"]')).toBeVisible();

    // Wraps around from the last tab to the first.
    await page.keyboard.press('ArrowRight');
    await expect(tabs.nth(0)).toBeFocused();
    await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('[role="tabpanel"][data-tab="Request"]')).toBeVisible();

    await page.keyboard.press('ArrowLeft');
    await expect(tabs.nth(2)).toBeFocused();
    await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');

    await page.keyboard.press('Home');
    await expect(tabs.nth(0)).toBeFocused();
    await expect(page.locator('[role="tabpanel"][data-tab="Request"]')).toBeVisible();
    await page.keyboard.press('End');
    await expect(tabs.nth(2)).toBeFocused();
    await expect(page.locator('[role="tabpanel"][data-tab="Errors"]')).toBeVisible();
  });
});

test.describe('Copy button', () => {
  test('copies the request exactly as in data-code, placeholders included', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(CREATE);
    const panel = page.getByRole('tabpanel', { name: 'Request' });
    const button = panel.locator('.code-block .copy').first();
    const dataCode = await button.getAttribute('data-code');
    expect(dataCode).toContain('<ACCESS_TOKEN>');
    expect(dataCode).toContain('<RECIPIENT_EMAIL>');
    // data-code is the same text the reader sees.
    expect(dataCode!.trim()).toBe((await codeText(panel)).trim());

    await page.evaluate(() => navigator.clipboard.writeText('stale'));
    await button.click();
    await expect(button).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(dataCode);
    expect(copied).toContain('Authorization: Bearer <ACCESS_TOKEN>');
    await expect(button).toHaveText('Copy', { timeout: 3000 });
  });
});

test.describe('Seed-style endpoints (curl line built in Liquid)', () => {
  for (const { key, method, id } of [
    { key: 'retrieve-a-parcel', method: 'GET', id: 'prc_4f8Kq2Zt9WmX' },
    { key: 'delete-a-parcel', method: 'DELETE', id: 'prc_9bR3nV7cLp2D' },
  ]) {
    test(`${key}: the curl line has the method, full URL and example ID, no leftover braces`, async ({ page }) => {
      await page.goto(`${BASE}reference/parcels/${key}/`);
      await expect(page.locator('h1 .method')).toHaveText(method);
      // The page itself still documents the templated path.
      await expect(page.locator('.short-url')).toHaveText('/v1/parcels/{parcel_id}');
      await expect(page.locator('.full-url')).toHaveText('https://api.parcelwise.example/v1/parcels/{parcel_id}');

      const panel = page.getByRole('tabpanel', { name: 'Request' });
      const text = await codeText(panel);
      expect(text.startsWith(`curl -X ${method} https://api.parcelwise.example/v1/parcels/`)).toBe(true);
      const firstLine = text.split('\n')[0];
      expect(firstLine).toBe(`curl -X ${method} https://api.parcelwise.example/v1/parcels/${id} \\`);
      expect(text).not.toMatch(/[{}]/);
      expect(text).toContain('Authorization: Bearer <ACCESS_TOKEN>');
      // `{% assign %}` leaves no blank line in front of the command.
      expect(await panel.locator('.code-block .copy').getAttribute('data-code')).toMatch(/^curl -X /);
      expect(await panel.locator('pre.shiki span[style*="color"]').count()).toBeGreaterThan(3);
    });
  }

  test('path parameter is listed as an argument', async ({ page }) => {
    await page.goto(`${BASE}reference/parcels/retrieve-a-parcel/`);
    const row = page.getByRole('table', { name: 'Arguments', exact: true }).locator('tbody tr').first();
    await expect(row.locator('td.name')).toHaveText('parcel_id');
    await expect(row.locator('td.type')).toHaveText('path parameter');
    await expect(row.locator('.example code')).toHaveText('prc_4f8Kq2Zt9WmX');
  });
});
