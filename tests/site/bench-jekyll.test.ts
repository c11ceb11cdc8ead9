/**
 * `npm run bench -- --jekyll` compares against Jekyll building the same tree with a layout written for the
 * benchmark. That comparison is only honest if Jekyll does the same Liquid work: here every endpoint page
 * Jekyll writes must show the same rendered short and full URL as our model (flatify, aliases, site data).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReference } from '../../src/core/model/build.ts';
import { buildWithJekyll, hasJekyll, prepareJekyllSite } from '../../scripts/bench/jekyll.ts';
import { CORPUS, hasCorpus, REPO_ROOT } from './helpers/site.ts';

const TREE = path.join(CORPUS, 'stitch-docs');
const OVERLAY = path.join(REPO_ROOT, 'presets/stitch-docs.yml');
const text = (html: string, cls: string) => new RegExp(`<p class="${cls}">([^<]*)</p>`).exec(html)?.[1] ?? null;

describe.skipIf(!hasJekyll() || !hasCorpus)('bench --jekyll renders the same Liquid as the generator (needs Jekyll and ../shared)', () => {
  it('every endpoint page shows the URLs our model renders', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'bench-jekyll-'));
    try {
      const site = prepareJekyllSite(TREE, OVERLAY, work);
      const out = path.join(work, 'out');
      const result = await buildWithJekyll(site, out, true);
      expect(result.ok, result.stderr.slice(-2000)).toBe(true);
      const model = buildReference({ root: TREE, configFile: OVERLAY });
      const endpoints = model.entries.filter((e) => e.kind === 'endpoint' && e.available);
      expect(endpoints.length).toBeGreaterThan(30);
      for (const e of endpoints) {
        if (e.kind !== 'endpoint') continue;
        // Jekyll writes each collection document at /<collection>/<path>/; the collection folder is `_<name>`.
        const page = path.join(out, e.source.replace(/^_/, '').replace(/\.md$/, ''), 'index.html');
        const html = readFileSync(page, 'utf8');
        expect({ page: e.source, short: text(html, 'short-url'), full: text(html, 'full-url') }).toEqual({
          page: e.source,
          short: e.shortUrl,
          full: e.fullUrl,
        });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
