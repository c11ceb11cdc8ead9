/**
 * The developer-collection content types besides endpoints and objects: structures with `sub-structures`,
 * JavaScript client functions (`stitch-js-function`), and the doc types (`api-doc`, `overview`, `guide`,
 * `js-doc`) with their sections and `include`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildReference } from '../../src/core/model/build.ts';
import { entryAt, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const structure = (key: string, type: string, extra = '') => `---
product-type: "widgets"
content-type: "${type}"
key: "${key}"
title: "${key.replace(/-object$/, '').replace(/^./, (c) => c.toUpperCase())}"
description: |
  The ${key} of [{{ api.name }}](#widgets).

  More about it.
object-attributes:
  - name: "id"
    type: "string"
    description: "Its ID."
${extra}---
`;

describe('sub-structures', () => {
  const root = tempRoot('mini-site', {
    'reference/structures/thing-object.md': structure('thing-object', 'api-structure', 'sub-structures:\n  - key: "part-object"\n'),
    'reference/structures/part-object.md': structure('part-object', 'api-sub-structure'),
  });
  const r = buildReference({ root });

  it('are listed on the parent with title, page and the first paragraph of their description', () => {
    const thing = entryAt(r, 'structures/thing-object/', 'structure');
    expect(thing.subStructures).toEqual([
      {
        key: 'part-object',
        title: 'Part',
        path: 'structures/part-object/',
        // Rendered in the sub-structure's own context; its link resolved from the parent's page.
        summaryHtml: '<p>The part-object of <a href="/docs/reference/widgets/#widgets">Widgets API</a>.</p>',
      },
    ]);
    expect(thing.anchors).toContain('thing-object--sub-structures');
  });

  it('keep their own page, which names its parents', () => {
    const part = entryAt(r, 'structures/part-object/', 'structure');
    expect(part.sub).toBe(true);
    expect(part.parents.map((p) => [p.title, p.path])).toEqual([['Thing', 'structures/thing-object/']]);
    expect(part.attributes.map((a) => a.id)).toEqual(['attr-id']);
  });
});

const fn = `---
product-type: "widgets"
content-type: "stitch-js-function"
key: "spin-widget-function"
order: 2
title: "Spinning"
definition: "spinWidget(options)"
description: "Spins a widget from {{ api.name }}."
options:
  - name: "widget_id"
    required: true
    type: "string"
    description: "Which widget."
examples:
  - type: "Function"
    language: "javascript"
    code: |
      Widgets.spinWidget({ widget_id: "wdg_1" });
  - type: "Result"
    description: "The widget **spins**."
---
`;

describe('JavaScript client functions', () => {
  const r = buildReference({ root: tempRoot('mini-site', { 'reference/js/spin-widget-function.md': fn }) });
  const f = entryAt(r, 'functions/spin-widget-function/', 'function');

  it('have a page with the call, description and options (ids like an endpoint’s arguments)', () => {
    expect([f.title, f.definition, f.order]).toEqual(['Spinning', 'spinWidget(options)', 2]);
    expect(f.descriptionHtml).toBe('<p>Spins a widget from Widgets API.</p>\n');
    expect(f.options.map((o) => [o.id, o.name, o.required])).toEqual([['arg-widget_id', 'widget_id', true]]);
  });

  it('show each example as code and/or prose, with Jekyll’s example ids', () => {
    expect(f.examples.map((x) => [x.title, x.id, x.sample?.lang ?? null, x.descriptionHtml])).toEqual([
      ['Function', 'spin-widget-function-function', 'javascript', ''],
      ['Result', 'spin-widget-function-result', null, '<p>The widget <strong>spins</strong>.</p>\n'],
    ]);
    expect(f.anchors).toEqual([
      'spin-widget-function',
      'spin-widget-function--arguments',
      'arg-widget_id',
      'spin-widget-function-example-usage',
      'spin-widget-function-function',
      'spin-widget-function-result',
    ]);
  });
});

const doc = (type: string, title: string, extra = '') => `---
content-type: "${type}"
title: "${title}"
order: 1
${extra}---
`;

describe('doc content types', () => {
  const root = tempRoot('mini-site', {
    'site.yml':
      'title: "Mini"\nbaseurl: "docs/"\naliases:\n  api: site.data.widgets.api\ndoc-groups:\n  js-doc: "Widget.js"\nproducts:\n  widgets: { path: "" }\n  gadgets: { path: "" }\n',
    'reference/docs/welcome.md': doc('overview', '', 'sections:\n  - content: "Welcome to {{ api.name }}."\n'),
    'reference/docs/js-functions.md': doc('js-doc', 'Functions', 'include: functions.html\nsections:\n  - content: "All of them:"\n'),
    'reference/docs/core-objects.md': doc('api-doc', 'Core objects', 'include: developers/api-object.html\n'),
    'reference/js/spin-widget-function.md': fn,
    'includes/functions.html':
      '{% assign fns = site.reference | where: "content-type", "stitch-js-function" %}<ul>{% for f in fns %}<li><a href="#{{ f.key }}">{{ f.definition }}</a></li>{% endfor %}</ul>',
  });
  const r = buildReference({ root });

  it('make pages grouped by the site config’s doc-groups (defaults for the rest)', () => {
    const welcome = entryAt(r, 'guides/welcome/', 'doc');
    const fns = entryAt(r, 'guides/js-functions/', 'doc');
    expect([welcome.docType, welcome.group, welcome.groupOrder]).toEqual(['overview', 'Overview', 0]);
    expect([fns.docType, fns.group, fns.groupOrder]).toEqual(['js-doc', 'Widget.js', 3]);
  });

  it('title a doc whose title is empty with its group', () => {
    const welcome = entryAt(r, 'guides/welcome/', 'doc');
    expect(welcome.title).toBe('Overview');
    expect(welcome.sections[0].html).toBe('<p>Welcome to Widgets API.</p>\n');
  });

  it('render the include after the sections, its links resolved', () => {
    const fns = entryAt(r, 'guides/js-functions/', 'doc');
    expect(fns.sections.map((s) => s.field)).toEqual(['sections[0]', 'include']);
    expect(fns.sections[1].html).toBe(
      '<ul><li><a href="/docs/functions/spin-widget-function/#spin-widget-function">spinWidget(options)</a></li></ul>',
    );
  });

  it('make no page for a doc whose include is not in the includes folders, and say so', () => {
    expect(r.entries.some((e) => e.path === 'guides/core-objects/')).toBe(false);
    expect(r.warnings.map((w) => `${w.file}: ${w.message}`)).toContain(
      'reference/docs/core-objects.md: doc "Core objects" has nothing to show (its include "developers/api-object.html" is not in the includes folders); no page is made for it',
    );
  });
});
