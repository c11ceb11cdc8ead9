/** The light/dark theme toggle, its persistence, and Shiki's dual-theme code colours. */
import type { Locator } from '@playwright/test';
import { test, expect, BASE } from './fixtures.ts';

const PAGE = `${BASE}reference/parcels/create-a-parcel/`;

/** For the first highlighted tokens: the colour shown, and the light and dark colours Shiki assigned. */
function tokenColours(pre: Locator) {
  return pre.locator('span[style*="--shiki-dark"]').evaluateAll((spans) => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const resolve = (c: string) => {
      probe.style.color = c;
      return getComputedStyle(probe).color;
    };
    const out = spans.slice(0, 30).map((s) => {
      const el = s as HTMLElement;
      return {
        shown: getComputedStyle(el).color,
        light: resolve(el.style.color),
        dark: resolve(el.style.getPropertyValue('--shiki-dark').trim()),
      };
    });
    probe.remove();
    return out;
  });
}

test('toggle switches data-theme, persists across reload, and recolours code', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(PAGE);
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: 'Switch between light and dark theme' });
  const pre = page.getByRole('tabpanel', { name: 'Request' }).locator('pre.shiki').first();

  await expect(html).toHaveAttribute('data-theme', 'light');
  const light = await tokenColours(pre);
  expect(light.length).toBeGreaterThan(5);
  for (const t of light) expect(t.shown).toBe(t.light);
  const lightBg = await pre.evaluate((el) => getComputedStyle(el).backgroundColor);
  const lightPage = await page.locator('html').evaluate((el) => getComputedStyle(el).backgroundColor);

  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('dark');
  const dark = await tokenColours(pre);
  for (const t of dark) expect(t.shown).toBe(t.dark);
  // Shiki's github-light and github-dark differ for most tokens; the shown colours must have changed.
  expect(dark.filter((t, i) => t.shown !== light[i].shown).length).toBeGreaterThan(light.length / 2);
  const darkBg = await pre.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(darkBg).not.toBe(lightBg);
  expect(darkBg).toBe('rgb(36, 41, 46)'); // --shiki-dark-bg of github-dark
  expect(await page.locator('html').evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(lightPage);

  // Persisted: still dark after a reload and on another page, colours included.
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  for (const t of await tokenColours(pre)) expect(t.shown).toBe(t.dark);
  await page.goto(`${BASE}guides/authentication/`);
  await expect(html).toHaveAttribute('data-theme', 'dark');

  // And back to light, also persisted.
  await page.getByRole('button', { name: 'Switch between light and dark theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('light');
});

test('without a saved choice the theme follows the system preference', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(PAGE);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
  for (const t of await tokenColours(page.getByRole('tabpanel', { name: 'Request' }).locator('pre.shiki').first())) {
    expect(t.shown).toBe(t.dark);
  }
  // An explicit choice wins over the system preference.
  await page.getByRole('button', { name: 'Switch between light and dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('a saved dark theme is applied before the body is parsed (no light flash)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => {
    localStorage.setItem('theme', 'dark');
    // Record the theme at the moment <body> appears, before anything could be painted.
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? '';
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(PAGE);
  expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
});

test('without a saved choice, a change of the system setting switches the theme live', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(PAGE);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  // Once the reader has chosen, the system setting no longer overrides it.
  await page.getByRole('button', { name: 'Switch between light and dark theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'light');
});
