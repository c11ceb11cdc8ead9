/**
 * Navigation helpers of the Astro side that are pure: reading order and breadcrumbs, the pre-rendered
 * sidebar (escaping, current-page marking, open groups), "On this page" extraction, plain-text
 * descriptions, path search words, and the sitemap.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexNav, neighbours, type NavGroup, type NavLink } from '../../src/utils/nav-index.ts';
import { buildSidebarTemplate, renderSidebar } from '../../src/utils/sidebar-html.ts';
import { builtPages, sitemapXml, writeSitemap } from '../../src/integration/sitemap.ts';
import { pathSearchText, plainText, summary } from '../../src/utils/text.ts';
import { tableOfContents } from '../../src/utils/toc.ts';

const groups: NavGroup[] = [
  { label: 'Guides', links: [{ label: 'Intro <start>', path: 'guides/intro/' }] },
  {
    label: 'API reference',
    path: 'reference/',
    links: [
      { label: 'All objects', path: 'reference/' },
      {
        label: 'Widgets & "gadgets"',
        path: 'reference/widgets/',
        children: [
          { label: 'Create a widget', path: 'reference/widgets/create/', method: 'post' },
          { label: 'Delete a widget', path: 'reference/widgets/delete/', method: 'delete' },
        ],
      },
      {
        label: 'Sprockets',
        path: 'reference/sprockets/',
        children: [{ label: 'List sprockets', path: 'reference/sprockets/list/', method: 'get' }],
      },
    ],
  },
  { label: 'Forms', path: 'forms/', collapsed: true, links: [{ label: 'Form A', path: 'forms/a/' }] },
];
const href = (p: string) => `/base/${p}`;

describe('reading order and breadcrumbs', () => {
  const nav = indexNav(groups);
  it('orders every linked page as the sidebar lists it, children after their object', () => {
    expect(nav.order.map((l) => l.path)).toEqual([
      'guides/intro/',
      'reference/',
      'reference/widgets/',
      'reference/widgets/create/',
      'reference/widgets/delete/',
      'reference/sprockets/',
      'reference/sprockets/list/',
      'forms/a/',
    ]);
    expect(neighbours(nav, 'reference/widgets/delete/')).toEqual({
      prev: expect.objectContaining({ path: 'reference/widgets/create/' }),
      next: expect.objectContaining({ path: 'reference/sprockets/' }),
    });
    expect(neighbours(nav, 'guides/intro/').prev).toBeUndefined();
    expect(neighbours(nav, 'forms/a/').next).toBeUndefined();
    expect(neighbours(nav, 'not/listed/')).toEqual({});
  });

  it('gives each page its trail: group, object, page; a group list page is the group crumb itself', () => {
    expect(nav.trails.get('reference/widgets/create/')).toEqual([
      { label: 'API reference', path: 'reference/' },
      { label: 'Widgets & "gadgets"', path: 'reference/widgets/' },
      { label: 'Create a widget', path: 'reference/widgets/create/' },
    ]);
    expect(nav.trails.get('reference/')).toEqual([{ label: 'API reference', path: 'reference/' }]);
    expect(nav.trails.get('guides/intro/')).toEqual([
      { label: 'Guides', path: undefined },
      { label: 'Intro <start>', path: 'guides/intro/' },
    ]);
  });
});

describe('pre-rendered sidebar', () => {
  const template = buildSidebarTemplate(indexNav(groups), href);

  it('escapes every label and marks nothing on a page it does not list', () => {
    expect(template.html).toContain('<span>Intro &lt;start&gt;</span>');
    expect(template.html).toContain('Widgets &amp; &quot;gadgets&quot;');
    expect(template.html).not.toContain('<start>');
    expect(renderSidebar(template, '/base/elsewhere/')).toBe(template.html);
    expect(template.html).not.toContain('aria-current');
    // Object groups start closed; the collapsed Forms group too.
    expect(template.html.match(/<details open>/g)).toBeNull();
    expect(template.html).toContain('<details class="group"><summary>Forms</summary>');
  });

  it('marks only the current link and opens the groups around it', () => {
    const html = renderSidebar(template, '/base/reference/widgets/delete/');
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
    expect(html).toContain('<a href="/base/reference/widgets/delete/" aria-current="page"><span class="method small delete">DEL</span>');
    const widgets = html.slice(html.indexOf('/base/reference/widgets/"'), html.indexOf('/base/reference/sprockets/"'));
    expect(widgets).toContain('<details open>');
    const sprockets = html.slice(html.indexOf('/base/reference/sprockets/"'));
    expect(sprockets).not.toContain('<details open>');
    // Without the trailing slash it is the same page.
    expect(renderSidebar(template, '/base/reference/widgets/delete')).toBe(html);
  });

  it('opens a collapsed top-level group for a page inside it, and an object group on the object page', () => {
    const form = renderSidebar(template, '/base/forms/a/');
    expect(form).toContain('<details class="group" open><summary>Forms</summary>');
    const object = renderSidebar(template, '/base/reference/sprockets/');
    expect(object).toContain('<a href="/base/reference/sprockets/" aria-current="page"><span>Sprockets</span></a><details open>');
    // Groups that are open anyway get no second attribute.
    expect(object).not.toMatch(/open open/);
  });
});

describe('On this page', () => {
  it('reads h2/h3 headings with ids, as plain text, and skips headings without one', () => {
    const html = `<h1 id="t">Title</h1><h2 id="a">Arguments</h2><p>x</p><h3 id="b&amp;c"><code>a &lt; b</code> rules</h3>
      <h2>No id</h2><h4 id="d">Too deep</h4><h2 class="x" id='e'>Errors <span class="n">4</span></h2>`;
    expect(tableOfContents(html)).toEqual([
      { id: 'a', text: 'Arguments', level: 2 },
      { id: 'b&c', text: 'a < b rules', level: 3 },
      { id: 'e', text: 'Errors 4', level: 2 },
    ]);
  });
});

describe('text helpers', () => {
  it('turns rendered HTML into plain text and keeps descriptions short', () => {
    expect(plainText('<p>Creates a <code>&lt;parcel&gt;</code> &amp; more&#33;</p><p>Second.</p>')).toBe(
      'Creates a <parcel> & more! Second.',
    );
    expect(plainText('a <a href="#t">connection type</a>’s <em>field</em>, then<br>next')).toBe('a connection type’s field, then next');
    const long = `${'First sentence is here and it is quite long indeed. '.repeat(2)}${'word '.repeat(40)}`;
    const s = summary(long.trim());
    expect(s.length).toBeLessThanOrEqual(160);
    expect(s.endsWith('.')).toBe(true);
    expect(summary('word '.repeat(60).trim())).toMatch(/^word( word)*…$/);
    expect(summary('Short.')).toBe('Short.');
  });

  it('gives an endpoint path both as one token and as its segments', () => {
    expect(pathSearchText('/v4/sources/{source_id}/schema')).toBe('/v4/sources/{source_id}/schema v4 sources source_id schema');
  });
});

describe('sitemap', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('lists every built index.html under the site url and base, and writes robots.txt', () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'sitemap-'));
    dirs.push(dist);
    for (const p of ['', 'reference/a & b', 'guides/x', '_astro']) mkdirSync(path.join(dist, p), { recursive: true });
    for (const p of ['index.html', 'reference/a & b/index.html', 'guides/x/index.html', '404.html', '_astro/x.css'])
      writeFileSync(path.join(dist, p), '');
    expect(builtPages(dist)).toEqual(['', 'guides/x/', 'reference/a & b/']);
    expect(writeSitemap(dist, 'https://example.com', '/docs')).toEqual(['sitemap.xml: 3 pages']);
    const xml = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    expect([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://example.com/docs/',
      'https://example.com/docs/guides/x/',
      'https://example.com/docs/reference/a%20&amp;%20b/',
    ]);
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain('Sitemap: https://example.com/docs/sitemap.xml');
    expect(sitemapXml([''], new URL('https://example.com/'))).toContain('<loc>https://example.com/</loc>');
    // No site url: nothing absolute to list, so nothing is written.
    const empty = mkdtempSync(path.join(os.tmpdir(), 'sitemap-'));
    dirs.push(empty);
    expect(writeSitemap(empty, undefined, '/')).toEqual(['no sitemap.xml: the site has no `site` URL']);
    expect(readdirSync(empty)).toEqual([]);
  });

  it("never replaces the site's own sitemap.xml or robots.txt, and says it kept them", () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'sitemap-'));
    dirs.push(dist);
    writeFileSync(path.join(dist, 'index.html'), '');
    writeFileSync(path.join(dist, 'sitemap.xml'), '<urlset>mine</urlset>');
    expect(writeSitemap(dist, 'https://example.com', '/')).toEqual(["sitemap.xml: the site's own is kept"]);
    expect(readFileSync(path.join(dist, 'sitemap.xml'), 'utf8')).toBe('<urlset>mine</urlset>');
    // Its robots.txt, written because the site had none, points at the site's sitemap.
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain('Sitemap: https://example.com/sitemap.xml');
    writeFileSync(path.join(dist, 'robots.txt'), 'User-agent: *\nDisallow: /private\n');
    rmSync(path.join(dist, 'sitemap.xml'));
    expect(writeSitemap(dist, 'https://example.com', '/')).toEqual(['sitemap.xml: 1 page', "robots.txt: the site's own is kept"]);
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /private\n');
  });
});

describe('pre-rendered sidebar of a large site', () => {
  // Three endpoint links over a limit of two: closed groups ship without their endpoints.
  const template = buildSidebarTemplate(indexNav(groups), href, { maxLinks: 2 });

  it('leaves closed object groups empty, to be filled when opened', () => {
    expect(template.html).toContain('<details data-children="/base/reference/widgets/"><summary>');
    expect(template.html).not.toContain('Create a widget');
    expect(template.html).not.toContain('List sprockets');
    expect(template.html.match(/<ul class="children"><\/ul>/g)).toHaveLength(2);
  });

  it('gives the current page its whole group, open, with its own link marked', () => {
    const html = renderSidebar(template, '/base/reference/widgets/create/');
    expect(html).toContain(
      '<details data-children="/base/reference/widgets/" open><summary><span class="visually-hidden">Widgets &amp; &quot;gadgets&quot;: endpoints</span></summary><ul class="children">' +
        '<li><a href="/base/reference/widgets/create/" aria-current="page"><span class="method small post">POST</span><span>Create a widget</span></a></li>' +
        '<li><a href="/base/reference/widgets/delete/"><span class="method small delete">DEL</span><span>Delete a widget</span></a></li></ul>',
    );
    expect(html.match(/aria-current/g)).toHaveLength(1);
    expect(html).not.toContain('List sprockets');
    // The object page itself: its group complete (what the sidebar script borrows), no endpoint marked.
    const object = renderSidebar(template, '/base/reference/sprockets/');
    expect(object).toContain('<details data-children="/base/reference/sprockets/" open><summary>');
    expect(object).toContain(
      '<li><a href="/base/reference/sprockets/list/"><span class="method small get">GET</span><span>List sprockets</span></a></li>',
    );
    expect(object).not.toContain('Create a widget');
  });
});

describe('pre-rendered sidebar of a site with many objects', () => {
  /** `n` objects of 10 endpoints each, beside the other groups of `groups`. */
  const manyObjects = (n: number): NavGroup[] => [
    groups[0],
    {
      label: 'API reference',
      path: 'reference/',
      links: [
        { label: 'All objects', path: 'reference/' },
        ...Array.from({ length: n }, (_, o) => ({
          label: `Object ${o}`,
          path: `reference/o${o}/`,
          children: Array.from({ length: 10 }, (_, e) => ({
            label: `Endpoint ${e} of ${o}`,
            path: `reference/o${o}/e${e}/`,
            method: 'get',
          })),
        })),
      ],
    },
    groups[2],
  ];
  const limits = { maxLinks: 250, maxObjects: 60 };
  const templates = new Map<number, ReturnType<typeof buildSidebarTemplate>>();
  const template = (n: number) =>
    templates.get(n) ?? templates.set(n, buildSidebarTemplate(indexNav(manyObjects(n)), href, limits)).get(n)!;
  const sidebar = (n: number, page: string) => renderSidebar(template(n), page);

  it("keeps a page's sidebar the same size whatever the number of objects beyond the limit", () => {
    const at = (n: number) => sidebar(n, '/base/reference/o7/e3/');
    // Only the "All N objects" count grows, by a digit from 100 to 1000.
    expect(at(1000).length - at(100).length).toBe(1);
    expect(at(5000).length).toBe(at(1000).length);
    // Under the limit every object is listed, so the same page carries them all.
    expect(sidebar(60, '/base/reference/o7/e3/').length).toBeGreaterThan(60 * 100);
    expect(at(5000).length).toBeLessThan(4000);
  });

  it('inlines "All objects", the current object complete and marked, and a disclosure of every object', () => {
    const html = sidebar(100, '/base/reference/o7/e3/');
    expect(html.match(/aria-current/g)).toHaveLength(1);
    expect(html).toContain(
      '<a href="/base/reference/o7/e3/" aria-current="page"><span class="method small get">GET</span><span>Endpoint 3 of 7</span></a>',
    );
    // The current object's whole group, open; no other object.
    expect(html.match(/<a href="\/base\/reference\/o7\/e\d\/"/g)).toHaveLength(10);
    expect(html).toContain('<a href="/base/reference/o7/"><span>Object 7</span></a><details data-children="/base/reference/o7/" open>');
    expect(html).not.toContain('Object 8');
    expect(html).toContain('<li><a href="/base/reference/"><span>All objects</span></a></li>');
    expect(html).toContain(
      '<details class="all-objects" data-objects="/base/reference/"><summary>All 100 objects</summary><ul></ul></details>',
    );
    // The object page: its own link marked, its endpoints listed.
    const object = sidebar(100, '/base/reference/o9/');
    expect(object).toContain(
      '<a href="/base/reference/o9/" aria-current="page"><span>Object 9</span></a><details data-children="/base/reference/o9/" open>',
    );
    expect(object.match(/<a href="\/base\/reference\/o9\/e\d\/"/g)).toHaveLength(10);
    // Pages outside the reference carry no object at all.
    expect(sidebar(100, '/base/forms/a/')).not.toMatch(/class="object"/);
  });

  it('gives the list page every object (closed, endpoints on demand), for the disclosure to fetch', () => {
    const html = sidebar(100, '/base/reference/');
    expect(html).toContain('<a href="/base/reference/" aria-current="page"><span>All objects</span></a>');
    const list = html.slice(html.indexOf('<details class="all-objects"'));
    expect(list).toMatch(
      /^<details class="all-objects" data-objects="\/base\/reference\/" open><summary>All 100 objects<\/summary><ul><li><div class="object">/,
    );
    expect(list.match(/<div class="object">/g)).toHaveLength(100);
    expect(list.match(/<details data-children="[^"]*"><summary>/g)).toHaveLength(100);
    expect(list).not.toContain('Endpoint 0 of 0');
    expect(html.match(/aria-current/g)).toHaveLength(1);
  });

  it('keeps the full list at the limit, and prev/next and trails complete whatever the sidebar ships', () => {
    expect(sidebar(60, '/base/forms/a/')).not.toContain('all-objects');
    expect(sidebar(61, '/base/forms/a/')).toContain('All 61 objects');
    const nav = indexNav(manyObjects(100));
    expect(neighbours(nav, 'reference/o7/e9/').next?.path).toBe('reference/o8/');
    expect(nav.trails.get('reference/o99/e0/')?.map((c) => c.label)).toEqual(['API reference', 'Object 99', 'Endpoint 0 of 99']);
  });
});

describe('pre-rendered sidebar: every long list is trimmed, forms and structures too', () => {
  const forms = (n: number): NavLink[] => Array.from({ length: n }, (_, i) => ({ label: `Form ${i}`, path: `forms/f${i}/` }));
  const limits = { maxLinks: 250, maxObjects: 60 };
  /** A single-product site: forms as a top-level group of plain links with a list page. */
  const flat = (n: number) =>
    buildSidebarTemplate(
      indexNav([groups[0], groups[1], { label: 'Forms', path: 'forms/', collapsed: true, links: forms(n) }]),
      href,
      limits,
    );
  /** A site of several products: forms as a row of the product's group, its list page the row's link. */
  const row = (n: number) =>
    buildSidebarTemplate(
      indexNav([{ label: 'Product', path: 'p/', links: [{ label: 'Forms', path: 'forms/', children: forms(n) }] }]),
      href,
      limits,
    );

  it("keeps a form page's sidebar the same size beyond the limit, with its own link marked and a disclosure", () => {
    const at = (n: number) => renderSidebar(flat(n), '/base/forms/f7/');
    expect(at(1000).length - at(100).length).toBe(1);
    expect(at(100).length).toBeLessThan(3000);
    const html = at(100);
    expect(html).toContain('<li><a href="/base/forms/f7/" aria-current="page"><span>Form 7</span></a></li>');
    expect(html).not.toContain('Form 8');
    expect(html).toContain('<details class="all-objects" data-objects="/base/forms/"><summary>All 100 pages</summary><ul></ul></details>');
    // The group opens around the current page; other pages leave it closed and carry no form.
    expect(html).toContain('<details class="group" open><summary>Forms</summary>');
    expect(renderSidebar(flat(100), '/base/guides/intro/')).not.toContain('Form 7');
    // The list page carries every form, for the disclosure to fetch.
    const list = renderSidebar(flat(100), '/base/forms/');
    expect(list.match(/<a href="\/base\/forms\/f\d+\/">/g)).toHaveLength(100);
    // At the limit the group is listed whole, as before.
    expect(renderSidebar(flat(60), '/base/forms/f7/').match(/<a href="\/base\/forms\/f\d+\//g)).toHaveLength(60);
  });

  it('gives a child page of a long row its own link and the rest on demand from the row page', () => {
    const at = (n: number) => renderSidebar(row(n), '/base/forms/f7/');
    expect(at(1000).length - at(100).length).toBe(1);
    const html = at(100);
    expect(html).toContain(
      '<details data-children="/base/forms/" open><summary><span class="visually-hidden">Forms: pages</span></summary><ul class="children">' +
        '<li><a href="/base/forms/f7/" aria-current="page"><span>Form 7</span></a></li>' +
        '<li><details class="all-objects" data-children="/base/forms/"><summary>All 100 pages</summary><ul></ul></details></li></ul>',
    );
    expect(html.match(/aria-current/g)).toHaveLength(1);
    // The row page itself lists every child (what the disclosure borrows), inside the .object row it looks for.
    const list = renderSidebar(row(100), '/base/forms/');
    expect(list).toContain('<div class="object"><a href="/base/forms/" aria-current="page">');
    expect(list.match(/<a href="\/base\/forms\/f\d+\/">/g)).toHaveLength(100);
    // Elsewhere the row is closed and empty.
    expect(renderSidebar(row(100), '/base/p/')).toContain('<ul class="children"></ul>');
    expect(renderSidebar(row(60), '/base/p/')).toContain('Form 59');
  });
});
