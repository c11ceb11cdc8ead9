/**
 * 6. Link rewriting: bare `#anchor` links go to the page that holds the anchor, same-page anchors stay,
 * and links that land nowhere fail the build (or go to legacy-url for root-relative links).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildReference } from '../../src/core/model/build.ts';
import { buildLinkIndex, idsIn, resolveHref } from '../../src/core/model/links.ts';
import type { ReferenceEntry } from '../../src/schemas/reference.ts';
import { buildErrors, endpointAt, fixture, MINI_PRODUCTS, objectAt, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

function page(path: string, anchors: string[], product = ''): ReferenceEntry {
  return {
    kind: 'doc',
    title: path,
    path,
    source: `${path}index.md`,
    anchors,
    product,
    order: 0,
    docType: 'api-doc',
    group: 'Guides',
    groupOrder: 1,
    anchor: anchors[0] ?? '',
    sections: [],
  } as ReferenceEntry;
}

describe('resolveHref', () => {
  const a = page('reference/widgets/', ['widgets', 'shared']);
  const b = page('reference/widgets/create-a-widget/', ['create-a-widget', 'shared', 'create-a-widget--arguments']);
  const index = buildLinkIndex([a, b], ['guides/intro/'], '/docs', '');
  const legacy = buildLinkIndex([a, b], ['guides/intro/'], '/docs', 'https://old.example');

  it('keeps same-page anchors as they are', () => {
    expect(resolveHref('#create-a-widget--arguments', b, index)).toBe('#create-a-widget--arguments');
    expect(resolveHref('#shared', b, index)).toBe('#shared');
  });

  it("prefers the page's own product for an anchor two products hold, else the first page holding it", () => {
    const parcelHooks = page('reference/webhooks/', ['webhooks'], 'parcel');
    const trackingHooks = page('reference/tracking/webhooks/', ['webhooks', 'tracking-only'], 'tracking');
    const tracker = page('reference/tracking/trackers/', ['trackers'], 'tracking');
    const parcel = page('reference/parcels/', ['parcels'], 'parcel');
    const prose = page('guides/intro/', ['intro']);
    const products = buildLinkIndex([parcelHooks, trackingHooks, tracker, parcel, prose], [], '/docs', '');
    expect(resolveHref('#webhooks', tracker, products)).toBe('/docs/reference/tracking/webhooks/#webhooks');
    expect(resolveHref('#webhooks', parcel, products)).toBe('/docs/reference/webhooks/#webhooks');
    // A page of neither product gets the first claim; another product's unique anchor still resolves.
    expect(resolveHref('#webhooks', prose, products)).toBe('/docs/reference/webhooks/#webhooks');
    expect(resolveHref('#tracking-only', parcel, products)).toBe('/docs/reference/tracking/webhooks/#tracking-only');
  });

  it('sends an anchor held by another page to that page, under the base path', () => {
    expect(resolveHref('#create-a-widget', a, index)).toBe('/docs/reference/widgets/create-a-widget/#create-a-widget');
    expect(resolveHref('#widgets', b, index)).toBe('/docs/reference/widgets/#widgets');
  });

  it('gives a shared id to the first page that claims it', () => {
    const other = page('guides/x/', []);
    expect(resolveHref('#shared', other, index)).toBe('/docs/reference/widgets/#shared');
  });

  it('decodes percent-encoded anchors', () => {
    expect(resolveHref('#create-a-widget%2D%2Darguments', a, index)).toBe(
      '/docs/reference/widgets/create-a-widget/#create-a-widget%2D%2Darguments',
    );
  });

  it('reports an anchor no page has as broken (undefined)', () => {
    expect(resolveHref('#nowhere', a, index)).toBeUndefined();
  });

  it('leaves external, protocol-relative, mailto and relative links alone', () => {
    for (const href of ['https://x.example/a#b', '//cdn.example/x', 'mailto:a@b.c', 'other/page/', '../up/']) {
      expect(resolveHref(href, a, index)).toBe(href);
    }
  });

  it('accepts root-relative links to built pages (with or without trailing slash) and to files', () => {
    expect(resolveHref('/docs/reference/widgets/', b, index)).toBe('/docs/reference/widgets/');
    expect(resolveHref('/docs/reference/widgets', b, index)).toBe('/docs/reference/widgets');
    expect(resolveHref('/docs/guides/intro/', b, index)).toBe('/docs/guides/intro/');
    expect(resolveHref('/docs/', b, index)).toBe('/docs/');
    expect(resolveHref('/docs/images/x.png', b, index)).toBe('/docs/images/x.png');
    expect(resolveHref('/docs/reference/widgets/#widgets', b, index)).toBe('/docs/reference/widgets/#widgets');
  });

  it('reports a root-relative link to a page the site does not build, or outside the base, as broken', () => {
    expect(resolveHref('/docs/reference/nothing/', a, index)).toBeUndefined();
    expect(resolveHref('/guides/old-page/', a, index)).toBeUndefined();
  });

  it('reports a link whose fragment lives on a different page than the one it names', () => {
    expect(resolveHref('/docs/reference/widgets/#create-a-widget', b, index)).toBeUndefined();
  });

  it('points root-relative links to pages it does not build at legacy-url when configured', () => {
    expect(resolveHref('/guides/old-page/', a, legacy)).toBe('https://old.example/guides/old-page/');
    expect(resolveHref('/guides/old-page/#part', a, legacy)).toBe('https://old.example/guides/old-page/#part');
    // Bare anchors are not sent to the old site.
    expect(resolveHref('#nowhere', a, legacy)).toBeUndefined();
  });

  it('works without a base path', () => {
    const root = buildLinkIndex([a, b], [], '', '');
    expect(resolveHref('#create-a-widget', a, root)).toBe('/reference/widgets/create-a-widget/#create-a-widget');
    expect(resolveHref('/reference/widgets/', b, root)).toBe('/reference/widgets/');
    expect(resolveHref('/nothing/', b, root)).toBeUndefined();
  });
});

describe('idsIn', () => {
  it('finds ids in double- and single-quoted attributes', () => {
    expect(idsIn(`<h2 id="a">x</h2><div class='y' id='b'></div><p data-id="no">`)).toEqual(['a', 'b']);
  });
});

const archive = (description: string, extra = '') => `---
product-type: "widgets"
content-type: "api-endpoint"
endpoint: "widgets"
key: "archive-a-widget"
version: "4"
title: "Archive a widget"
method: "post"
description: |
  ${description}
${extra}---
`;

describe('links in a build', () => {
  it('rewrites a bare anchor to the page holding it, with the base path, and keeps same-page anchors', () => {
    const result = buildReference({ root: fixture('mini-site') });
    expect(endpointAt(result, 'reference/widgets/delete-a-widget/').descriptionHtml).toBe(
      '<p>Deletes a widget made with <a href="/docs/reference/widgets/create-a-widget/#create-a-widget">Create a widget</a>. ' +
        'See the <a href="#delete-a-widget--arguments">arguments</a>.</p>\n',
    );
  });

  it('rewrites links in arguments, Errors rows and object method summaries, and finds heading ids in descriptions', () => {
    const dir = tempRoot('mini-site', {
      'reference/widgets/archive-a-widget.md': archive(
        '## Archive limits\n\n  Archived widgets can be made again with [Make a gadget](#make-a-gadget).',
        'arguments:\n  - name: "id"\n    type: "string"\n    description: "See [limits](#archive-limits) and [the object](#widgets)."\n',
      ),
      'data/widgets/response-codes/widgets.yml':
        'all:\n  - code: "409"\n    responses:\n      - method: "post"\n        condition: "See [archiving](#archive-limits)"\n        response-body: "Use [list](#list-widgets)."\n',
    });
    const r = buildReference({ root: dir });
    const arch = endpointAt(r, 'reference/widgets/archive-a-widget/');
    // The latest version claims the shared anchor #make-a-gadget.
    expect(arch.descriptionHtml).toContain('<a href="/docs/reference/gadgets/make-a-gadget/#make-a-gadget">');
    expect(arch.anchors).toContain('archive-limits');
    expect(arch.arguments[0].descriptionHtml).toBe(
      '<p>See <a href="#archive-limits">limits</a> and <a href="/docs/reference/widgets/#widgets">the object</a>.</p>\n',
    );
    const create = endpointAt(r, 'reference/widgets/create-a-widget/');
    expect(create.errors[0].conditionHtml).toBe('See <a href="/docs/reference/widgets/archive-a-widget/#archive-limits">archiving</a>');
    expect(create.errors[0].bodyHtml).toBe('<p>Use <a href="/docs/reference/widgets/list-widgets/#list-widgets">list</a>.</p>\n');
  });

  it('fails the build on a link to an anchor no page has, naming the file, field and link', () => {
    const dir = tempRoot('mini-site', { 'reference/widgets/archive-a-widget.md': archive('See [nothing](#no-such-anchor).') });
    const errors = buildErrors({ root: dir });
    expect(errors).toHaveLength(1);
    // The link pass knows the field; the line comes from the parsed file (the block scalar's text).
    expect(errors[0].location).toMatchObject({ file: 'reference/widgets/archive-a-widget.md', field: 'description', line: 10 });
    expect(errors[0].message).toContain('broken link "#no-such-anchor"');
    expect(errors[0].message).toMatch(/^reference\/widgets\/archive-a-widget\.md:10 \(field "description"\): broken link/);
  });

  it('fails the build on a root-relative link to a page the site does not build', () => {
    const dir = tempRoot('mini-site', { 'reference/widgets/archive-a-widget.md': archive('See [the old guide](/guides/old-page/).') });
    const errors = buildErrors({ root: dir });
    expect(errors.map((e) => e.location.file)).toEqual(['reference/widgets/archive-a-widget.md']);
    expect(errors[0].message).toContain('broken link "/guides/old-page/"');
    expect(errors[0].message).toContain('builds no such page');
  });

  it('rewrites that link to legacy-url when the site config sets one', () => {
    const site = `title: "Mini"\nbaseurl: "/docs"\nlegacy-url: "https://old.example/"\naliases:\n  api: site.data[page.product-type].api\n${MINI_PRODUCTS}`;
    const dir = tempRoot('mini-site', {
      'site.yml': site,
      'reference/widgets/archive-a-widget.md': archive('See [the old guide](/guides/old-page/).'),
    });
    const r = buildReference({ root: dir });
    expect(endpointAt(r, 'reference/widgets/archive-a-widget/').descriptionHtml).toBe(
      '<p>See <a href="https://old.example/guides/old-page/">the old guide</a>.</p>\n',
    );
  });

  it('only warns about broken links when `broken-links: warn`, and shows them as text, not as links to nowhere', () => {
    const site = `title: "Mini"\nbaseurl: "/docs"\nbroken-links: "warn"\naliases:\n  api: site.data[page.product-type].api\n${MINI_PRODUCTS}`;
    const dir = tempRoot('mini-site', {
      'site.yml': site,
      'reference/widgets/archive-a-widget.md': archive('See [nothing](#no-such-anchor).'),
    });
    const r = buildReference({ root: dir });
    const html = endpointAt(r, 'reference/widgets/archive-a-widget/').descriptionHtml;
    expect(html).not.toMatch(/\shref="#no-such-anchor"/);
    expect(html).toContain('<a data-broken-href="#no-such-anchor">nothing</a>');
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        file: 'reference/widgets/archive-a-widget.md',
        message: expect.stringContaining('broken link "#no-such-anchor"'),
      }),
    );
  });

  it('rewrites links of object pages too', () => {
    const dir = tempRoot('mini-site', {
      'reference/gizmos/gizmo-object.md':
        '---\nproduct-type: "widgets"\ncontent-type: "api-object"\nendpoint: "gizmos"\ntitle: "Gizmo"\ndescription: "Made by [widgets](#create-a-widget)."\n---\n',
    });
    expect(objectAt(buildReference({ root: dir }), 'reference/gizmos/').descriptionHtml).toBe(
      '<p>Made by <a href="/docs/reference/widgets/create-a-widget/#create-a-widget">widgets</a>.</p>\n',
    );
  });
});

describe('links on best-effort pages and root-relative fragments', () => {
  it('reports a root-relative link whose fragment the named reference page lacks, and one to the home page', () => {
    const a = page('reference/widgets/', ['widgets']);
    const index = buildLinkIndex([a], ['guides/intro/'], '/docs', '');
    expect(resolveHref('/docs/reference/widgets/#widgets', a, index)).toBe('/docs/reference/widgets/#widgets');
    expect(resolveHref('/docs/reference/widgets/#nope', a, index)).toBeUndefined();
    expect(resolveHref('/docs#retrieve-api', a, index)).toBeUndefined();
    // Prose pages' ids are unknown to the model, so their fragments are trusted.
    expect(resolveHref('/docs/guides/intro/#anything', a, index)).toBe('/docs/guides/intro/#anything');
  });

  it('on a lax content type, warns about a broken link and drops its href instead of failing', () => {
    const site = `title: "Mini"\nbaseurl: "/docs"\nliquid:\n  lax-content-types: [api-endpoint]\naliases:\n  api: site.data[page.product-type].api\n${MINI_PRODUCTS}`;
    const dir = tempRoot('mini-site', {
      'site.yml': site,
      'reference/widgets/archive-a-widget.md': archive('See [nothing]({{ doc-link | append: "#no-such-anchor" }}).'),
    });
    const r = buildReference({ root: dir });
    const html = endpointAt(r, 'reference/widgets/archive-a-widget/').descriptionHtml;
    expect(html).toBe('<p>See <a data-broken-href="#no-such-anchor">nothing</a>.</p>\n');
    const messages = r.warnings.map((w) => w.message);
    expect(messages).toContainEqual(expect.stringContaining('undefined variable "doc-link"'));
    expect(messages).toContainEqual(expect.stringContaining('broken link "#no-such-anchor"'));
  });
});
