/**
 * Products on the BUILT sites. The sample (dist/, `npm run build`) has two: the Parcelwise API (kept at
 * reference/) and the Tracking API (reference/tracking/), which share the "webhooks" object slug and the
 * "create-a-webhook" key. The corpus (tests/.tmp/corpus-dist, one product) must look as a single-product
 * site always did: no product segment, no product filter.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml, textOf, type HTMLElement } from './helpers/html.ts';
import { CORPUS_DIST, hasCorpus, listHtmlFiles, pagePathOf, SAMPLE_DIST } from './helpers/site.ts';

function page(dist: string, pagePath: string): HTMLElement {
  const file = path.join(dist, pagePath, 'index.html');
  if (!existsSync(file)) throw new Error(`${file} does not exist: build the site first (npm run build / npm run build:corpus).`);
  return parseHtml(readFileSync(file, 'utf8'));
}

const sample = (p: string) => page(SAMPLE_DIST, p);
const filterOf = (doc: HTMLElement) => doc.querySelectorAll('[data-pagefind-filter="product"]').map((e) => textOf(e));
const errorCodes = (doc: HTMLElement) =>
  doc.querySelectorAll('example-tabs [role="tabpanel"][data-tab="Errors"] tbody tr').map((tr) => textOf(tr.querySelector('td')));

describe('sample site: two products', () => {
  it('tags every reference page with its product for the search filter, and prose pages with none', () => {
    const tagged = new Map<string, string[]>();
    for (const file of listHtmlFiles(SAMPLE_DIST)) {
      const doc = parseHtml(readFileSync(path.join(SAMPLE_DIST, file), 'utf8'));
      tagged.set(pagePathOf(file), filterOf(doc) as string[]);
    }
    const tracking = [...tagged].filter(([p]) => /^(reference|guides|structures)\/tracking\/./.test(p));
    expect(tracking.map(([p]) => p).sort()).toEqual([
      'guides/tracking/errors/',
      'reference/tracking/trackers/',
      'reference/tracking/trackers/create-a-tracker/',
      'reference/tracking/trackers/retrieve-a-tracker/',
      'reference/tracking/webhooks/',
      'reference/tracking/webhooks/create-a-webhook/',
      'structures/tracking/tracking-event-object/',
    ]);
    for (const [p, filters] of tracking) expect(filters, p).toEqual(['Tracking API']);
    for (const p of ['reference/webhooks/create-a-webhook/', 'guides/errors/', 'structures/address-object/', 'reference/shipments/v1/']) {
      expect(tagged.get(p), p).toEqual(['Parcelwise API']);
    }
    // Prose pages, list pages and the home page are no product's.
    for (const p of ['guides/introduction/', 'reference/', 'reference/tracking/', '']) expect(tagged.get(p), p).toEqual([]);
  });

  it('gives each product its own index page listing only its objects', () => {
    const cards = (doc: HTMLElement) => doc.querySelectorAll('main ul.cards > li > a').map((a) => [textOf(a), a.getAttribute('href')]);
    expect(textOf(sample('reference/tracking/').querySelector('main h1'))).toBe('Tracking API');
    expect(cards(sample('reference/tracking/'))).toEqual([
      ['Trackers', '/docs/reference/tracking/trackers/'],
      ['Webhooks', '/docs/reference/tracking/webhooks/'],
    ]);
    expect(textOf(sample('reference/').querySelector('main h1'))).toBe('Parcelwise API');
    expect(cards(sample('reference/'))).toEqual([
      ['Parcels', '/docs/reference/parcels/'],
      ['Shipments', '/docs/reference/shipments/'],
      ['Webhooks', '/docs/reference/webhooks/'],
    ]);
  });

  it('keeps the two "webhooks" objects and "create-a-webhook" endpoints apart: URLs, headings, Errors rows', () => {
    const parcel = sample('reference/webhooks/create-a-webhook/');
    const tracking = sample('reference/tracking/webhooks/create-a-webhook/');
    expect(textOf(parcel.querySelector('.full-url'))).toBe('https://api.parcelwise.example/v1/webhooks');
    expect(textOf(tracking.querySelector('.full-url'))).toBe('https://tracking.parcelwise.example/v1/webhooks');
    expect(errorCodes(parcel)).toEqual(['400', '400', '400']);
    expect(errorCodes(tracking)).toEqual(['404', '410']);
    // Headings: the Parcelwise object names its plural; the Tracking API's rule appends "s".
    expect(textOf(sample('reference/webhooks/').querySelector('main h1'))).toBe('Webhooks');
    expect(textOf(sample('reference/tracking/trackers/').querySelector('main h1'))).toBe('Trackers');
  });

  it("sends a bare #anchor both products hold to the page's own product", () => {
    const hrefs = (doc: HTMLElement) => doc.querySelectorAll('main a[href*="#"]').map((a) => a.getAttribute('href'));
    expect(hrefs(sample('reference/webhooks/'))).toContain('/docs/reference/webhooks/create-a-webhook/#create-a-webhook');
    expect(hrefs(sample('reference/webhooks/'))).not.toContain('/docs/reference/tracking/webhooks/create-a-webhook/#create-a-webhook');
    const retrieve = hrefs(sample('reference/tracking/trackers/retrieve-a-tracker/'));
    expect(retrieve).toContain('/docs/reference/tracking/webhooks/create-a-webhook/#create-a-webhook');
    expect(hrefs(sample('reference/tracking/trackers/create-a-tracker/'))).toContain('/docs/guides/tracking/errors/#errors');
  });

  it("shows each product's own status codes on its Errors page", () => {
    const codes = (doc: HTMLElement) => doc.querySelectorAll('main table tbody tr').map((tr) => textOf(tr.querySelector('td')));
    expect(codes(sample('guides/tracking/errors/'))).toEqual(['200', '201', '404', '409', '422']);
    const parcel = codes(sample('guides/errors/'));
    expect(parcel.length).toBeGreaterThan(0);
    expect(textOf(sample('guides/errors/').querySelector('main'))).not.toContain('tracker');
    expect(parcel).not.toEqual(codes(sample('guides/tracking/errors/')));
  });
});

describe.skipIf(!hasCorpus)('corpus site: one product (needs ../shared)', () => {
  it('has no product segment and no product filter', () => {
    const files = listHtmlFiles(CORPUS_DIST);
    expect(files).toContain('reference/sources/create-a-source/index.html');
    expect(files.some((f) => f.startsWith('reference/connect/'))).toBe(false);
    const html = files.map((f) => readFileSync(path.join(CORPUS_DIST, f), 'utf8'));
    expect(html.filter((h) => h.includes('data-pagefind-filter')).length).toBe(0);
    // The sidebar's reference group keeps its single-product name.
    expect(textOf(page(CORPUS_DIST, 'reference/sources/').querySelector('nav.breadcrumbs li'))).toBe('API reference');
  });
});
