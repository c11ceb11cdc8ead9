/**
 * Small things a reader notices: what search indexes reads as words, v1 and v2 results say which version,
 * the search dialog looks like the site in both themes, and phones get code that the copy button does not
 * cover and a search button without a keyboard hint.
 */
import type { Page } from '@playwright/test';
import { test, expect, BASE } from './fixtures.ts';

interface Indexed {
  url: string;
  title: string;
  content: string;
}

/** Every page Pagefind returns for `query`, as it indexed them (title and the whole text). */
async function indexed(page: Page, query: string): Promise<Indexed[]> {
  await page.goto(BASE);
  return page.evaluate(
    async ({ base, query }) => {
      const pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
      const search = await pagefind.search(query);
      const data = await Promise.all(search.results.map((r: { data: () => Promise<unknown> }) => r.data()));
      return (data as Array<{ url: string; meta: { title: string }; content: string }>).map((d) => ({
        url: d.url,
        title: d.meta.title,
        content: d.content,
      }));
    },
    { base: BASE, query },
  );
}

async function openSearch(page: Page, query: string) {
  await page.locator('site-search button.open').click();
  const dialog = page.getByRole('dialog', { name: 'Search the documentation' });
  const input = dialog.locator('input.pagefind-ui__search-input');
  await expect(input).toBeFocused();
  await input.fill(query);
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 10_000 });
  return dialog;
}

test('search indexes separate words: no method run into a title or a label into a path', async ({ page }) => {
  // Reads every result's whole text: slow on a busy machine.
  test.setTimeout(120_000);
  const pages = [...(await indexed(page, 'parcel')), ...(await indexed(page, 'shipment'))];
  const endpoints = pages.filter((p) => p.content.includes(' Endpoint '));
  expect(endpoints.length).toBeGreaterThan(5);
  for (const { url, content } of pages) {
    expect(content, url).not.toMatch(/\b(?:GET|POST|PUT|PATCH|DELETE|DEL)[A-Z][a-z]/);
    expect(content, url).not.toMatch(/\b(?:Endpoint|URL)(?:GET|POST|PUT|PATCH|DELETE|\/|https?:)/);
    expect(content, url).not.toContain('MarkdownView as Markdown');
  }
  const update = pages.find((p) => p.url.endsWith('/reference/parcels/update-a-parcel/'))!;
  expect(update.content).toContain(
    'Update a parcel. Endpoint /v1/parcels/{parcel_id} URL https://api.parcelwise.example/v1/parcels/{parcel_id} ',
  );
});

test('results of a page in several API versions carry the version in their title', async ({ page }) => {
  test.setTimeout(90_000);
  const titles = (await indexed(page, 'create shipment')).map((p) => p.title);
  expect(titles).toEqual(expect.arrayContaining(['Create a shipment · v1', 'Create a shipment · v2']));
  // Pages in one version only keep their plain title.
  expect((await indexed(page, 'create parcel')).map((p) => p.title)).toContain('Create a parcel');

  const dialog = await openSearch(page, 'create a shipment');
  await expect(dialog.locator('.pagefind-ui__result-title', { hasText: 'Create a shipment · v1' })).toBeVisible();
  await expect(dialog.locator('.pagefind-ui__result-title', { hasText: 'Create a shipment · v2' })).toBeVisible();
});

test('the search dialog is styled like the site, in the light and the dark theme', async ({ page }) => {
  await page.goto(`${BASE}reference/parcels/`);
  const css = (name: string) => page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
  const rgb = (hex: string) =>
    page.evaluate((h) => {
      const probe = document.createElement('i');
      probe.style.color = h;
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    }, hex);
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') {
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /theme/i }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    }
    const dialog = await openSearch(page, 'parcel');
    const input = dialog.locator('input.pagefind-ui__search-input');
    const style = await input.evaluate((el) => {
      const s = getComputedStyle(el);
      return { weight: s.fontWeight, size: s.fontSize, bg: s.backgroundColor, color: s.color, family: s.fontFamily };
    });
    // Not Pagefind's stock 21 px bold on its own background: the body text on the site's soft background.
    expect(style.weight, theme).toBe('400');
    expect(style.size, theme).toBe(await page.evaluate(() => getComputedStyle(document.body).fontSize));
    expect(style.bg, theme).toBe(await rgb(await css('--bg-soft')));
    expect(style.color, theme).toBe(await rgb(await css('--fg')));
    const title = dialog.locator('.pagefind-ui__result-title').first();
    expect(await title.evaluate((el) => getComputedStyle(el.querySelector('a')!).color), theme).toBe(await rgb(await css('--fg')));
    const mark = dialog.locator('.pagefind-ui__result-excerpt mark').first();
    expect(await mark.evaluate((el) => getComputedStyle(el).backgroundColor), theme).toBe(await rgb(await css('--accent-soft')));
    expect(await dialog.evaluate((el) => getComputedStyle(el).backgroundColor), theme).toBe(await rgb(await css('--bg')));
  }
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the copy button does not cover the first line of code', async ({ page }) => {
    await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
    const frames = page.locator('main .frame:visible');
    expect(await frames.count()).toBeGreaterThan(0);
    for (const frame of (await frames.all()).slice(0, 4)) {
      const button = (await frame.locator(':scope > .copy').boundingBox())!;
      const line = (await frame.locator('pre .line').first().boundingBox())!;
      await expect(frame.locator(':scope > .copy')).toBeVisible();
      // The first line starts below the button.
      expect(line.y).toBeGreaterThanOrEqual(button.y + button.height);
    }
  });

  test('the search button shows no "/" keyboard hint', async ({ page }) => {
    await page.goto(BASE);
    const open = page.locator('site-search button.open');
    await expect(open).toBeVisible();
    await expect(open.locator('kbd')).toBeHidden();
    await expect(open).toHaveAccessibleName(/Search/);
  });
});

test('on a desktop the search button keeps its "/" hint', async ({ page }) => {
  await page.goto(BASE);
  await expect(page.locator('site-search button.open kbd')).toBeVisible();
});
