/** axe-core on the three page kinds, in both themes: no serious or critical violations. */
import type { Page } from '@playwright/test';
import { test, expect, axe, BASE } from './fixtures.ts';

const PAGES = {
  index: BASE,
  // Shipments has two versions, so its page carries the version switcher too.
  object: `${BASE}reference/shipments/`,
  endpoint: `${BASE}reference/parcels/create-a-parcel/`,
};

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await axe(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
          .join('\n')}`,
    );
}

// axe walks every element (hundreds of highlighted code tokens): one analysis per test, with room to spare
// when the machine is busy.
test.describe('axe', () => {
  test.describe.configure({ timeout: 60_000 });
  for (const [kind, url] of Object.entries(PAGES)) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${kind} page, ${theme} theme: no serious or critical violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(url);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const found = await seriousViolations(page);
        expect(found, found.join('\n')).toEqual([]);
      });
    }
  }
});

test('keyboard: skip link, version switcher, example tabs and the sidebar toggle work without a mouse', async ({ page }) => {
  await page.goto(`${BASE}reference/shipments/create-a-shipment/`);
  // The first Tab reaches the skip link, which moves focus past the header and sidebar.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  // The version switcher is a labelled navigation of links; Enter on a focused version follows it.
  const versions = page.getByRole('navigation', { name: 'API version' });
  await expect(versions.getByRole('link')).toHaveCount(2);
  await expect(versions.locator('[aria-current="page"]')).toHaveCount(1);
  const v1 = versions.getByRole('link', { name: /^v1/ });
  await v1.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${BASE}reference/shipments/v1/create-a-shipment/`);

  // Tabs: a tablist whose tabs control labelled tabpanels; arrow keys move the selection.
  const tablist = page.getByRole('tablist').first();
  const tabs = tablist.getByRole('tab');
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  const panelId = await tabs.first().getAttribute('aria-controls');
  await expect(page.locator(`[id="${panelId}"]`)).toHaveAttribute('role', 'tabpanel');
  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');

  // A closed sidebar group opens from the keyboard (its toggle is a <summary>).
  const nav = page.getByRole('navigation', { name: 'Documentation' });
  const parcels = nav.locator('.object', { has: page.locator(`:scope > a[href="${BASE}reference/parcels/"]`) });
  await expect(parcels.locator('details')).not.toHaveAttribute('open');
  await parcels.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(parcels.locator('details')).toHaveAttribute('open', '');
});
