/** Links under the /docs base path, rewritten anchors, static assets, and the sidebar. */
import matter from 'gray-matter';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, axe, hrefs, BASE } from './fixtures.ts';
import { indexNav, type NavLink } from '../../src/utils/nav-index.ts';
import { buildSidebarTemplate, renderSidebar } from '../../src/utils/sidebar-html.ts';

/** Checks every internal link on the current page: under the base, 200, and its #fragment exists there. */
async function checkInternalLinks(page: Page, request: APIRequestContext): Promise<number> {
  const origin = new URL(page.url()).origin;
  const internal = (await hrefs(page)).map((h) => new URL(h, page.url())).filter((u) => u.origin === origin);
  const pages = new Map<string, string>();
  for (const url of internal) {
    expect(url.pathname, `link ${url.href} on ${page.url()}`).toMatch(/^\/docs\//);
    if (!pages.has(url.pathname)) {
      const res = await request.get(url.pathname);
      expect(res.status(), `GET ${url.pathname} (linked from ${page.url()})`).toBe(200);
      pages.set(url.pathname, await res.text());
    }
    if (url.hash) {
      const id = decodeURIComponent(url.hash.slice(1));
      expect(pages.get(url.pathname), `#${id} on ${url.pathname} (linked from ${page.url()})`).toContain(`id="${id}"`);
    }
  }
  return internal.length;
}

test.describe('links under the base path', () => {
  test('home page: every internal link is under /docs/ and resolves', async ({ page, request }) => {
    await page.goto(BASE);
    await expect(page.locator('main h1')).toHaveText('Parcelwise API Reference');
    // Every object appears with its endpoints, in a section per product.
    await expect(page.locator('main section.product h2')).toHaveText(['Parcelwise API', 'Tracking API']);
    const parcelwise = page.locator('main section.product').first();
    await expect(parcelwise.locator('.object h3 a')).toHaveText(['Parcels', 'Shipments', 'Webhooks']);
    await expect(page.locator('main section.product').nth(1).locator('.object h3 a')).toHaveText(['Trackers', 'Webhooks']);
    await expect(parcelwise.locator('.object', { hasText: 'Shipments' }).locator('li a')).toHaveText([
      'Create a shipment',
      'List all shipments',
      'Cancel a shipment',
    ]);
    const count = await checkInternalLinks(page, request);
    expect(count).toBeGreaterThan(20);
  });

  test('object page: every internal link is under /docs/ and resolves', async ({ page, request }) => {
    await page.goto(`${BASE}reference/parcels/`);
    await expect(page.locator('h1')).toHaveText('Parcels');
    // Attribute descriptions link to anchors that now live on other pages.
    await expect(page.locator('main a[href="/docs/reference/shipments/#shipment--object"]').first()).toBeVisible();
    await expect(page.locator('main a[href="/docs/structures/address-object/#address-object"]').first()).toBeVisible();
    const count = await checkInternalLinks(page, request);
    expect(count).toBeGreaterThan(20);
  });

  test('a bare-anchor link rewritten by the generator lands on the element with that id', async ({ page }) => {
    await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
    // Written in content as `[Update a parcel](#update-a-parcel)` via api.core-objects.parcels.update.anchor.
    const link = page.locator('div.prose.description').getByRole('link', { name: 'Update a parcel' });
    await expect(link).toHaveAttribute('href', `${BASE}reference/parcels/update-a-parcel/#update-a-parcel`);
    await link.click();
    await expect(page).toHaveURL(`${BASE}reference/parcels/update-a-parcel/#update-a-parcel`);
    const target = page.locator('#update-a-parcel');
    await expect(target).toHaveCount(1);
    await expect(target).toContainText('Update a parcel');
    await expect(target).toBeInViewport();
  });

  test('a link into an object section lands on the object heading', async ({ page }) => {
    await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
    const link = page.locator('div.prose').getByRole('link', { name: 'Parcel object' }).first();
    await expect(link).toHaveAttribute('href', `${BASE}reference/parcels/#parcel--object`);
    await link.click();
    await expect(page).toHaveURL(`${BASE}reference/parcels/#parcel--object`);
    await expect(page.locator('#parcel--object')).toHaveText('The Parcel object');
  });

  test('static assets load with 200 from under the base path', async ({ page, request }) => {
    const failed: string[] = [];
    const assets: string[] = [];
    page.on('response', (res) => {
      if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
      else assets.push(new URL(res.url()).pathname);
    });
    await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
    await page.waitForLoadState('load');
    expect(failed).toEqual([]);

    const favicon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(favicon).toBe(`${BASE}favicon.svg`);
    const icon = await request.get(favicon!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('svg');

    const styles = await page.locator('link[rel="stylesheet"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')!));
    const scripts = await page.locator('script[src]').evaluateAll((ss) => ss.map((s) => s.getAttribute('src')!));
    expect(styles.length).toBeGreaterThan(0);
    for (const href of [...styles, ...scripts]) {
      expect(href).toMatch(/^\/docs\/_astro\//);
      const res = await request.get(href);
      expect(res.status(), href).toBe(200);
      expect((await res.body()).length, href).toBeGreaterThan(0);
    }
    // The stylesheets really apply: the layout grid and the method badge colours come from them.
    expect(await page.locator('.shell').evaluate((el) => getComputedStyle(el).display)).toBe('grid');
    expect(await page.locator('h1 .method').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)');
    expect(assets.some((p) => p.startsWith('/docs/_astro/') && p.endsWith('.css'))).toBe(true);
    // Component scripts ran (custom elements are defined).
    expect(await page.evaluate(() => Boolean(customElements.get('example-tabs') && customElements.get('site-search')))).toBe(true);

    // Outside the base, nothing is served.
    expect((await request.get('/reference/parcels/create-a-parcel/')).status()).toBe(404);
  });
});

test.describe('sidebar', () => {
  test('marks the current page with aria-current and only that one', async ({ page }) => {
    await page.goto(`${BASE}reference/parcels/update-a-parcel/`);
    const nav = page.getByRole('navigation', { name: 'Documentation' });
    const current = nav.locator('a[aria-current="page"]');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveAttribute('href', `${BASE}reference/parcels/update-a-parcel/`);
    await expect(current).toContainText('Update a parcel');
    await expect(current.locator('.method')).toHaveText('PUT');

    // Following a sidebar link moves the marker.
    await nav.getByRole('link', { name: 'Introduction' }).click();
    await expect(page).toHaveURL(`${BASE}guides/introduction/`);
    await expect(nav.locator('a[aria-current="page"]')).toHaveCount(1);
    await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('href', `${BASE}guides/introduction/`);
  });

  test('object groups list endpoints in available-methods order', async ({ page }) => {
    const front = matter.read('content/reference/parcels/parcel-object.md').data as {
      'available-methods': { id: string; title: string; method: string }[];
    };
    const methods = front['available-methods'];
    expect(methods.length).toBeGreaterThan(1);

    await page.goto(`${BASE}reference/parcels/`);
    const nav = page.getByRole('navigation', { name: 'Documentation' });
    await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('href', `${BASE}reference/parcels/`);
    const group = nav.locator('.object', { has: page.locator(`:scope > a[href="${BASE}reference/parcels/"]`) }).locator('details');
    await expect(group).toHaveAttribute('open', '');
    const children = group.locator('ul.children a');
    await expect(children).toHaveCount(methods.length);
    expect(await children.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
      methods.map((m) => `${BASE}reference/parcels/${m.id}/`),
    );
    await expect(children.locator(':scope > span:last-child')).toHaveText(methods.map((m) => m.title));
    await expect(children.locator('.method')).toHaveText(methods.map((m) => (m.method === 'delete' ? 'DEL' : m.method.toUpperCase())));

    // The object page's own endpoint table follows the same order.
    await expect(page.locator('table.methods td.title a')).toHaveText(methods.map((m) => m.title));
  });
});

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the navigation is hidden behind a Menu button until opened', async ({ page }) => {
    await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Documentation' });
    await expect(menu).toBeVisible();
    await expect(nav).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await nav.getByRole('link', { name: 'List all parcels' }).click();
    await expect(page).toHaveURL(/\/docs\/reference\/parcels\/list-parcels\/$/);
  });
});

test.describe('breadcrumbs, previous/next, on this page', () => {
  test('breadcrumbs trace the page back through its object to the reference', async ({ page }) => {
    await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    // The trail starts at the page's product (the sample has two).
    await expect(crumbs.getByRole('listitem')).toHaveText(['Parcelwise API', 'Parcels', 'Create a parcel']);
    const links = crumbs.getByRole('link');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      `${BASE}reference/`,
      `${BASE}reference/parcels/`,
      `${BASE}reference/parcels/create-a-parcel/`,
    ]);
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText('Create a parcel');
    await links.nth(1).click();
    await expect(page).toHaveURL(`${BASE}reference/parcels/`);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem')).toHaveText(['Parcelwise API', 'Parcels']);

    // A page the sidebar does not list (an older version) still gets a trail, through its own version's object.
    await page.goto(`${BASE}reference/shipments/v1/create-a-shipment/`);
    const old = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(old.getByRole('listitem')).toHaveText(['Parcelwise API', 'Shipments', 'Create a shipment (v1)']);
    await expect(old.getByRole('link', { name: 'Shipments' })).toHaveAttribute('href', `${BASE}reference/shipments/v1/`);
  });

  test('previous/next links follow the sidebar order', async ({ page }) => {
    await page.goto(`${BASE}reference/parcels/update-a-parcel/`);
    const order = [...new Set(await page.locator('#site-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))];
    for (const current of [order[0], order[3], order.at(-1)!]) {
      await page.goto(current);
      const i = order.indexOf(current);
      const pager = page.getByRole('navigation', { name: 'Previous and next pages' });
      await expect(pager.locator('a[rel="prev"]')).toHaveCount(i > 0 ? 1 : 0);
      await expect(pager.locator('a[rel="next"]')).toHaveCount(i < order.length - 1 ? 1 : 0);
      if (i > 0) await expect(pager.locator('a[rel="prev"]')).toHaveAttribute('href', order[i - 1]);
      if (i < order.length - 1) await expect(pager.locator('a[rel="next"]')).toHaveAttribute('href', order[i + 1]);
    }
    await page.goto(order[3]);
    await page.getByRole('navigation', { name: 'Previous and next pages' }).locator('a[rel="next"]').click();
    await expect(page).toHaveURL(order[4]);
  });

  test('"On this page" lists the page\'s h2/h3 sections on wide screens and jumps to them', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${BASE}reference/parcels/`);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(toc).toBeVisible();
    const headings = await page
      .locator('main :is(h2, h3)[id]')
      .evaluateAll((hs) => hs.map((h) => ({ id: h.id, text: (h.textContent ?? '').replace(/\s+/g, ' ').trim() })));
    expect(headings.length).toBeGreaterThanOrEqual(2);
    const items = await toc
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => ({ id: a.getAttribute('href')!.slice(1), text: a.textContent!.trim() })));
    expect(items).toEqual(headings);
    // The section being read is marked, and follows the reader.
    await expect(toc.locator('a[aria-current="true"]')).toHaveText(headings[0].text);
    const last = toc.getByRole('link').last();
    await last.click();
    await expect(page.locator(`[id="${headings.at(-1)!.id}"]`)).toBeInViewport();
    await expect(toc.locator('a[aria-current="true"]')).toHaveText(headings.at(-1)!.text);
    await expect(toc.locator('a[aria-current]')).toHaveCount(1);

    // Narrower screens keep the space for the content.
    await page.setViewportSize({ width: 1000, height: 900 });
    await expect(toc).toBeHidden();
  });

  test("object groups collapse: only the current page's group is open, and a toggle opens another", async ({ page }) => {
    await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
    const nav = page.getByRole('navigation', { name: 'Documentation' });
    const group = (path: string) => nav.locator('.object', { has: page.locator(`:scope > a[href="${BASE}${path}"]`) });
    await expect(group('reference/parcels/').locator('details')).toHaveAttribute('open', '');
    const shipments = group('reference/shipments/');
    await expect(shipments.locator('details')).not.toHaveAttribute('open');
    await expect(shipments.getByRole('link', { name: 'Create a shipment' })).toBeHidden();
    await shipments.locator('summary').click();
    await expect(shipments.getByRole('link', { name: 'Create a shipment' })).toBeVisible();
    // Only one link in the whole sidebar is marked current.
    await expect(nav.locator('[aria-current]')).toHaveCount(1);
  });

  test('a group shipped empty (large sites) is filled from its object page when opened', async ({ page }) => {
    await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
    const nav = page.getByRole('navigation', { name: 'Documentation' });
    const shipments = nav.locator('.object', { has: page.locator(`:scope > a[href="${BASE}reference/shipments/"]`) });
    const expected = await shipments.locator('ul.children a > span:last-child').allTextContents();
    expect(expected.length).toBeGreaterThan(1);
    // Make the group what a site over the size limit ships: no endpoints, only where to find them.
    await shipments.locator('details').evaluate((d, url) => {
      d.setAttribute('data-children', url);
      d.querySelector('ul.children')!.replaceChildren();
    }, `${BASE}reference/shipments/`);
    await expect(shipments.locator('ul.children li')).toHaveCount(0);
    await shipments.locator('summary').click();
    await expect(shipments.locator('ul.children a > span:last-child')).toHaveText(expected);
    await expect(nav.locator('[aria-current]')).toHaveCount(1);
    await shipments.getByRole('link', { name: expected[0] }).click();
    await expect(page.locator('h1')).toContainText(expected[0]);
  });

  test('a site with many objects ships only the current one; "All N objects" fills from the list page', async ({ page }) => {
    await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
    const nav = page.getByRole('navigation', { name: 'Documentation' });
    // The sample's real objects and endpoints, as the sidebar lists them in this page's product (its
    // "Data structures" row holds pages, not endpoints).
    const product = nav.locator('details.group').filter({ has: page.locator(':scope > summary', { hasText: 'Parcelwise API' }) });
    const objects: NavLink[] = await product.locator('.object').evaluateAll((rows) =>
      rows
        .filter((row) => row.querySelector('ul.children a .method'))
        .map((row) => ({
          label: row.querySelector(':scope > a > span:last-child')!.textContent!,
          path: row.querySelector(':scope > a')!.getAttribute('href')!,
          children: [...row.querySelectorAll('ul.children a')].map((a) => ({
            label: a.querySelector('span:last-child')!.textContent!,
            path: a.getAttribute('href')!,
            method: a.querySelector('.method')!.classList[2],
          })),
        })),
    );
    expect(objects.length).toBeGreaterThan(1);
    // The sidebar a site over both limits ships, for this page and for the list page the script reads.
    const list = `${BASE}reference/`;
    const group = { label: 'API reference', path: list, links: [{ label: 'All objects', path: list }, ...objects] };
    const template = buildSidebarTemplate(indexNav([group]), (p) => p, { maxLinks: 0, maxObjects: 1 });
    await page.route(list, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<nav id="site-nav">${renderSidebar(template, list)}</nav>` }),
    );
    await nav.evaluate((el, html) => (el.innerHTML = html), renderSidebar(template, `${BASE}reference/parcels/create-a-parcel/`));

    await expect(nav.locator('.object > a')).toHaveText(['Parcels']);
    await expect(nav.locator('a[aria-current="page"]')).toHaveText(/Create a parcel/);
    const all = nav.locator('details.all-objects');
    await expect(all.locator('summary')).toHaveText(`All ${objects.length} objects`);
    await expect(all.locator('li')).toHaveCount(0);
    await all.locator('summary').press('Enter');
    await expect(all.locator(':scope > ul > li > .object > a')).toHaveText(objects.map((o) => o.label));
    await expect(nav.locator('[aria-current]')).toHaveCount(1);
    // A row from the list opens like any other: its endpoints come from the (real) object page.
    const shipments = all.locator('.object', { has: page.locator(`:scope > a[href="${BASE}reference/shipments/"]`) });
    await shipments.locator('summary').click();
    const expected = objects.find((o) => o.path === `${BASE}reference/shipments/`)!.children!.map((c) => c.label);
    await expect(shipments.locator('ul.children a > span:last-child')).toHaveText(expected);
    // The disclosure and the borrowed rows keep the sidebar accessible (same rules as a11y.spec.ts).
    const found = await axe(page).include('#site-nav').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});
