/** Request samples in curl / JavaScript / Python / Go / Ruby / PHP: tabs by keyboard, the remembered language, copy buttons. */
import { parseCurl } from '../../src/core/model/request-model.ts';
import { fetchSnippet, requestsSnippet } from '../../src/core/model/snippets.ts';
import { goSnippet } from '../../src/core/model/snippets-go.ts';
import { phpSnippet } from '../../src/core/model/snippets-php.ts';
import { rubySnippet } from '../../src/core/model/snippets-ruby.ts';
import { test, expect, codeText, BASE } from './fixtures.ts';

const CREATE = `${BASE}reference/parcels/create-a-parcel/`;
const LIST = `${BASE}reference/parcels/list-parcels/`;

test('language tabs follow the WAI-ARIA tabs pattern (arrows, Home, End)', async ({ page }) => {
  await page.goto(CREATE);
  const request = page.getByRole('tabpanel', { name: 'Request' });
  const list = request.getByRole('tablist', { name: 'Language' });
  const tabs = list.getByRole('tab');
  await expect(tabs).toHaveText(['curl', 'JavaScript', 'Python', 'Go', 'Ruby', 'PHP']);
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.nth(0)).toHaveAttribute('tabindex', '0');
  await expect(tabs.nth(2)).toHaveAttribute('tabindex', '-1');
  const php = tabs.nth(5);
  // Each tab controls a tabpanel labelled by it.
  const python = tabs.nth(2);
  const panelId = await python.getAttribute('aria-controls');
  await expect(page.locator(`#${panelId}`)).toHaveAttribute('role', 'tabpanel');
  await expect(page.locator(`#${panelId}`)).toHaveAttribute('aria-labelledby', (await python.getAttribute('id'))!);

  await tabs.nth(0).focus();
  await page.keyboard.press('End');
  await expect(php).toBeFocused();
  await expect(php).toHaveAttribute('aria-selected', 'true');
  await expect(request.getByRole('tabpanel', { name: 'PHP' })).toBeVisible();
  expect(await codeText(request.getByRole('tabpanel', { name: 'PHP' }))).toMatch(/^<\?php\n\n\$ch = curl_init\('https:/);
  await expect(page.locator(`#${await tabs.nth(0).getAttribute('aria-controls')}`)).toBeHidden();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(python).toBeFocused();
  await expect(request.getByRole('tabpanel', { name: 'Python' })).toBeVisible();
  expect(await codeText(request.getByRole('tabpanel', { name: 'Python' }))).toMatch(/^import requests\n\nresponse = requests\.post\(/);

  await page.keyboard.press('Home');
  await expect(tabs.nth(0)).toBeFocused();
  await expect(request.getByRole('tabpanel', { name: 'curl' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(php).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  const js = await codeText(request.getByRole('tabpanel', { name: 'JavaScript' }));
  expect(js).toMatch(/^const response = await fetch\("https:\/\/api\.parcelwise\.example\/v1\/parcels", \{/);
  // Highlighted as JavaScript, with the placeholder shown as text.
  expect(js).toContain('"Authorization": "Bearer <ACCESS_TOKEN>"');
  expect(await request.getByRole('tabpanel', { name: 'JavaScript' }).locator('pre.shiki span[style*="color"]').count()).toBeGreaterThan(5);
});

test('the chosen language is remembered across pages and synced across groups', async ({ page }) => {
  await page.goto(CREATE);
  await page.getByRole('tabpanel', { name: 'Request' }).getByRole('tab', { name: 'JavaScript' }).click();
  expect(await page.evaluate(() => localStorage.getItem('code-lang'))).toBe('javascript');

  // A page with two request examples opens on JavaScript in both, without a click.
  await page.goto(LIST);
  const groups = page.locator('code-samples');
  await expect(groups).toHaveCount(2);
  for (const group of await groups.all()) {
    await expect(group.getByRole('tab', { name: 'JavaScript' })).toHaveAttribute('aria-selected', 'true');
    await expect(group.getByRole('tabpanel', { name: 'JavaScript' })).toBeVisible();
    await expect(group.locator('[role="tabpanel"][data-snippet="curl"]')).toBeHidden();
  }
  // Choosing in one group switches the other.
  await groups.nth(1).getByRole('tab', { name: 'Python' }).click();
  await expect(groups.nth(0).getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
  await expect(groups.nth(0).getByRole('tabpanel', { name: 'Python' })).toBeVisible();
  expect(await codeText(groups.nth(0).getByRole('tabpanel', { name: 'Python' }))).toContain('status=ready&limit=2"');
  expect(await page.evaluate(() => localStorage.getItem('code-lang'))).toBe('python');
});

test('the stored language is applied before the page paints', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('code-lang', 'python');
    // No custom element ever upgrades: only the inline script after each group can have selected Python,
    // and it runs while the page is parsed, before the module scripts and the first paint.
    customElements.define = () => {};
  });
  await page.goto(CREATE, { waitUntil: 'domcontentloaded' });
  const group = page.locator('code-samples').first();
  await expect(group.getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
  await expect(group.locator('[role="tabpanel"][data-snippet="python"]')).toBeVisible();
  await expect(group.locator('[role="tabpanel"][data-snippet="curl"]')).toBeHidden();
});

test.describe('copy buttons', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('copy puts the exact generated code on the clipboard, placeholders included, and announces it', async ({ page }) => {
    await page.goto(CREATE);
    const request = page.getByRole('tabpanel', { name: 'Request' });
    const curl = (await request.locator('figure.code-block .copy').getAttribute('data-code'))!;
    const model = parseCurl(curl)!.model;

    for (const [name, expected] of [
      ['Python', requestsSnippet(model)],
      ['JavaScript', fetchSnippet(model)],
      ['Go', goSnippet(model)],
      ['Ruby', rubySnippet(model)],
      ['PHP', phpSnippet(model)],
    ] as const) {
      await request.getByRole('tab', { name }).click();
      const panel = request.getByRole('tabpanel', { name });
      await page.evaluate(() => navigator.clipboard.writeText('stale'));
      await panel.getByRole('button', { name: 'Copy code' }).click();
      await expect(panel.getByRole('button', { name: 'Copy code' })).toHaveText('Copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(expected);
      expect(copied).toContain('Bearer <ACCESS_TOKEN>');
      expect(copied).toContain('<RECIPIENT_EMAIL>');
    }
    await expect(page.getByRole('status').filter({ hasText: 'Copied to clipboard' })).toHaveCount(1);
  });

  test('JSON responses and prose code fences have copy buttons that copy their text', async ({ page }) => {
    await page.goto(CREATE);
    await page.getByRole('tab', { name: 'Response' }).click();
    const response = page.getByRole('tabpanel', { name: 'Response' });
    await response.getByRole('button', { name: 'Copy code' }).first().click();
    const json = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(json)).toMatchObject({ id: 'prc_4f8Kq2Zt9WmX', object: 'parcel' });

    // A Markdown fence in an MDX guide gets a button from the page script.
    await page.goto(`${BASE}guides/authentication/`);
    const fence = page.locator('main .frame', { has: page.locator('pre', { hasText: 'Authorization: Bearer' }) }).first();
    await fence.hover();
    await fence.getByRole('button', { name: 'Copy code' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Authorization: Bearer <ACCESS_TOKEN>');
  });
});
