/**
 * What an endpoint page shows besides arguments and examples: the resource list (rows from site data named
 * by the site config), the `request-body` text, and the detail badges (`pagination`, `rate-limit-type`, …).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildReference } from '../../src/core/model/build.ts';
import { buildErrors, endpointAt, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const SITE = `title: "Mini API"
baseurl: "docs/"
products:
  widgets: { path: "" }
  gadgets: { path: "" }
aliases:
  api: site.data[page.product-type].api
resource-list:
  rows: site.data[page.product-type].resource-list.list
  show-if:
    request-body: >-
      endpoint.arguments | where_exp: "a", "a.type != 'path parameter'"
    errors: >-
      endpoint.examples | where: "type", "Errors"
`;

const ROWS = `list:
  - id: "method"
    name: "Request method"
    description: "{{ endpoint.method | upcase }} ({{ item.id }})"
  - id: "request-body"
    name: "Request body"
    description: "JSON with the [required arguments]({{ page.permalink | prepend: site.baseurl }}#{{ endpoint.key }}--arguments).{% if endpoint.request-body %} {{ endpoint.request-body | flatify }}{% endif %}"
  - id: "errors"
    name: "Errors"
    description: "See the **Errors** tab."
`;

const rows = (root: string, page: string) => endpointAt(buildReference({ root }), page).resourceList;

describe('resource list', () => {
  const root = tempRoot('mini-site', { 'site.yml': SITE, 'data/widgets/resource-list.yml': ROWS });

  it('renders each row in the endpoint’s context, with `item` bound to the row', () => {
    const list = rows(root, 'reference/widgets/create-a-widget/');
    expect(list.map((r) => r.name)).toEqual(['Request method', 'Request body', 'Errors']);
    expect(list[0].html).toBe('<p>POST (method)</p>\n');
    expect(list[2].html).toBe('<p>See the <strong>Errors</strong> tab.</p>\n');
  });

  it('links "this page" (page.permalink) to the endpoint’s own page, under the base path', () => {
    expect(rows(root, 'reference/widgets/create-a-widget/')[1].html).toBe(
      '<p>JSON with the <a href="/docs/reference/widgets/create-a-widget/#create-a-widget--arguments">required arguments</a>.</p>\n',
    );
  });

  it('shows a conditional row only where its show-if expression gives something, per endpoint (no leak)', () => {
    // No arguments at all, then path parameters only: no body. Jekyll's counter leaked here (§1.1).
    expect(rows(root, 'reference/widgets/list-widgets/').map((r) => r.name)).toEqual(['Request method', 'Errors']);
    expect(rows(root, 'reference/widgets/delete-a-widget/').map((r) => r.name)).toEqual(['Request method', 'Errors']);
    // No Errors example.
    expect(rows(root, 'reference/widgets/archive-a-widget/').map((r) => r.name)).toEqual(['Request method']);
  });

  it('is empty when the site config names no rows, or the data has none', () => {
    expect(rows(tempRoot('mini-site'), 'reference/widgets/create-a-widget/')).toEqual([]);
    expect(rows(tempRoot('mini-site', { 'site.yml': SITE }), 'reference/widgets/create-a-widget/')).toEqual([]);
  });

  it('gets an id on the page only when it has rows', () => {
    const r = buildReference({ root });
    expect(endpointAt(r, 'reference/widgets/create-a-widget/').anchors).toContain('create-a-widget--resource-list');
    const bare = buildReference({ root: tempRoot('mini-site') });
    expect(endpointAt(bare, 'reference/widgets/create-a-widget/').anchors).not.toContain('create-a-widget--resource-list');
  });
});

const withBody = (body: string) =>
  `---
product-type: "widgets"
content-type: "api-endpoint"
endpoint: "widgets"
key: "archive-a-widget"
version: "4"
title: "Archive a widget"
method: "post"
request-body: |
  ${body}
arguments:
  - name: "reason"
    type: "string"
    description: "Why."
---
`;

describe('request-body', () => {
  it('is its own section (Liquid and Markdown rendered) on a site without a resource list', () => {
    const root = tempRoot('mini-site', { 'reference/widgets/archive-a-widget.md': withBody('Send **JSON** to {{ api.name }}.') });
    const e = endpointAt(buildReference({ root }), 'reference/widgets/archive-a-widget/');
    expect(e.requestBodyHtml).toBe('<p>Send <strong>JSON</strong> to Widgets API.</p>\n');
    expect(e.anchors).toContain('archive-a-widget--request-body');
  });

  it('is shown once: inside the resource-list row that renders it, not again as a section', () => {
    const root = tempRoot('mini-site', {
      'site.yml': SITE,
      'data/widgets/resource-list.yml': ROWS,
      'reference/widgets/archive-a-widget.md': withBody('Send **JSON** to {{ api.name }}.'),
    });
    const e = endpointAt(buildReference({ root }), 'reference/widgets/archive-a-widget/');
    expect(e.resourceList[1].html).toContain('Send <strong>JSON</strong> to Widgets API.');
    expect(e.requestBodyHtml).toBe('');
    expect(e.anchors).not.toContain('archive-a-widget--request-body');
  });
});

const listWidgets = (extra: string) => `---
product-type: "widgets"
content-type: "api-endpoint"
endpoint: "widgets"
key: "list-widgets"
version: "4"
title: "List widgets"
method: "get"
${extra}
---
`;

describe('endpoint details (badges)', () => {
  it('reads pagination (a number, or digits in a string), rate limit, authorization, access token and sorting', () => {
    const root = tempRoot('mini-site', {
      'reference/widgets/list-widgets.md': listWidgets(
        'pagination: "100"\nrate-limit-type: "{{ api.name | downcase }}"\nauthorization-required: false\naccess-token-required: true\norder-by: "name"\nsort-type: "Ascending (A-Z)"',
      ),
    });
    expect(endpointAt(buildReference({ root }), 'reference/widgets/list-widgets/').details).toEqual({
      pagination: 100,
      rateLimit: 'widgets api',
      authorizationRequired: false,
      accessTokenRequired: true,
      orderBy: 'name',
      sortType: 'Ascending (A-Z)',
    });
  });

  it('has none when the file sets none', () => {
    expect(endpointAt(buildReference({ root: tempRoot('mini-site') }), 'reference/widgets/list-widgets/').details).toEqual({});
  });

  it('rejects values of the wrong type, naming file, field and line', () => {
    const root = tempRoot('mini-site', {
      'reference/widgets/list-widgets.md': listWidgets('pagination: "lots"\nauthorization-required: "no"'),
    });
    expect(buildErrors({ root }).map((e) => e.message)).toEqual([
      'reference/widgets/list-widgets.md:9 (field "pagination"): must be a whole number of records per page',
      'reference/widgets/list-widgets.md:10 (field "authorization-required"): must be true or false, not a string',
    ]);
  });
});
