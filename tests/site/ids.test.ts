/**
 * One source of truth for ids: every `id` attribute inside the article of every built reference page is in
 * the model's anchor list for that page (`entry.anchors`, which link resolution and link checking read),
 * and every anchor the model claims for a page is an id on it. Checked on the sample site (dist/,
 * `npm run build`) and, when ../shared is present, on the corpus site (tests/.tmp/corpus-dist,
 * `npm run build:corpus`). Prose (MDX) pages and list pages are not reference entries and are not compared.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/core/html.ts';
import { buildReference } from '../../src/core/model/build.ts';
import type { ReferenceEntry } from '../../src/schemas/reference.ts';
import { parseHtml } from './helpers/html.ts';
import { CORPUS, CORPUS_DIST, hasCorpus, REPO_ROOT, SAMPLE_DIST } from './helpers/site.ts';

interface Mismatch {
  page: string;
  /** Ids on the page the model does not list. */
  unlisted: string[];
  /** Ids the model lists that the page does not have. */
  missing: string[];
}

function compare(dist: string, entries: ReferenceEntry[]): { pages: number; ids: number; mismatches: Mismatch[] } {
  const mismatches: Mismatch[] = [];
  let ids = 0;
  for (const entry of entries) {
    const file = path.join(dist, entry.path, 'index.html');
    const article = parseHtml(readFileSync(file, 'utf8')).querySelector('main article');
    if (!article) throw new Error(`${entry.path}: no <article> in ${file}`);
    const onPage = [...(article.getAttribute('id') ? [article] : []), ...article.querySelectorAll('[id]')].map((el) =>
      decodeEntities(el.getAttribute('id')!),
    );
    const listed = new Set(entry.anchors.map(decodeEntities));
    const present = new Set(onPage);
    ids += onPage.length;
    const unlisted = [...present].filter((id) => !listed.has(id));
    const missing = [...listed].filter((id) => !present.has(id));
    if (unlisted.length || missing.length) mismatches.push({ page: entry.path, unlisted, missing });
  }
  return { pages: entries.length, ids, mismatches };
}

function siteSuite(label: string, dist: string, buildCommand: string, build: () => ReferenceEntry[]): void {
  let entries: ReferenceEntry[];

  beforeAll(() => {
    if (!existsSync(path.join(dist, 'index.html'))) {
      throw new Error(`${path.relative(REPO_ROOT, dist)}/ does not exist: run \`${buildCommand}\` first.`);
    }
    entries = build();
  });

  it('every id on a reference page is in its anchor list, and every listed anchor is on the page', () => {
    const { pages, ids, mismatches } = compare(dist, entries);
    console.log(`${label}: ${pages} reference pages, ${ids} ids, ${mismatches.length} pages differ from the model`);
    const report = mismatches
      .slice(0, 10)
      .map((m) => `  /${m.page}: on the page only: ${JSON.stringify(m.unlisted)}; in the model only: ${JSON.stringify(m.missing)}`)
      .join('\n');
    expect(mismatches, report).toEqual([]);
    expect(ids).toBeGreaterThan(pages);
  });
}

describe('MDX links (dist/)', () => {
  it('a bare link to another page’s argument goes to the page the model lists it on', () => {
    const { links } = buildReference({ root: path.join(REPO_ROOT, 'content') });
    const html = readFileSync(path.join(SAMPLE_DIST, 'guides/introduction/index.html'), 'utf8');
    const href = parseHtml(html)
      .querySelectorAll('main article a')
      .find((a) => a.textContent === 'weight')
      ?.getAttribute('href');
    expect(links.anchors.get('arg-weight')).toBe('reference/parcels/create-a-parcel/');
    expect(href).toBe('/docs/reference/parcels/create-a-parcel/#arg-weight');
  });
});

describe('ids: sample site (dist/)', () =>
  siteSuite('sample site', SAMPLE_DIST, 'npm run build', () => buildReference({ root: path.join(REPO_ROOT, 'content') }).entries));

describe.skipIf(!hasCorpus)('ids: corpus site (needs ../shared)', () =>
  siteSuite(
    'corpus site',
    CORPUS_DIST,
    'npm run build:corpus',
    () => buildReference({ root: path.join(CORPUS, 'stitch-docs'), configFile: path.join(REPO_ROOT, 'presets/stitch-docs.yml') }).entries,
  ),
);
