/**
 * Fields of the developer collection beyond arguments and examples, as readers see them on the sample site:
 * the resource list, the request body, endpoint detail badges, sub-structures, a JavaScript client function,
 * a js-doc page with its include, doc sections in "On this page", and links to another page's argument.
 */
import { test, expect, BASE } from './fixtures.ts';

test('an endpoint shows its resource list, request body and detail badges', async ({ page }) => {
  await page.goto(`${BASE}reference/parcels/create-a-parcel/`);
  const list = page.getByRole('table', { name: 'Resource list' });
  await expect(list.getByRole('rowheader')).toHaveText([
    'Request method',
    'Resource URL',
    'Authentication',
    'Rate limit',
    'Request body',
    'Errors',
  ]);
  await expect(list.getByRole('row', { name: /Rate limit/ })).toContainText('The Write tier: 120 requests per minute.');
  // The tier link goes to the rate-limits doc, which holds the tier's id.
  await list.getByRole('link', { name: 'Write' }).click();
  await expect(page).toHaveURL(/\/guides\/rate-limits\/#write--tier$/);
  await page.goBack();
  await expect(page.locator('.request-body')).toContainText('Fields the API does not know are rejected');
  await expect(page.getByRole('heading', { name: 'Request body' })).toHaveAttribute('id', 'create-a-parcel--request-body');
});

test('conditional resource-list rows follow the endpoint: no Request body or Errors row without body arguments or Errors example', async ({
  page,
}) => {
  await page.goto(`${BASE}reference/parcels/list-parcels/`);
  const list = page.getByRole('table', { name: 'Resource list' });
  await expect(list.getByRole('rowheader')).toHaveText(['Request method', 'Resource URL', 'Authentication', 'Rate limit']);
  const badges = page.getByRole('list', { name: 'Endpoint details' }).getByRole('listitem');
  await expect(badges).toHaveText([
    'Paginated100 per page',
    'Sorted bycreated_at · Descending (newest first)',
    'Rate limitread',
    'Authorizationrequired',
    'Access tokenrequired',
  ]);
});

test('a structure lists its sub-structures, and the sub-structure page links back', async ({ page }) => {
  await page.goto(`${BASE}structures/address-object/`);
  const subs = page.getByRole('table', { name: 'Address sub-structures' });
  await expect(subs.getByRole('row')).toHaveCount(1);
  await expect(subs).toContainText('The map position of an Address');
  await subs.getByRole('link', { name: 'Coordinates' }).click();
  await expect(page).toHaveURL(/\/structures\/coordinates-object\/$/);
  await expect(page.locator('.kind')).toHaveText('Sub-structure');
  await expect(page.locator('.parents').getByRole('link', { name: 'Address' })).toHaveAttribute('href', '/docs/structures/address-object/');
});

test('a JavaScript client function has its page: call, options, examples; the js-doc page lists it', async ({ page }) => {
  await page.goto(`${BASE}guides/js-widget/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('JavaScript widget');
  await page.locator('table.functions').getByRole('link', { name: 'trackParcel(options)' }).click();
  await expect(page).toHaveURL(/\/functions\/track-parcel-function\/#track-parcel-function$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('trackParcel(options)');
  await expect(page.getByRole('table', { name: 'trackParcel(options) options' }).locator('td.name')).toHaveText([
    'parcel_id',
    'container',
    'theme',
  ]);
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Function', 'Result']);
  await expect(page.locator('figure.code-block')).toContainText('Parcelwise.trackParcel({');
  // In the sidebar, under its own group.
  await expect(page.locator('#site-nav a[aria-current="page"]')).toHaveText('trackParcel(options)');
});

test('doc sections have ids and are listed under "On this page"', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${BASE}guides/rate-limits/`);
  const toc = page.locator('aside.toc');
  await expect(toc.getByRole('link', { name: 'Limit tiers' })).toHaveAttribute('href', '#rate-limits--tiers');
  await expect(page.getByRole('heading', { name: 'Limit tiers', level: 2 })).toHaveAttribute('id', 'rate-limits--tiers');
});

test('links to another page’s argument, from MDX and from front matter, open that argument', async ({ page }) => {
  await page.goto(`${BASE}guides/introduction/`);
  await page.getByRole('link', { name: 'weight', exact: true }).click();
  await expect(page).toHaveURL(/\/reference\/parcels\/create-a-parcel\/#arg-weight$/);
  await expect(page.locator('[id="arg-weight"]')).toBeInViewport();

  await page.goto(`${BASE}reference/parcels/`);
  const row = page.locator('td.name[id="attr-weight"]').locator('xpath=..');
  await expect(row.getByRole('link', { name: 'weight', exact: true })).toHaveAttribute(
    'href',
    '/docs/reference/parcels/create-a-parcel/#arg-weight',
  );
});
