/**
 * What a site calls its forms (`api-form` pages) is configuration (`labels.forms` in the site config,
 * schemas/labels.ts), not wording in code: the defaults fit any site, a site.yml overrides any part, and the
 * Stitch preset sets the Stitch docs' own words. The last test builds a site and reads every place the
 * wording shows: sidebar, list page, breadcrumb, the form page and llms.txt.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/core/config.ts';
import { entryPage } from '../../src/core/export/llms.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { DEFAULT_LABELS } from '../../src/schemas/labels.ts';
import { SiteConfigSchema } from '../../src/schemas/site-config.ts';
import { navGroups } from '../../src/utils/nav-groups.ts';
import { siteProducts } from '../../src/utils/products.ts';
import { removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const FORM =
  '---\ncontent-type: "api-form"\nkey: "postgres"\ntitle: "PostgreSQL"\nform-type: "source"\n' +
  'description: "How to reach the database."\nobject-attributes:\n  - name: "host"\n    type: "string"\n    description: "Its host name."\n---\n';

const SITE = 'title: "Hooks"\nurl: "https://hooks.example"\nbaseurl: "/hooks"\n';
const LABELS =
  'labels:\n  forms:\n    group: "Webhook payloads"\n    title: "All webhook payloads"\n' +
  '    intro: "What each event sends."\n    kind: "Webhook payload"\n';

describe('labels.forms', () => {
  it('default to words that fit any site, and a site.yml may set any of them', () => {
    expect(SiteConfigSchema.parse({}).labels).toEqual({
      forms: { group: 'Forms', title: 'Forms', intro: 'The fields each form accepts', kind: 'Form' },
    });
    const root = tempRoot(undefined, { 'site.yml': `${SITE}labels:\n  forms:\n    group: "Webhook payloads"\n` });
    expect(loadSiteConfig(root).config.labels.forms).toEqual({ ...DEFAULT_LABELS.forms, group: 'Webhook payloads' });
  });

  it('are Stitch\'s "Connection properties" wording only through the Stitch preset', () => {
    const root = tempRoot('jekyll-site');
    expect(loadSiteConfig(root).config.labels).toEqual(DEFAULT_LABELS);
    expect(loadSiteConfig(root, 'presets/stitch-docs.yml').config.labels.forms).toEqual({
      group: 'Connection properties',
      title: 'Connection property objects',
      intro: 'The properties each source or destination type accepts',
      kind: 'Connection property object',
    });
  });

  it('name the forms group of the sidebar and their llms.txt section', () => {
    const result = buildReference({ root: tempRoot(undefined, { 'site.yml': SITE, 'reference/postgres.md': FORM }) });
    const products = siteProducts(result.entries, {});
    const labels = SiteConfigSchema.parse({ labels: { forms: { group: 'Webhook payloads' } } }).labels;
    expect(navGroups(products, []).map((g) => g.label)).toEqual(['Forms']);
    expect(navGroups(products, [], labels).map((g) => [g.label, g.path])).toEqual([['Webhook payloads', 'forms/']]);
    const form = result.entries.find((e) => e.kind === 'form')!;
    expect(entryPage(form).section).toBe('Forms');
    expect(entryPage(form, undefined, 'Webhook payloads').section).toBe('Webhook payloads');
  });

  it('are what a built site calls its forms everywhere they show', () => {
    const root = tempRoot(undefined, { 'site.yml': SITE + LABELS, 'reference/postgres.md': FORM });
    const repo = path.resolve(import.meta.dirname, '../..');
    mkdirSync(path.join(repo, 'tests/.tmp'), { recursive: true });
    const out = mkdtempSync(path.join(repo, 'tests/.tmp/labels-'));
    rmSync(out, { recursive: true });
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NODE_ENV|VITEST.*|VITE_.*)$/.test(k)));
    const r = spawnSync(process.execPath, ['bin/api-reference.js', 'build', root, '--out', out, '--log-level', 'warn'], {
      cwd: repo,
      env,
      encoding: 'utf8',
    });
    try {
      expect(r.status, r.stderr).toBe(0);
      // Astro's scoping attributes are no part of the wording.
      const html = (file: string) => readFileSync(path.join(out, file), 'utf8').replace(/ data-astro-cid-\w+(="true")?/g, '');
      const list = html('forms/index.html');
      expect(list).toMatch(/<h1[^>]*>All webhook payloads<\/h1>/);
      expect(list).toContain('What each event sends.');
      const page = html('forms/postgres/index.html');
      expect(page).toMatch(/class="kind">Webhook payload · source</);
      // The sidebar group, which is the form page's breadcrumb too.
      expect(page).toMatch(/<nav id="site-nav"[^]*?>Webhook payloads<\/summary>/);
      expect(page).toMatch(/<nav class="breadcrumbs"[^]*?<a href="\/hooks\/forms\/">Webhook payloads<\/a>/);
      expect(readFileSync(path.join(out, 'llms.txt'), 'utf8')).toContain('## All webhook payloads');
      for (const html of [list, page]) expect(html).not.toMatch(/Connection propert|source or destination/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
