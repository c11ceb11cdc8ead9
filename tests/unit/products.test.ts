/**
 * Several products in one tree (`product-type`): each is its own namespace of objects and pages, reads its
 * own response codes, binds its own aliases and has its own heading rule; objects name their own plural
 * (nothing is pluralised by code). Fixture: tests/fixtures/products-site (products "alpha" and "beta" share
 * an object slug, an endpoint key, a doc file name and anchors).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildReference, type BuildResult } from '../../src/core/model/build.ts';
import { resolveProducts, titleCase } from '../../src/core/model/products.ts';
import { ProductConfigSchema } from '../../src/schemas/site-config.ts';
import { navGroups } from '../../src/utils/nav-groups.ts';
import { pickEndpoint, searchProduct, siteProducts } from '../../src/utils/products.ts';
import type { DocEntry } from '../../src/schemas/reference.ts';
import { buildError, buildErrors, endpointAt, entryAt, fixture, objectAt, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const product = (c: Record<string, unknown> = {}) => ProductConfigSchema.parse(c);

describe('resolveProducts', () => {
  it('gives one URL segment per product only when there are several, and none to files without a product-type', () => {
    expect(resolveProducts({}, ['connect', 'connect']).map((p) => [p.key, p.segment])).toEqual([['connect', '']]);
    expect(resolveProducts({}, ['connect', '']).map((p) => [p.key, p.segment])).toEqual([
      ['', ''],
      ['connect', ''],
    ]);
    expect(resolveProducts({}, ['import-api', 'connect', '']).map((p) => [p.key, p.segment])).toEqual([
      ['', ''],
      ['connect', 'connect'],
      ['import-api', 'import-api'],
    ]);
  });

  it('titles a product from its key unless the config says otherwise, and orders by `order`, then the config, then key', () => {
    expect(titleCase('import-api')).toBe('Import Api');
    const config = { zeta: product({ title: 'Zeta API' }), beta: product({ order: 1 }), gamma: product({ path: 'g/one' }) };
    const products = resolveProducts(config, ['alpha', 'gamma', 'zeta', 'beta']);
    expect(products.map((p) => [p.key, p.title, p.segment])).toEqual([
      ['beta', 'Beta', 'beta'],
      ['zeta', 'Zeta API', 'zeta'],
      ['gamma', 'Gamma', 'g/one'],
      ['alpha', 'Alpha', 'alpha'],
    ]);
    // `path: ""` keeps a product at the top even when there are several.
    expect(resolveProducts({ a: product({ path: '' }) }, ['a', 'b']).map((p) => p.segment)).toEqual(['', 'b']);
  });
});

describe('a tree of two products (products-site)', () => {
  let result: BuildResult;
  const build = () => (result ??= buildReference({ root: fixture('products-site') }));

  it('puts each product under its own segment, so the same object slug and endpoint key do not collide', () => {
    const paths = build().entries.map((e) => `${e.product || '-'} ${e.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'alpha reference/alpha/things/',
        'alpha reference/alpha/things/make-a-thing/',
        'beta reference/beta/things/',
        'beta reference/beta/things/make-a-thing/',
        'alpha guides/alpha/errors/',
        'beta guides/beta/errors/',
        // A doc without a product-type is shared: no segment.
        '- guides/overview/',
      ]),
    );
    expect(new Set(paths.map((p) => p.split(' ')[1])).size).toBe(paths.length);
  });

  it('renders each page with its own product data, including shared data that reads `api`', () => {
    const alpha = endpointAt(build(), 'reference/alpha/things/make-a-thing/');
    const beta = endpointAt(build(), 'reference/beta/things/make-a-thing/');
    expect(alpha.fullUrl).toBe('https://alpha.example/things');
    expect(beta.fullUrl).toBe('https://beta.example/things');
    // data/shared.yml's header is one string for both; `{{ api.base-url }}` in it is the page's product.
    expect(alpha.requests[0].code).toBe('curl -X POST https://alpha.example/things');
    expect(beta.requests[0].code).toBe('curl -X POST https://beta.example/things');
  });

  it("reads each product's response codes for its Errors tab, never the other product's", () => {
    expect(endpointAt(build(), 'reference/alpha/things/make-a-thing/').errors.map((r) => r.code)).toEqual(['400', '402']);
    expect(endpointAt(build(), 'reference/beta/things/make-a-thing/').errors.map((r) => r.code)).toEqual(['409']);
  });

  it("resolves a bare #anchor both products hold to the page's own product", () => {
    const links = (p: string) => [...objectAt(build(), p).descriptionHtml.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links('reference/alpha/things/')).toEqual([
      '/docs/reference/alpha/things/make-a-thing/#make-a-thing',
      '/docs/guides/alpha/errors/#errors',
    ]);
    expect(links('reference/beta/things/')).toEqual([
      '/docs/reference/beta/things/make-a-thing/#make-a-thing',
      '/docs/guides/beta/errors/#errors',
    ]);
  });

  it("takes headings from `plural`, else the product's `object-heading` rule, else the title (nothing pluralised by code)", () => {
    expect(objectAt(build(), 'reference/alpha/things/').heading).toBe('Thingies');
    // An object titled "Widgets" with no plural and no rule shows "Widgets" (was "Widgetses").
    expect(objectAt(build(), 'reference/alpha/widgets/').heading).toBe('Widgets');
    expect(objectAt(build(), 'reference/beta/things/').heading).toBe('Things');
    expect(objectAt(build(), 'reference/beta/status/').heading).toBe('Statuses');
  });

  it("binds a product's aliases on its own pages only", () => {
    expect(objectAt(build(), 'reference/beta/status/').descriptionHtml).toContain('Beta pages only.');
    const error = buildError({
      root: tempRoot('products-site', {
        'reference/alpha/widgets-object.md':
          '---\nproduct-type: "alpha"\ncontent-type: "api-object"\nendpoint: "widgets"\ntitle: "Widgets"\ndescription: "{{ beta-only.note }}"\n---\n',
      }),
    });
    expect(error.message).toContain('reference/alpha/widgets-object.md:6 (field "description"): undefined variable "beta-only"');
  });

  it('groups the sidebar by product, in config order, shared docs with the guides', () => {
    const products = siteProducts(build().entries, { beta: product({ title: 'Beta API' }) });
    expect(products.several).toBe(true);
    const groups = navGroups(products, [{ label: 'Intro', path: 'guides/intro/', order: 5 }]);
    expect(groups.map((g) => [g.label, g.path])).toEqual([
      ['Guides', undefined],
      ['Beta API', 'reference/beta/'],
      ['Alpha', 'reference/alpha/'],
    ]);
    expect(groups[0].links.map((l) => l.label)).toEqual(['Overview', 'Intro']);
    expect(groups[1].links.map((l) => [l.label, l.path])).toEqual([
      ['All objects', 'reference/beta/'],
      ['Errors', 'guides/beta/errors/'],
      ['Things', 'reference/beta/things/'],
      ['Statuses', 'reference/beta/status/'],
    ]);
    expect(groups[1].links[2].children).toEqual([{ label: 'Make a thing', path: 'reference/beta/things/make-a-thing/', method: 'POST' }]);
    // Search results are filtered by product title; a single-product site has no filter.
    expect(searchProduct(products, 'beta')).toBe('Beta API');
    expect(searchProduct(products, '')).toBeUndefined();
    expect(
      searchProduct(
        siteProducts(
          build().entries.filter((e) => e.product !== 'alpha'),
          {},
        ),
        'beta',
      ),
    ).toBeUndefined();
  });

  it('makes an MDX component name the product of a key two products share', () => {
    const { entries } = build();
    expect(() => pickEndpoint(entries, 'make-a-thing')).toThrow(
      'Endpoint "make-a-thing" exists in several products (alpha, beta); add product="…"',
    );
    expect(pickEndpoint(entries, 'make-a-thing', undefined, 'beta').path).toBe('reference/beta/things/make-a-thing/');
  });

  it('reports an endpoint whose object lives in another product, naming that product', () => {
    const errors = buildErrors({
      root: tempRoot('products-site', {
        'reference/beta/make-a-thing.md':
          '---\nproduct-type: "gamma"\ncontent-type: "api-endpoint"\nendpoint: "things"\nkey: "make-a-thing"\nmethod: "post"\n---\n',
      }),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain(
      'endpoint "make-a-thing" belongs to object "things", but no api-object file has endpoint: "things"',
    );
    expect(errors[0].hint).toBe(
      'No such object in product "gamma", but one exists in product "alpha", product "beta": set this file\'s product-type to match.',
    );
  });

  it('reports two pages at one path when two products are both kept at the top', () => {
    const root = tempRoot('products-site', {
      'site.yml':
        'title: "P"\nbaseurl: "/docs"\naliases:\n  api: site.data[page.product-type].api\nproducts:\n  alpha: { path: "" }\n  beta: { path: "" }\n',
      'reference/beta/status-object.md': null,
    });
    const messages = buildErrors({ root }).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'reference/beta/thing-object.md:4 (field "endpoint"): page URL /reference/things/ of object "things" is also the URL of object "things" from reference/alpha/thing-object.md:4 (field "endpoint")',
        ),
        expect.stringContaining(
          'reference/beta/errors.md: page URL /guides/errors/ of doc "Errors" (named after its file) is also the URL of doc "Errors" (named after its file) from reference/alpha/errors.md',
        ),
      ]),
    );
  });

  it('keeps the single-product layout for a tree whose files name one product (or none)', () => {
    const root = tempRoot('products-site', { 'reference/beta': null });
    const single = buildReference({ root });
    expect(single.entries.map((e) => e.path).sort()).toEqual([
      'guides/errors/',
      'guides/overview/',
      'reference/things/',
      'reference/things/make-a-thing/',
      'reference/widgets/',
    ]);
    expect(siteProducts(single.entries, {}).several).toBe(false);
    expect(entryAt(single, 'guides/overview/', 'doc') satisfies DocEntry).toBeTruthy();
  });
});

describe('aliases that find nothing', () => {
  it('in a native site: a warning naming the alias, and the name stays unbound (using it is an error)', () => {
    const root = tempRoot('mini-site', {
      'site.yml':
        'title: "Mini"\naliases:\n  link: site.data.urlz\n  api: site.data[page.product-type].api\nproducts:\n  widgets: { path: "" }\n  gadgets: { path: "" }\n',
    });
    const result = buildReference({ root });
    expect(result.warnings).toContainEqual({
      file: 'site.yml',
      field: 'aliases.link',
      message: 'alias "link" (site.data.urlz) finds nothing on any page: no such site data',
    });
    // `api` finds something on every page of mini-site, so it is not reported.
    expect(result.warnings.some((w) => w.field === 'aliases.api')).toBe(false);
  });

  it('warns about a `products` entry no file names (a native site)', () => {
    const root = tempRoot('products-site', {
      'site.yml': 'title: "P"\naliases:\n  api: site.data[page.product-type].api\nproducts:\n  betta: { title: "Beta API" }\n',
      'reference/beta/status-object.md': null,
    });
    expect(buildReference({ root }).warnings).toContainEqual({
      file: 'site.yml',
      field: 'products.betta',
      message: 'no file has product-type "betta" (the files name "alpha", "beta")',
    });
  });

  it('under a Jekyll preset: bound to nil on every page, so a tree that never uses the data builds, and one that does renders empty', () => {
    const overlay = tempRoot(undefined, {
      'overlay.yml':
        'aliases:\n  api: site.data[page.product-type].api\n  system-column: site.data.stitch.sdc-columns.current-columns\nproducts:\n  other:\n    aliases:\n      other-only: site.data.other.general\n',
    });
    const root = tempRoot('jekyll-site', {
      '_developers/thing-object.md':
        '---\nproduct-type: "connect"\ncontent-type: "api-object"\nendpoint: "things"\ntitle: "Thing"\ndescription: "[{{ system-column.name }}][{{ other-only }}]"\navailable-methods:\n  - id: "list-things"\n    title: "List things"\n    method: "get"\n---\n',
    });
    const result = buildReference({ root, configFile: `${overlay}/overlay.yml` });
    expect(objectAt(result, 'reference/things/').descriptionHtml).toBe('<p>[][]</p>\n');
    expect(result.warnings.filter((w) => w.field?.startsWith('aliases'))).toEqual([]);
  });
});

describe('the Stitch preset (presets/stitch-docs.yml)', () => {
  // Every name _layouts/developer.html and _includes/misc/data-files.html assigned (JEKYLL-SEMANTICS.md §1.3).
  const names = ['general', 'api', 'all-docs', 'docs', 'connect', 'sample-property-data', 'js'].concat([
    'app',
    'link',
    'stitch',
    'ui-icon',
    'definitions',
    'system-column',
    'rejected-records',
    'ip-addresses',
  ]);
  // Strict Liquid: a name the preset did not bind would fail the build as an undefined variable.
  const probe = `${names.map((n) => `${n}={% if ${n} %}set{% else %}nil{% endif %}`).join(' ')} docs={{ all-docs | size }}/{{ docs | size }}`;
  const object = (product: string, endpoint: string) =>
    `---\nproduct-type: "${product}"\ncontent-type: "api-object"\nendpoint: "${endpoint}"\ntitle: "Thing"\ndescription: '${probe}'\n---\n`;

  it('binds every name the layouts bound, the Connect-only ones on Connect pages only, and nil where the tree lacks the data', () => {
    const root = tempRoot('jekyll-site', {
      '_config.yml': 'site_title: "Stitch-like"\ncollections:\n  developer-files:\n    output: true\n',
      '_data/urls.yaml': 'home: "https://home.example"\n',
      '_data/stitch/ip-addresses.yml': 'stitch-app: ["192.0.2.1", "192.0.2.2"]\n',
      '_data/connect/general.yml': 'common: {}\n',
      '_data/import-api/api.yml': 'base-url: "https://import.example"\n',
      '_developer-files/thing-object.md': object('connect', 'things'),
      '_developer-files/other-object.md': object('connect', 'others'),
      '_developer-files/list-others.md':
        '---\nproduct-type: "connect"\ncontent-type: "api-endpoint"\nendpoint: "others"\nkey: "list-others"\nmethod: "get"\n---\n',
      '_developer-files/batch-object.md': object('import-api', 'batch'),
    });
    const result = buildReference({ root, configFile: 'presets/stitch-docs.yml' });
    const probed = (p: string) => objectAt(result, p).descriptionHtml.replace(/<\/?p>|\n/g, '');
    const data = 'app=nil link=set stitch=set ui-icon=nil definitions=nil system-column=nil rejected-records=nil ip-addresses=set';
    expect(probed('reference/connect/things/')).toBe(
      `general=set api=set all-docs=set docs=set connect=set sample-property-data=nil js=nil ${data} docs=3/2`,
    );
    // An Import API page reads its own api.yml and data; Connect's names are nil there although the data exists.
    expect(probed('reference/import-api/batch/')).toBe(
      `general=nil api=set all-docs=set docs=set connect=nil sample-property-data=nil js=nil ${data} docs=1/1`,
    );
  });

  it('titles the two Stitch products and pluralises Connect headings only', () => {
    const root = tempRoot('jekyll-site', {
      '_developers/thing-object.md':
        '---\nproduct-type: "connect"\ncontent-type: "api-object"\nendpoint: "jobs"\ntitle: "Replication Job"\n---\n',
      '_developers/list-things.md': null,
      '_developers/status-object.md':
        '---\nproduct-type: "import-api"\ncontent-type: "api-object"\nendpoint: "status"\ntitle: "API Status"\n---\n',
    });
    const result = buildReference({ root, configFile: 'presets/stitch-docs.yml' });
    expect(objectAt(result, 'reference/connect/jobs/').heading).toBe('Replication Jobs');
    expect(objectAt(result, 'reference/import-api/status/').heading).toBe('API Status');
    expect(resolveProducts(result.config.config.products, ['import-api', 'connect']).map((p) => p.title)).toEqual([
      'Connect API',
      'Import API',
    ]);
  });
});
