/**
 * 7. Bad input: every problem a writer can cause fails the build with a ContentErrors that names the file,
 * and where it can the field and line; the build never returns partial results.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, ContentErrors } from '../../src/core/errors.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { buildError, buildErrors, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

/** An endpoint file of the widgets object; `body` is the rest of its front matter. */
const widgetEndpoint = (body: string) => `---
product-type: "widgets"
content-type: "api-endpoint"
endpoint: "widgets"
${body}
---
`;

/** Builds mini-site with `files` changed and returns the single error. */
const errorFor = (files: Record<string, string | null>) => buildError({ root: tempRoot('mini-site', files) });

describe('front matter', () => {
  it('malformed YAML names the file and the file line (counting the opening ---)', () => {
    const e = errorFor({
      'reference/widgets/list-widgets.md': widgetEndpoint('key: "list-widgets"\nmethod: get: x\ntitle: "List"'),
    });
    expect(e.location).toMatchObject({ file: 'reference/widgets/list-widgets.md', line: 6 });
    expect(e.message).toMatch(/^reference\/widgets\/list-widgets\.md:6: malformed YAML/);
  });

  it('front matter that is not a mapping', () => {
    const e = errorFor({ 'reference/widgets/list-widgets.md': '---\n- a\n- b\n---\n' });
    expect(e.location.file).toBe('reference/widgets/list-widgets.md');
    expect(e.message).toContain('front matter must be a YAML mapping');
  });
});

describe('Liquid in front matter', () => {
  it('an unknown variable names the variable, file, field and line', () => {
    const e = errorFor({
      'reference/widgets/list-widgets.md': widgetEndpoint(
        'key: "list-widgets"\nmethod: "get"\ndescription: "Lists {{ widgit.count }} widgets."',
      ),
    });
    expect(e.location).toEqual({ file: 'reference/widgets/list-widgets.md', field: 'description', line: 7 });
    expect(e.message).toMatch(/^reference\/widgets\/list-widgets\.md:7 \(field "description"\): undefined variable "widgit"/);
  });

  it('an unknown variable on the third line of a block scalar reports that line and the field path', () => {
    const e = errorFor({
      'reference/widgets/list-widgets.md': widgetEndpoint(
        'key: "list-widgets"\nmethod: "get"\nexamples:\n  - type: "Request"\n    code: |\n      curl \\\n        -H "A: b" \\\n        {{ missing-url }}',
      ),
    });
    // `code: |` is on line 9, its text starts on line 10; the variable is on line 12.
    expect(e.location).toEqual({ file: 'reference/widgets/list-widgets.md', field: 'examples[0].code', line: 12 });
    expect(e.message).toContain('undefined variable "missing-url"');
  });

  it('an unknown variable in a list item names the indexed field path and its line', () => {
    const e = errorFor({
      'reference/widgets/list-widgets.md': widgetEndpoint(
        'key: "list-widgets"\nmethod: "get"\narguments:\n  - name: "a"\n    description: "fine"\n  - name: "b"\n    description: "uses {{ undefined-thing }}"',
      ),
    });
    expect(e.location).toEqual({ file: 'reference/widgets/list-widgets.md', field: 'arguments[1].description', line: 11 });
    expect(e.message).toContain('undefined variable "undefined-thing"');
  });

  it('an unknown variable in site data rendered through flatify names the field and quotes the data string', () => {
    const e = errorFor({
      'data/widgets/api.yml': 'name: "Widgets API"\nbase-url: "https://api.mini.example"\nblurb: "Made by {{ compnay }}"\n',
      'reference/widgets/list-widgets.md': widgetEndpoint('key: "list-widgets"\nmethod: "get"\ndescription: "{{ api.blurb | flatify }}"'),
    });
    expect(e.location).toMatchObject({ file: 'reference/widgets/list-widgets.md', field: 'description', line: 7 });
    expect(e.message).toContain('undefined variable "compnay"');
    expect(e.message).toContain('Made by {{ compnay }}');
  });

  it('an unknown filter names the filter, file, field and line', () => {
    const e = errorFor({
      'reference/widgets/list-widgets.md': widgetEndpoint(
        'key: "list-widgets"\nmethod: "get"\nreturns: |\n  A list.\n  {{ "x" | frobnicate }}',
      ),
    });
    expect(e.location).toMatchObject({ file: 'reference/widgets/list-widgets.md', field: 'returns' });
    expect(e.location.line).toBe(9);
    expect(e.message).toContain('unknown filter "frobnicate"');
  });

  it('a self-referencing flatify is reported as runaway flatify, naming the file and field', () => {
    const e = errorFor({
      'reference/widgets/list-widgets.md': widgetEndpoint(
        'key: "list-widgets"\nmethod: "get"\ndescription: "Again: {{ endpoint.description | flatify }}"',
      ),
    });
    expect(e.location).toMatchObject({ file: 'reference/widgets/list-widgets.md', field: 'description', line: 7 });
    expect(e.message).toContain('runaway flatify');
  });

  it('unparseable Liquid names the file and field', () => {
    const e = errorFor({
      'reference/widgets/list-widgets.md': widgetEndpoint('key: "list-widgets"\nmethod: "get"\ndescription: "{% if x %}never closed"'),
    });
    expect(e.location).toMatchObject({ file: 'reference/widgets/list-widgets.md', field: 'description', line: 7 });
    expect(e.message).toContain('Liquid error');
  });
});

describe('required fields and references between files', () => {
  it('an endpoint without `method` (and without not-available-until-version)', () => {
    const e = errorFor({ 'reference/widgets/list-widgets.md': widgetEndpoint('key: "list-widgets"\ntitle: "List"') });
    expect(e.location).toMatchObject({ file: 'reference/widgets/list-widgets.md', field: 'method' });
    expect(e.message).toContain('(field "method"): is required');
  });

  it('an endpoint with a method that is not an HTTP method names the field and line', () => {
    const e = errorFor({ 'reference/widgets/list-widgets.md': widgetEndpoint('key: "list-widgets"\nmethod: "fetch"') });
    expect(e.location).toMatchObject({ file: 'reference/widgets/list-widgets.md', field: 'method', line: 6 });
  });

  it('an endpoint without `key`', () => {
    const e = errorFor({ 'reference/widgets/list-widgets.md': widgetEndpoint('method: "get"\ntitle: "List"') });
    expect(e.location).toMatchObject({ file: 'reference/widgets/list-widgets.md', field: 'key' });
    expect(e.message).toContain('(field "key"): required field is missing');
  });

  it('an object without `endpoint` (a missing title is made from the file name, as Jekyll does)', () => {
    const e = errorFor({ 'reference/gizmos/gizmo-object.md': '---\nproduct-type: "widgets"\ncontent-type: "api-object"\n---\n' });
    expect(e.location).toMatchObject({ file: 'reference/gizmos/gizmo-object.md', field: 'endpoint' });
    expect(e.message).toContain('(field "endpoint"): required field is missing');
  });

  it('an endpoint whose object is missing names the file, the field and the object', () => {
    const e = errorFor({
      'reference/ghosts/list-ghosts.md':
        '---\nproduct-type: "widgets"\ncontent-type: "api-endpoint"\nendpoint: "ghosts"\nkey: "list-ghosts"\nmethod: "get"\n---\n',
    });
    expect(e.location).toEqual({ file: 'reference/ghosts/list-ghosts.md', field: 'endpoint', line: 4 });
    expect(e.message).toContain('no api-object file has endpoint: "ghosts"');
  });

  it('duplicate endpoint keys for one object and version name both files', () => {
    const e = errorFor({
      'reference/gadgets/v2/make-a-gadget-again.md':
        '---\nproduct-type: "gadgets"\ncontent-type: "api-endpoint"\nendpoint: "gadgets"\nkey: "make-a-gadget"\nversion: "2"\nmethod: "post"\n---\n',
    });
    expect(e.location).toMatchObject({ file: 'reference/gadgets/v2/make-a-gadget-v2.md', field: 'key' });
    expect(e.message).toContain('duplicate endpoint "make-a-gadget (version 2)"');
    expect(e.message).toContain('reference/gadgets/v2/make-a-gadget-again.md declares it too');
  });

  it('the same key in two versions of a multi-version object is not a duplicate', () => {
    expect(() => buildReference({ root: tempRoot('mini-site') })).not.toThrow();
  });

  it('duplicate endpoint keys with the same version in a single-version object', () => {
    const e = errorFor({
      'reference/widgets/z-list-copy.md': widgetEndpoint('key: "list-widgets"\nversion: "4"\nmethod: "get"'),
    });
    expect(e.location.file).toBe('reference/widgets/z-list-copy.md');
    expect(e.message).toContain('duplicate endpoint "list-widgets"');
    expect(e.message).toContain('reference/widgets/list-widgets.md declares it too');
  });

  it('a duplicate object names both files', () => {
    const e = errorFor({
      'reference/widgets/zz-widget-object.md':
        '---\nproduct-type: "widgets"\ncontent-type: "api-object"\nendpoint: "widgets"\ntitle: "Widget again"\n---\n',
    });
    expect(e.location).toMatchObject({ file: 'reference/widgets/zz-widget-object.md', field: 'endpoint' });
    expect(e.message).toContain('duplicate object "widgets": reference/widgets/widget-object.md declares it too');
  });
});

describe('the build as a whole', () => {
  it('throws ContentErrors (not a partial result) and reports every problem of one pass together', () => {
    const dir = tempRoot('mini-site', {
      'reference/widgets/list-widgets.md': widgetEndpoint('key: "list-widgets"\ntitle: "no method"'),
      'reference/widgets/archive-a-widget.md': widgetEndpoint('method: "post"\ntitle: "no key"'),
      'reference/widgets/zz-widget-object.md':
        '---\nproduct-type: "widgets"\ncontent-type: "api-object"\nendpoint: "widgets"\ntitle: "Widget again"\n---\n',
    });
    let thrown: unknown;
    let returned: unknown;
    try {
      returned = buildReference({ root: dir });
    } catch (error) {
      thrown = error;
    }
    expect(returned).toBeUndefined();
    expect(thrown).toBeInstanceOf(ContentErrors);
    const errors = (thrown as ContentErrors).errors;
    expect(errors.every((e) => e instanceof ContentError)).toBe(true);
    expect(errors.map((e) => `${e.location.file} ${e.location.field}`).sort()).toEqual([
      'reference/widgets/archive-a-widget.md key',
      'reference/widgets/list-widgets.md method',
      'reference/widgets/zz-widget-object.md endpoint',
    ]);
    expect((thrown as Error).message).toMatch(/^3 content errors:/);
  });

  it('collects render errors from several pages instead of stopping at the first', () => {
    const errors = buildErrors({
      root: tempRoot('mini-site', {
        'reference/widgets/list-widgets.md': widgetEndpoint('key: "list-widgets"\nmethod: "get"\ndescription: "{{ first-missing }}"'),
        'reference/widgets/archive-a-widget.md': widgetEndpoint(
          'key: "archive-a-widget"\nmethod: "post"\ndescription: "{{ second-missing }}"',
        ),
      }),
    });
    expect(errors.map((e) => [e.location.file, e.location.field])).toEqual([
      ['reference/widgets/list-widgets.md', 'description'],
      ['reference/widgets/archive-a-widget.md', 'description'],
    ]);
    expect(errors[0].message).toContain('"first-missing"');
    expect(errors[1].message).toContain('"second-missing"');
  });

  it('reports malformed front matter in several files together', () => {
    const errors = buildErrors({
      root: tempRoot('mini-site', {
        'reference/widgets/list-widgets.md': '---\nkey: a: b\n---\n',
        'reference/gizmos/gizmo-object.md': '---\ntitle: "x"\n\tbad: 1\n---\n',
      }),
    });
    expect(errors.map((e) => `${e.location.file}:${e.location.line}`)).toEqual([
      'reference/gizmos/gizmo-object.md:3',
      'reference/widgets/list-widgets.md:2',
    ]);
  });
});
