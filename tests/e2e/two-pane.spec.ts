/**
 * Endpoint pages in two panes from 1200 px up: the examples (language tabs, response) in a right column
 * that stays in view while the arguments scroll; one column below that and in print.
 */
import { test, expect, BASE } from './fixtures.ts';

const CREATE = `${BASE}reference/parcels/create-a-parcel/`;

test.describe('at 1400 px', () => {
  test.use({ viewport: { width: 1400, height: 900 } });

  test('the examples sit in a sticky right column that stays in view while the arguments scroll', async ({ page }) => {
    await page.goto(CREATE);
    const aside = page.locator('article.endpoint .columns.two-pane > .aside');
    const left = page.locator('article.endpoint .columns.two-pane > .main-pane');
    await expect(aside).toHaveCount(1);
    // It holds the request samples with their language tabs, and the response example.
    await expect(aside.locator('code-samples [role="tab"]').first()).toBeVisible();
    await expect(aside.getByRole('tab', { name: 'Response' })).toBeVisible();
    await expect(left.getByRole('table', { name: 'Arguments', exact: true })).toBeVisible();
    expect(await aside.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');

    // Beside the arguments, not below them.
    const a = (await aside.boundingBox())!;
    const l = (await left.boundingBox())!;
    expect(a.x).toBeGreaterThanOrEqual(l.x + l.width);
    expect(a.y).toBeLessThan(l.y + 200);
    // The endpoint box and the first example start level with each other, near the top of the page.
    expect(a.y).toBeLessThan(400);

    // Scroll well into the arguments: the examples are still in the viewport, just below the header.
    const args = page.getByRole('table', { name: 'Arguments', exact: true });
    await args.locator('[id="arg-to_address"]').first().scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 1200);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1500);
    await expect(aside).toBeInViewport({ ratio: 0.9 });
    const after = (await aside.boundingBox())!;
    const headerBottom = (await page.locator('body > header').boundingBox())!.height;
    expect(after.y).toBeGreaterThanOrEqual(headerBottom);
    expect(after.y).toBeLessThan(headerBottom + 40);
    expect(after.y + after.height).toBeLessThanOrEqual(900);
    await expect(aside.locator('code-samples pre').first()).toBeInViewport();
  });

  test('a link that opens a tab shows it in the right column; tabs, copy and dark mode work there', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${CREATE}#create-a-parcel-v1-request-1-python`);
    const aside = page.locator('.two-pane > .aside');
    const python = aside.locator('#create-a-parcel-v1-request-1-python');
    await expect(python).toBeVisible();
    await expect(python).toBeInViewport();
    await aside.getByRole('tab', { name: 'Response' }).click();
    await expect(aside.getByRole('tabpanel', { name: 'Response' })).toBeVisible();
    const frame = aside.getByRole('tabpanel', { name: 'Response' }).locator('.frame').first();
    await frame.hover();
    await frame.getByRole('button', { name: 'Copy code' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('"id"');

    await page.getByRole('button', { name: /theme/i }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const bg = await aside
      .locator('pre')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgb(246, 248, 250)');
  });

  test('print is one column with every example and language shown', async ({ page }) => {
    await page.goto(CREATE);
    await page.emulateMedia({ media: 'print' });
    const aside = page.locator('.two-pane > .aside');
    const left = page.locator('.two-pane > .main-pane');
    expect(await aside.evaluate((el) => getComputedStyle(el).position)).toBe('static');
    const a = (await aside.boundingBox())!;
    const l = (await left.boundingBox())!;
    expect(a.y).toBeGreaterThanOrEqual(l.y + l.height);
    // Every tab panel is printed (examples and languages), and the navigation is not.
    const panels = page.locator('main [role="tabpanel"]');
    expect(await panels.count()).toBeGreaterThan(6);
    for (const panel of await panels.all()) await expect(panel).toBeVisible();
    await expect(page.locator('#site-nav')).toBeHidden();
    await expect(page.locator('main [role="tablist"]').first()).toBeHidden();
  });
});

test.describe('at 800 px', () => {
  test.use({ viewport: { width: 800, height: 900 } });

  test('one column: the examples come below the arguments, not beside them, and do not stick', async ({ page }) => {
    await page.goto(CREATE);
    await expect(page.locator('.two-pane')).toHaveCount(1);
    const aside = page.locator('.two-pane > .aside');
    const left = page.locator('.two-pane > .main-pane');
    const a = (await aside.boundingBox())!;
    const l = (await left.boundingBox())!;
    expect(a.y).toBeGreaterThanOrEqual(l.y + l.height);
    expect(Math.abs(a.x - l.x)).toBeLessThan(2);
    expect(await aside.evaluate((el) => getComputedStyle(el).position)).toBe('static');
  });
});
