/**
 * The Try it panel and the reader's key on the sample site, whose site.yml marks DELETE unsafe and adds a
 * sandbox server (the panel's requests themselves are tested against local servers in try-it.spec.ts).
 */
import { BASE, codeText, expect, test } from './fixtures.ts';

test('the panel offers the endpoint’s own base URL and the site’s sandbox; DELETE pages have none', async ({ page }) => {
  await page.goto(`${BASE}reference/parcels/retrieve-a-parcel/`);
  const panel = page.locator('section.try-it');
  await panel.getByRole('button', { name: 'Send a GET request' }).click();
  await expect(panel.getByRole('combobox', { name: 'Base URL' }).locator('option')).toHaveText([
    'https://api.parcelwise.example',
    'Sandbox: https://sandbox.parcelwise.example',
  ]);
  await expect(panel.getByRole('textbox', { name: /parcel_id/ })).toHaveValue('prc_4f8Kq2Zt9WmX');
  await page.goto(`${BASE}reference/parcels/delete-a-parcel/`);
  await expect(page.locator('h1')).toContainText('Delete a parcel');
  await expect(page.locator('section.try-it')).toHaveCount(0);
});

test('a key entered once shows, masked, in every language of every sample that has <ACCESS_TOKEN>', async ({ page }) => {
  await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
  const panel = page.locator('section.try-it');
  await panel.getByRole('button', { name: 'Send a POST request' }).click();
  await panel.getByLabel(/Your key/).fill('sk_test_9f8e7d6c5b4a');
  const groups = page.locator('code-samples[data-credential="<ACCESS_TOKEN>"]');
  await expect(groups.first()).toBeAttached();
  const panels = groups.locator('[role="tabpanel"]');
  const n = await panels.count();
  expect(n).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < n; i++) {
    await expect(panels.nth(i).locator('.reader-key').first()).toHaveText('sk_t••••••••', { useInnerText: false });
    const text = await panels.nth(i).locator('pre').first().textContent();
    expect(text).not.toContain('<ACCESS_TOKEN>');
    expect(text).not.toContain('sk_test_9f8e7d6c5b4a');
  }
  expect(await codeText(groups.first())).toContain('sk_t••••••••');
});
