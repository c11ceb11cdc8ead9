/** "Copy page as Markdown": the button copies the page's Markdown twin, the link opens it, both in the built site. */
import { test, expect, BASE } from './fixtures.ts';

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

for (const [label, path, heading] of [
  ['an endpoint page', 'reference/parcels/create-a-parcel/', '# Create a parcel'],
  ['a prose page', 'guides/authentication/', '# Authentication'],
] as const) {
  test(`on ${label}, copies the index.md twin and announces it`, async ({ page, request }) => {
    await page.goto(`${BASE}${path}`);
    const twin = await request.get(`${BASE}${path}index.md`);
    expect(twin.ok()).toBe(true);
    const expected = await twin.text();
    expect(expected.split('\n')[0]).toBe(heading);

    await page.evaluate(() => navigator.clipboard.writeText('stale'));
    // Located by place, not by name: its text changes to say what happened.
    const button = page.locator('copy-markdown button');
    await expect(button).toHaveAccessibleName('Copy page as Markdown');
    await button.click();
    await expect(button).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await expect(page.getByRole('status').filter({ hasText: 'Page copied as Markdown' })).toHaveCount(1);
    await expect(button).toHaveText('Copy page as Markdown');

    // The link beside it opens the same text.
    expect(await page.getByRole('link', { name: 'View as Markdown' }).getAttribute('href')).toBe(`${BASE}${path}index.md`);
  });
}

test('the endpoint twin has the method, URL, arguments table and the request as fenced code', async ({ request }) => {
  const text = await (await request.get(`${BASE}reference/parcels/create-a-parcel/index.md`)).text();
  expect(text).toContain('`POST https://api.parcelwise.example/v1/parcels`');
  expect(text).toContain('| Name | Type | Required | Description |');
  expect(text).toContain('```shell\ncurl -X "POST" "https://api.parcelwise.example/v1/parcels"');
});
