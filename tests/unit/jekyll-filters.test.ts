/**
 * Issue 10, item 8: every filter we override, and every behaviour JEKYLL-SEMANTICS.md §4 lists, against
 * what real Jekyll gives. tests/fixtures/jekyll-filters/expected.json is measured data: Jekyll 4.3 renders
 * probes.json with scripts/jekyll-filter-probes.rb (run it again after changing the probes).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jekyllFilters } from '../../src/core/liquid/jekyll-filters.ts';
import { createMarkdownRenderer } from '../../src/core/markdown/markdownify.ts';
import { fixture, makeEngine } from './_helpers.ts';

interface Probe {
  filter: string;
  name: string;
  template: string;
  vars?: Record<string, unknown>;
}

const probes = JSON.parse(readFileSync(fixture('jekyll-filters', 'probes.json'), 'utf8')) as {
  site: { url: string; baseurl: string };
  probes: Probe[];
};
const expected = JSON.parse(readFileSync(fixture('jekyll-filters', 'expected.json'), 'utf8')) as {
  jekyll: string;
  results: Array<{ filter: string; name: string; output: string }>;
};

describe(`Liquid filters against Jekyll ${expected.jekyll}`, () => {
  it('expected.json was made from the current probes', () => {
    expect(expected.results.map((r) => `${r.filter}: ${r.name}`)).toEqual(probes.probes.map((p) => `${p.filter}: ${p.name}`));
  });

  it('covers every filter we override', () => {
    const overridden = Object.keys(jekyllFilters(probes.site, createMarkdownRenderer()));
    const probed = new Set(probes.probes.map((p) => p.filter));
    expect(overridden.filter((f) => !probed.has(f))).toEqual([]);
  });

  // Jekyll renders in lax mode: an unknown filter (`json`) is ignored, as our non-strict engine does.
  // Inline code gets rouge's class only when asked (the site's pages do not need it).
  const markdown = createMarkdownRenderer({ inlineCodeClass: 'language-plaintext highlighter-rouge' });
  const { engine } = makeEngine({ strict: false, site: probes.site, markdown });
  probes.probes.forEach((probe, i) => {
    it(`${probe.filter}: ${probe.name}`, () => {
      const ctx = engine.context({ ...probe.vars });
      expect(engine.render(probe.template, ctx, { file: 'probes.json', field: probe.name })).toBe(expected.results[i].output);
    });
  });
});
