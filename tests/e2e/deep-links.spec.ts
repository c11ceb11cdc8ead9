/** Deep links: ids and link icons on headings, parameters and example tabs; opening what holds the target. */
import { test, expect, BASE } from './fixtures.ts';

const CREATE = `${BASE}reference/parcels/create-a-parcel/`;
const SHIPMENTS = `${BASE}reference/shipments/`;

test('headings, arguments, nested attributes and example tabs carry ids and visible link icons', async ({ page }) => {
  await page.goto(CREATE);
  for (const [id, name] of [
    ['create-a-parcel', 'Link to Create a parcel'],
    ['create-a-parcel--arguments', 'Link to Arguments'],
    ['arg-weight', 'Link to argument weight'],
    ['arg-customs.items.quantity', 'Link to argument customs.items.quantity'],
    ['create-a-parcel-v1-request', 'Link to the Request example'],
    ['create-a-parcel-v1-request-1-python', 'Link to the Python example'],
  ]) {
    await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
    // Links in hidden tabs are out of the accessibility tree: find them by href, check their label.
    await expect(page.locator(`a.anchor-link[href="#${id}"]`)).toHaveAttribute('aria-label', name);
  }
  await expect(page.getByRole('link', { name: 'Link to the Request example', exact: true })).toBeVisible();
  // Visible where the target is: beside the row's name, in the heading.
  await expect(page.locator('td.name[id="arg-customs.items.quantity"]').getByRole('link')).toBeVisible();
  await expect(page.locator('h2#create-a-parcel--arguments').getByRole('link')).toBeVisible();
  // The link icon adds no text to the name cell or the heading.
  await expect(page.locator('td.name[id="arg-weight"]')).toHaveText('weight');
  await expect(page.locator('h2#create-a-parcel--arguments')).toHaveText('Arguments');

  // Every id is unique on the page.
  const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
  expect(ids.length).toBe(new Set(ids).size);
});

test('a link to a nested attribute in a non-default version opens that version, expanded, scrolled to', async ({ page }) => {
  await page.goto(`${SHIPMENTS}v1/list-shipments/#attr-data.parcel_id`);
  await expect(page.locator('article.endpoint')).toHaveAttribute('data-version', '1');
  await expect(page.getByRole('navigation', { name: 'API version' }).getByRole('link', { name: 'v1' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const row = page.locator('[id="attr-data.parcel_id"]');
  await expect(row).toBeVisible();
  await expect(row).toBeInViewport();
  await expect(row).toHaveText('parcel_id');

  // Switching version keeps the reader on the same anchor.
  await page.goto(`${SHIPMENTS}create-a-shipment/#create-a-shipment--arguments`);
  await page.getByRole('navigation', { name: 'API version' }).getByRole('link', { name: 'v1' }).click();
  await expect(page).toHaveURL(`${SHIPMENTS}v1/create-a-shipment/#create-a-shipment--arguments`);
  await expect(page.locator('article.endpoint')).toHaveAttribute('data-version', '1');
  await expect(page.locator('h2#create-a-shipment--arguments')).toBeInViewport();
});

test('a link into a collapsed <details> opens it, on load and on hash change', async ({ page }) => {
  await page.goto(`${CREATE}#arg-customs.items.quantity`);
  await expect(page.locator('[id="arg-customs.items.quantity"]')).toBeInViewport();

  await page.evaluate(() => (location.hash = ''));
  const details = page.locator('details', { has: page.locator('[id="arg-customs.items.quantity"]') }).first();
  await details.evaluate((d) => ((d as HTMLDetailsElement).open = false));
  await expect(page.locator('[id="arg-customs.items.quantity"]')).toBeHidden();
  await page.evaluate(() => (location.hash = '#arg-customs.items.quantity'));
  await expect(page.locator('[id="arg-customs.items.quantity"]')).toBeInViewport();
  await expect(details).toHaveJSProperty('open', true);
});

test('a link to an example tab or a language tab opens it without changing the stored language', async ({ page }) => {
  await page.goto(`${CREATE}#create-a-parcel-v1-errors`);
  await expect(page.getByRole('tab', { name: 'Errors' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Errors' })).toBeVisible();
  await expect(page.locator('[role="tabpanel"][data-tab="Request"]')).toBeHidden();

  // The Python tab inside the (hidden) Request tab: both open.
  await page.evaluate(() => (location.hash = '#create-a-parcel-v1-request-1-python'));
  await expect(page.getByRole('tab', { name: 'Request' })).toHaveAttribute('aria-selected', 'true');
  const python = page.locator('#create-a-parcel-v1-request-1-python');
  await expect(python).toBeVisible();
  await expect(python).toBeInViewport();
  await expect(page.getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
  expect(await page.evaluate(() => localStorage.getItem('code-lang'))).toBeNull();
});

test('the version switcher is a navigation landmark of links that works by keyboard', async ({ page }) => {
  await page.goto(`${SHIPMENTS}create-a-shipment/`);
  const nav = page.getByRole('navigation', { name: 'API version' });
  const links = nav.getByRole('link');
  await expect(links).toHaveCount(2);
  await expect(nav.getByRole('listitem')).toHaveCount(2);
  await expect(links.first()).toHaveAttribute('aria-current', 'page');
  await links.nth(1).focus();
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${SHIPMENTS}v1/create-a-shipment/`);
  await expect(page.getByRole('navigation', { name: 'API version' }).getByRole('link', { name: 'v1' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('prose headings get the same link icon, and following it scrolls there', async ({ page }) => {
  await page.goto(`${BASE}guides/authentication/`);
  const heading = page.locator('main h2[id]').last();
  const id = (await heading.getAttribute('id'))!;
  const link = heading.locator('a.anchor-link');
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', `#${id}`);
  await expect(link).toHaveAccessibleName(`Link to ${(await heading.textContent())!.trim()}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  await expect(heading).toBeInViewport();

  // Doc pages built from sections: the section heading carries the id the model gave it.
  await page.goto(`${BASE}guides/errors/`);
  const sectionHeading = page.locator('main section > h2[id]').first();
  const sectionId = (await sectionHeading.getAttribute('id'))!;
  await expect(sectionHeading.locator('a.anchor-link')).toHaveAttribute('href', `#${sectionId}`);
});
