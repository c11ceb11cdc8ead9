/** MDX prose pages: EndpointSummary and RequestSample components, code fences, and their links. */
import { test, expect, codeText, BASE } from './fixtures.ts';

const INTRO = `${BASE}guides/introduction/`;
const AUTH = `${BASE}guides/authentication/`;

test('EndpointSummary renders method, title, URL and links to the endpoint (per version)', async ({ page }) => {
  await page.goto(INTRO);
  await expect(page.locator('main h1')).toHaveText('Introduction');
  await expect(page).toHaveTitle('Introduction · Parcelwise API Reference');

  const summaries = page.locator('.summary');
  await expect(summaries).toHaveCount(3);
  const expected = [
    {
      key: 'create-a-parcel',
      method: 'POST',
      title: 'Create a parcel',
      url: 'https://api.parcelwise.example/v1/parcels',
      href: `${BASE}reference/parcels/create-a-parcel/`,
    },
    {
      key: 'create-a-shipment',
      method: 'POST',
      title: 'Create a shipment',
      url: 'https://api.parcelwise.example/v2/shipments',
      href: `${BASE}reference/shipments/create-a-shipment/`,
    },
    {
      key: 'create-a-shipment',
      method: 'POST',
      title: 'Create a shipment',
      url: 'https://api.parcelwise.example/v1/shipments',
      href: `${BASE}reference/shipments/v1/create-a-shipment/`,
    },
  ];
  for (const [i, e] of expected.entries()) {
    const s = summaries.nth(i);
    await expect(s).toHaveAttribute('data-endpoint', e.key);
    const link = s.locator('a.title');
    await expect(link).toHaveAttribute('href', e.href);
    await expect(link.locator('.method')).toHaveText(e.method);
    await expect(link).toContainText(e.title);
    await expect(s.locator('code.url')).toHaveText(e.url);
  }
  await expect(summaries.first()).toContainText('Creates a parcel describing one package you plan to ship.');

  // The version="1" summary goes to the v1 endpoint page.
  await summaries.nth(2).locator('a.title').click();
  await expect(page).toHaveURL(`${BASE}reference/shipments/v1/create-a-shipment/`);
  await expect(page.locator('h1')).toContainText('Create a shipment');
  await expect(page.locator('.full-url')).toHaveText('https://api.parcelwise.example/v1/shipments');
});

test('RequestSample renders the highlighted request of the given endpoint and version', async ({ page, request }) => {
  await page.goto(AUTH);
  await expect(page.locator('main h1')).toHaveText('Authentication');
  const groups = page.locator('main code-samples');
  await expect(groups).toHaveCount(2);
  const samples = groups.locator('figure.code-block');

  const retrieve = samples.nth(0);
  await expect(groups.nth(0).locator('.caption')).toHaveText('GET /v1/parcels/{parcel_id}');
  // The same language tabs as the endpoint page.
  await expect(groups.nth(0).getByRole('tab')).toHaveText(['curl', 'JavaScript', 'Python', 'Go', 'Ruby', 'PHP']);
  await groups.nth(0).getByRole('tab', { name: 'Python' }).click();
  await expect(groups.nth(0).getByRole('tabpanel')).toContainText('requests.get(');
  await groups.nth(0).getByRole('tab', { name: 'curl' }).click();
  const pre = retrieve.locator('pre.shiki');
  const colours = await pre
    .locator('span[style*="color"]')
    .evaluateAll((spans) => new Set(spans.map((s) => (s as HTMLElement).style.color)).size);
  expect(colours).toBeGreaterThan(2);
  const text = await codeText(retrieve);
  expect(text.split('\n')[0]).toBe('curl -X GET https://api.parcelwise.example/v1/parcels/prc_4f8Kq2Zt9WmX \\');
  expect(text).toContain('Authorization: Bearer <ACCESS_TOKEN>');

  // It is the same request the endpoint page shows.
  const endpointHtml = await (await request.get(`${BASE}reference/parcels/retrieve-a-parcel/`)).text();
  const dataCode = await retrieve.locator('.copy').getAttribute('data-code');
  expect(endpointHtml).toContain(`data-code="${dataCode!.replace(/"/g, '&quot;')}"`);

  // version="2" picks the v2 create-a-shipment request.
  const create = samples.nth(1);
  await expect(groups.nth(1).locator('.caption')).toHaveText('POST /v2/shipments');
  const createText = await codeText(create);
  expect(createText).toContain('https://api.parcelwise.example/v2/shipments');
  expect(createText).not.toContain('/v1/');
  expect(createText).toContain('"parcel_ids"');
  expect(await create.locator('pre.shiki span[style*="color"]').count()).toBeGreaterThan(3);
});

test('RequestSample copy button copies its request', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(AUTH);
  const sample = page.locator('main figure.code-block').first();
  const button = sample.locator('.copy');
  await button.click();
  await expect(button).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await button.getAttribute('data-code'));
  expect(copied).toContain('<ACCESS_TOKEN>');
});

test('Markdown code fences in prose pages follow the light/dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(AUTH);
  const fence = page.locator('main pre').filter({ hasText: 'Authorization: Bearer <ACCESS_TOKEN>' }).first();
  await expect(fence).toBeVisible();
  const sample = page.locator('main figure.code-block pre').first();
  /** Relative luminance (0 dark … 1 light) of the block's background, and the colour of its first token. */
  const look = (pre: typeof fence) =>
    pre.evaluate((el) => {
      const [r, g, b] = getComputedStyle(el)
        .backgroundColor.match(/\d+(\.\d+)?/g)!
        .map(Number);
      const token = el.querySelector('span[style] span[style], .line span[style]') ?? el;
      return { luminance: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255, token: getComputedStyle(token).color };
    });

  // Reference code blocks (RequestSample) are light in light mode and dark in dark mode…
  const sampleLight = await look(sample);
  expect(sampleLight.luminance).toBeGreaterThan(0.5);
  // …and so must a plain ``` fence on the same page.
  const fenceLight = await look(fence);
  expect(fenceLight.luminance, 'fence background luminance in light mode').toBeGreaterThan(0.5);

  await page.getByRole('button', { name: 'Switch between light and dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect((await look(sample)).luminance).toBeLessThan(0.5);
  const fenceDark = await look(fence);
  expect(fenceDark.luminance, 'fence background luminance in dark mode').toBeLessThan(0.5);
  expect(fenceDark.token, 'fence token colour changes with the theme').not.toBe(fenceLight.token);
});

test('in-page anchor links in prose pages land on an existing element', async ({ page, request }) => {
  const broken: string[] = [];
  let checked = 0;
  for (const path of [INTRO, AUTH]) {
    await page.goto(path);
    const links = await page
      .locator('main a[href*="#"]')
      .evaluateAll((as) => as.map((a) => ({ text: a.textContent!.trim(), href: (a as HTMLAnchorElement).href })));
    for (const { text, href } of links) {
      const url = new URL(href);
      if (url.origin !== new URL(page.url()).origin) continue;
      const id = decodeURIComponent(url.hash.slice(1));
      checked++;
      const html = url.pathname === new URL(page.url()).pathname ? await page.content() : await (await request.get(url.pathname)).text();
      if (!html.includes(`id="${id}"`)) broken.push(`${path}: [${text}](${href.replace(url.origin, '')}) — no element #${id} there`);
    }
  }
  // E.g. `[Errors](#errors)` in introduction.mdx must go to the page holding #errors (/docs/guides/errors/),
  // as the generator already does for the same links in reference content.
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThanOrEqual(4);

  // Following one lands on the element.
  await page.goto(INTRO);
  await page.locator('main').getByRole('link', { name: 'List parcels' }).click();
  await expect(page).toHaveURL(`${BASE}reference/parcels/list-parcels/#list-parcels`);
  await expect(page.locator('#list-parcels')).toContainText('List all parcels');
});
