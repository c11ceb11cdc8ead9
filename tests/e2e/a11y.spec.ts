/** axe-core on the three page kinds, in both themes: no serious or critical violations. */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, BASE } from './fixtures.ts';

const PAGES = {
  index: BASE,
  // Shipments has two versions, so its page carries the version switcher too.
  object: `${BASE}reference/shipments/`,
  endpoint: `${BASE}reference/parcels/create-a-parcel/`,
};

for (const theme of ['light', 'dark'] as const) {
  for (const [kind, url] of Object.entries(PAGES)) {
    test(`${kind} page, ${theme} theme: no serious or critical axe violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(url);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n')}`);
      expect(report, report.join('\n')).toEqual([]);
    });
  }
}
