/**
 * One source of truth for ids: the model gives every heading, section, argument and attribute row, example
 * tab and language tab its id, and lists them (with the ids inside rendered Markdown) as the page's
 * `anchors`, which link resolution reads. tests/site/ids.test.ts holds the built pages to the same list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReference } from '../../src/core/model/build.ts';
import { PageIds, withParamIds } from '../../src/core/model/deep-links.ts';
import type { Param } from '../../src/schemas/reference.ts';
import { buildErrors, endpointAt, entryAt, fixture, objectAt, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

/** A fixture laid over mini-site: its files under reference/, as tempRoot's file map. */
function overlay(name: string): Record<string, string> {
  const dir = fixture(name);
  return Object.fromEntries(
    readdirSync(path.join(dir, 'reference'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .map((f) => [path.join('reference', f), readFileSync(path.join(dir, 'reference', f), 'utf8')]),
  );
}

describe('a link to an argument of another page (fixture argument-link)', () => {
  it('goes to the page that has the argument', () => {
    const r = buildReference({ root: tempRoot('mini-site', overlay('argument-link')) });
    expect(endpointAt(r, 'reference/widgets/create-a-widget/').anchors).toContain('arg-color');
    expect(endpointAt(r, 'reference/widgets/list-widgets/').descriptionHtml).toBe(
      '<p>Lists widgets. Filter them by <a href="/docs/reference/widgets/create-a-widget/#arg-color">color</a>, as set when they were created.</p>\n',
    );
    expect(r.links.anchors.get('arg-color')).toBe('reference/widgets/create-a-widget/');
  });

  it('is still reported, with its line, when no page has the argument', () => {
    const files = overlay('argument-link');
    files['reference/widgets/list-widgets.md'] = files['reference/widgets/list-widgets.md'].replace('#arg-color', '#arg-colour');
    const errors = buildErrors({ root: tempRoot('mini-site', files) });
    expect(errors.map((e) => e.message.split('\n')[0])).toEqual([
      'reference/widgets/list-widgets.md:13 (field "description"): broken link "#arg-colour" on page /reference/widgets/list-widgets/: no page has an element with id "arg-colour"',
    ]);
  });
});

describe('ids the model gives a page', () => {
  const r = buildReference({ root: tempRoot('mini-site', overlay('argument-link')) });

  it('endpoint: heading, sections, argument rows, example tabs and language tabs, in page order', () => {
    const e = endpointAt(r, 'reference/widgets/create-a-widget/');
    expect(e.ids.heading).toBe('create-a-widget');
    expect(e.arguments.map((a) => a.id)).toEqual(['arg-name', 'arg-color']);
    expect(e.tabs).toEqual([
      { type: 'Request', panelId: 'create-a-widget-v4-request', tabId: 'create-a-widget-v4-request-tab' },
      { type: 'Response', panelId: 'create-a-widget-v4-response', tabId: 'create-a-widget-v4-response-tab' },
      { type: 'Errors', panelId: 'create-a-widget-v4-errors', tabId: 'create-a-widget-v4-errors-tab' },
    ]);
    expect(e.requests[0].snippets?.map((s) => [s.panelId, s.tabId])).toEqual([
      ['create-a-widget-v4-request-1-curl', 'create-a-widget-v4-request-1-curl-tab'],
      ['create-a-widget-v4-request-1-javascript', 'create-a-widget-v4-request-1-javascript-tab'],
      ['create-a-widget-v4-request-1-python', 'create-a-widget-v4-request-1-python-tab'],
      ['create-a-widget-v4-request-1-go', 'create-a-widget-v4-request-1-go-tab'],
      ['create-a-widget-v4-request-1-ruby', 'create-a-widget-v4-request-1-ruby-tab'],
      ['create-a-widget-v4-request-1-php', 'create-a-widget-v4-request-1-php-tab'],
    ]);
    expect(e.anchors.slice(0, 5)).toEqual([
      'create-a-widget',
      'create-a-widget--arguments',
      'arg-name',
      'arg-color',
      'create-a-widget--examples',
    ]);
    expect(e.anchors).toContain('create-a-widget-v4-request-1-python-tab');
  });

  it('object: the article, the object heading, methods and attributes sections, attribute rows', () => {
    const o = objectAt(r, 'reference/widgets/');
    expect(o.ids).toEqual({ page: 'widgets', object: 'widget--object', methods: 'widgets--methods', attributes: 'widgets--attributes' });
    expect(o.attributes[0].id).toBe('attr-id');
    expect(o.anchors).toEqual(expect.arrayContaining(['widgets', 'widget--object', 'widgets--methods', 'widgets--attributes', 'attr-id']));
  });

  it('lists no id for a section the page does not show', () => {
    const e = endpointAt(r, 'reference/widgets/list-widgets/');
    expect(e.arguments).toEqual([]);
    expect(e.anchors).not.toContain(e.ids.arguments);
    expect(e.anchors).not.toContain(e.ids.returns);
  });

  it('an unavailable version of a method has its heading only', () => {
    const e = endpointAt(r, 'reference/gadgets/v1/zap-a-gadget/');
    expect(e.available).toBe(false);
    expect(e.anchors).toEqual(['zap-a-gadget']);
  });
});

describe('PageIds', () => {
  it('never hands out an id the layout uses around the content', () => {
    const ids = new PageIds();
    expect(['content', 'site-nav', 'toc-title', 'x', 'x'].map((id) => ids.claim(id))).toEqual([
      'content-2',
      'site-nav-2',
      'toc-title-2',
      'x',
      'x-2',
    ]);
  });
});

describe('withParamIds', () => {
  const p = (name: string, children: Param[] = []): Param => ({ id: '', field: '', name, type: 'string', descriptionHtml: '', children });

  it('names rows by their path and keeps ids unique on the page, in document order', () => {
    const ids = new PageIds(['arg-id']);
    const rows = withParamIds([p('customs', [p('items', [p('quantity')])]), p('id'), p('customs')], 'arg', ids);
    expect(rows.map((r) => r.id)).toEqual(['arg-customs', 'arg-id-2', 'arg-customs-2']);
    expect(rows[0].children[0].children[0].id).toBe('arg-customs.items.quantity');
  });
});

describe('doc sections', () => {
  const doc = `---
content-type: "api-doc"
title: "Limits"
order: 1
sections:
  - content: "Intro."
  - title: "Per minute"
    anchor: "limits--minute"
    content: "Sixty."
  - title: "Per day"
    content: "Many."
    subsections:
      - title: "Per day"
        content: "Again."
---
`;

  it('get ids (their anchor, else one made from the title, unique on the page) and untitled ones none', () => {
    const r = buildReference({ root: tempRoot('mini-site', { 'reference/docs/limits.md': doc }) });
    const d = entryAt(r, 'guides/limits/', 'doc');
    expect(d.sections.map((s) => [s.title ?? null, s.id ?? null, s.level, s.field])).toEqual([
      [null, null, 2, 'sections[0]'],
      ['Per minute', 'limits--minute', 2, 'sections[1]'],
      ['Per day', 'per-day', 2, 'sections[2]'],
      ['Per day', 'per-day-2', 3, 'sections[2].subsections[0]'],
    ]);
    expect(d.anchors).toEqual(['limits', 'limits--minute', 'per-day', 'per-day-2']);
  });

  it('report a broken link at the line of the section it is in', () => {
    const broken = doc.replace('content: "Again."', 'content: "See [nothing](#nothing)."');
    const errors = buildErrors({ root: tempRoot('mini-site', { 'reference/docs/limits.md': broken }) });
    expect(errors.map((e) => e.message.split('\n')[0])).toEqual([
      'reference/docs/limits.md:14 (field "sections[2].subsections[0].content"): broken link "#nothing" on page /guides/limits/: no page has an element with id "nothing"',
    ]);
  });
});
