/** Page titles, descriptions, canonical URLs, sitemap.xml, robots.txt and the 404 page. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { test, expect, BASE } from './fixtures.ts';

const site = parse(readFileSync('content/site.yml', 'utf8')) as { url: string; baseurl: string; title: string };
const ROOT = `${site.url}${site.baseurl}/`;

test('an endpoint page has its own title, a plain-text description and an absolute canonical URL', async ({ page }) => {
  await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
  await expect(page).toHaveTitle(`Create a parcel · ${site.title}`);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  // The endpoint's `short` text, as plain text (the page shows it rendered from Markdown).
  expect(description).toBe('Creates a parcel describing one package you plan to ship.');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${ROOT}reference/parcels/create-a-parcel/`);

  await page.goto(`${BASE}reference/shipments/`);
  await expect(page).toHaveTitle(`Shipments · ${site.title}`);
  const objectDescription = (await page.locator('meta[name="description"]').getAttribute('content'))!;
  expect(objectDescription.length).toBeGreaterThan(10);
  expect(objectDescription).not.toMatch(/[<>]|&\w+;/);
  expect(objectDescription).not.toBe(description);
});

test('sitemap.xml lists every built page once, each with its canonical URL; robots.txt points to it', async ({ page, request }) => {
  const xml = await (await request.get(`${BASE}sitemap.xml`)).text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(new Set(locs).size).toBe(locs.length);
  for (const path of [
    '',
    'reference/',
    'reference/parcels/',
    'reference/parcels/create-a-parcel/',
    'reference/shipments/v1/',
    'guides/introduction/',
  ]) {
    expect(locs).toContain(`${ROOT}${path}`);
  }
  expect(locs.some((l) => l.includes('404'))).toBe(false);
  for (const loc of locs) {
    expect(loc.startsWith(ROOT), loc).toBe(true);
    const res = await request.get(new URL(loc).pathname);
    expect(res.status(), loc).toBe(200);
    expect(await res.text(), loc).toContain(`<link rel="canonical" href="${loc}">`);
  }
  // Every page the sidebar links to is in the sitemap.
  await page.goto(BASE);
  const linked = await page.locator('#site-nav a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  for (const path of linked) expect(locs).toContain(new URL(path, site.url).href);

  const robots = await (await request.get(`${BASE}robots.txt`)).text();
  expect(robots).toContain(`Sitemap: ${ROOT}sitemap.xml`);
});

test('an unknown address gets the 404 page, which is not indexed and links home', async ({ page, request }) => {
  const res = await request.get(`${BASE}reference/no-such-page/`);
  expect(res.status()).toBe(404);
  expect(await res.text()).toContain('Page not found');
  // The same page in a browser (as a 200, so the console stays clean for the fixture's error check).
  await page.goto(`${BASE}404.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await expect(page).toHaveURL(BASE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(site.title);
});
