/**
 * The sample site's `theme:` (content/site.yml): logo per theme, favicon, accent colour, header and footer
 * links, "Edit this page" pointing at the page's source file.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { test, expect, BASE } from './fixtures.ts';

const theme = parse(readFileSync(new URL('../../content/site.yml', import.meta.url), 'utf8')).theme;
const CREATE = `${BASE}reference/parcels/create-a-parcel/`;

test('the logo follows the theme: the light one in light mode, the dark one in dark mode', async ({ page }) => {
  await page.goto(CREATE);
  const brand = page.locator('header a.brand');
  const visibleLogo = () => brand.locator('img.logo:visible');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(visibleLogo()).toHaveCount(1);
  await expect(visibleLogo()).toHaveAttribute('src', theme.logo.light);
  await page.getByRole('button', { name: /theme/i }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(visibleLogo()).toHaveCount(1);
  await expect(visibleLogo()).toHaveAttribute('src', theme.logo.dark);
  // The link is still named by the site title, the logo beside it being decorative.
  await expect(brand).toHaveAccessibleName('Parcelwise API Reference');
});

test('header links, footer text and links, favicon and accent colour are the configured ones', async ({ page }) => {
  await page.goto(CREATE);
  const header = page.getByRole('navigation', { name: 'Site links' });
  for (const link of theme['header-links']) await expect(header.getByRole('link', { name: link.label })).toHaveAttribute('href', link.url);
  const footer = page.locator('footer.site-footer');
  await expect(footer).toContainText(theme.footer.text);
  await expect(footer.getByRole('link', { name: 'Terms' })).toHaveAttribute('href', 'https://parcelwise.example/terms');
  // A relative link is under the reference's home.
  await expect(footer.getByRole('link', { name: 'Guides' })).toHaveAttribute('href', `${BASE}guides/introduction/`);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', `${BASE}favicon.svg`);
  const accent = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  expect(await accent()).toBe(theme.accent.light);
  await page.getByRole('button', { name: /theme/i }).click();
  expect(await accent()).toBe(theme.accent.dark);
});

test('on a phone the header links stay reachable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(CREATE);
  await expect(page.getByRole('navigation', { name: 'Site links' }).getByRole('link', { name: 'Status' })).toBeVisible();
});

test('"Edit this page" points at the page\'s own source file, for reference and prose pages', async ({ page }) => {
  const pattern: string = theme['edit-url'];
  for (const [url, source] of [
    [CREATE, 'reference/parcels/create-a-parcel.md'],
    [`${BASE}guides/introduction/`, 'pages/introduction.mdx'],
  ]) {
    await page.goto(url);
    await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveAttribute('href', pattern.replace('{path}', source));
  }
});
