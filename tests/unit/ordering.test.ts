/**
 * 5. Order and versions: objects by `order`, endpoints by `available-methods`, unlisted endpoints last,
 * versions as declared with the latest first, per-version pages and `not-available-until-version`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReference, type BuildResult } from '../../src/core/model/build.ts';
import type { EndpointEntry } from '../../src/schemas/reference.ts';
import { endpointAt, fixture, objectAt, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

let result: BuildResult;
beforeAll(() => {
  result = buildReference({ root: fixture('mini-site') });
});

const objectsOf = (r: BuildResult) => r.entries.filter((e) => e.kind === 'object').map((e) => e.path);
const endpointsUnder = (r: BuildResult, prefix: string) =>
  r.entries
    .filter(
      (e): e is EndpointEntry =>
        e.kind === 'endpoint' && e.path.startsWith(prefix) && e.path.split('/').length === prefix.split('/').length + 1,
    )
    .map((e) => e.key);

describe('objects', () => {
  it('are ordered by `order`, objects without one last (not by folder name)', () => {
    // Folders sort gadgets, gizmos, widgets; orders are gadgets 1, widgets 2, gizmos none.
    expect(objectsOf(result)).toEqual(['reference/gadgets/', 'reference/gadgets/v1/', 'reference/widgets/', 'reference/gizmos/']);
  });

  it('put each object page right before its endpoints', () => {
    expect(result.entries.map((e) => e.path)).toEqual([
      'reference/gadgets/',
      'reference/gadgets/zap-a-gadget/',
      'reference/gadgets/make-a-gadget/',
      'reference/gadgets/v1/',
      'reference/gadgets/v1/zap-a-gadget/',
      'reference/gadgets/v1/make-a-gadget/',
      'reference/widgets/',
      'reference/widgets/create-a-widget/',
      'reference/widgets/list-widgets/',
      'reference/widgets/delete-a-widget/',
      'reference/widgets/archive-a-widget/',
      'reference/gizmos/',
    ]);
  });

  it('record the order (missing = last) on the entry', () => {
    expect(objectAt(result, 'reference/gadgets/').order).toBe(1);
    expect(objectAt(result, 'reference/gizmos/').order).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('respect `order` when it contradicts file order in another tree', () => {
    const dir = tempRoot('mini-site', {
      'reference/gizmos/gizmo-object.md':
        '---\nproduct-type: "widgets"\ncontent-type: "api-object"\nendpoint: "gizmos"\ntitle: "Gizmo"\norder: 0\n---\n',
    });
    expect(objectsOf(buildReference({ root: dir }))).toEqual([
      'reference/gizmos/',
      'reference/gadgets/',
      'reference/gadgets/v1/',
      'reference/widgets/',
    ]);
  });
});

describe('endpoints', () => {
  it('follow `available-methods` order regardless of file order', () => {
    // Files sort archive, create, delete, list; the object lists create, list, delete.
    expect(endpointsUnder(result, 'reference/widgets/')).toEqual([
      'create-a-widget',
      'list-widgets',
      'delete-a-widget',
      'archive-a-widget',
    ]);
    // Files sort make, zap; the object lists zap, make.
    expect(endpointsUnder(result, 'reference/gadgets/')).toEqual(['zap-a-gadget', 'make-a-gadget']);
  });

  it('list the object’s methods in the same order, titles and methods from the object file', () => {
    expect(objectAt(result, 'reference/widgets/').methods.map((m) => [m.key, m.title, m.method, m.path])).toEqual([
      ['create-a-widget', 'Create a widget', 'POST', 'reference/widgets/create-a-widget/'],
      ['list-widgets', 'List all widgets', 'GET', 'reference/widgets/list-widgets/'],
      ['delete-a-widget', 'Delete a widget', 'DELETE', 'reference/widgets/delete-a-widget/'],
      ['archive-a-widget', 'Archive a widget', 'POST', 'reference/widgets/archive-a-widget/'],
    ]);
    // The h4 title comes from available-methods, not from the endpoint file ("List widgets").
    expect(endpointAt(result, 'reference/widgets/list-widgets/').title).toBe('List all widgets');
  });

  it('append an endpoint the object does not list, with a warning naming the file, field and line (and warn of an unused endpoint title)', () => {
    expect(result.warnings).toEqual([
      {
        file: 'reference/widgets/archive-a-widget.md',
        field: 'key',
        line: 5,
        message: `"archive-a-widget" is not in reference/widgets/widget-object.md's available-methods; it is listed last`,
      },
      {
        file: 'reference/widgets/list-widgets.md',
        field: 'title',
        line: 8,
        message: `title "List widgets" differs from the object's available-methods title "List all widgets" (reference/widgets/widget-object.md:24), which is the one shown`,
      },
    ]);
  });

  it('keep the file matching the latest version when a single-version object has older files of a method', () => {
    const older = (v: string) =>
      `---\nproduct-type: "widgets"\ncontent-type: "api-endpoint"\nendpoint: "widgets"\nkey: "list-widgets"\nversion: "${v}"\ntitle: "List v${v}"\nmethod: "get"\ndescription: "version ${v} file"\n---\n`;
    const dir = tempRoot('mini-site', { 'reference/widgets/a-list-v3.md': older('3'), 'reference/widgets/list-widgets.md': older('4') });
    const r = buildReference({ root: dir });
    expect(endpointAt(r, 'reference/widgets/list-widgets/').descriptionHtml).toBe('<p>version 4 file</p>\n');
  });
});

describe('versions', () => {
  it('put the latest version at reference/<obj>/ and older ones at reference/<obj>/v<n>/', () => {
    expect(objectAt(result, 'reference/gadgets/')).toMatchObject({ version: '2', latest: true });
    expect(objectAt(result, 'reference/gadgets/v1/')).toMatchObject({
      version: '1',
      latest: false,
      source: 'reference/gadgets/gadget-object.md',
    });
    expect(endpointAt(result, 'reference/gadgets/v1/make-a-gadget/')).toMatchObject({
      version: '1',
      latest: false,
      objectPath: 'reference/gadgets/v1/',
    });
  });

  it('list versions as declared, each linking to its page', () => {
    expect(objectAt(result, 'reference/gadgets/v1/').versions).toEqual([
      { number: '2', href: 'reference/gadgets/', latest: true, available: true },
      { number: '1', href: 'reference/gadgets/v1/', latest: false, available: true },
    ]);
  });

  it('bind `version.number` on multi-version pages and keep endpoint files apart per version', () => {
    expect(endpointAt(result, 'reference/gadgets/make-a-gadget/').descriptionHtml).toBe('<p>Makes a gadget (v2).</p>\n');
    expect(endpointAt(result, 'reference/gadgets/v1/make-a-gadget/').descriptionHtml).toBe('<p>Makes a gadget (v1).</p>\n');
    expect(endpointAt(result, 'reference/gadgets/v1/make-a-gadget/').source).toBe('reference/gadgets/v1/make-a-gadget-v1.md');
  });

  it('build the latest version first even when it is declared last', () => {
    const dir = tempRoot('mini-site', {
      'reference/gadgets/gadget-object.md': `---
product-type: "gadgets"
content-type: "api-object"
endpoint: "gadgets"
order: 1
title: "Gadget"
latest-version: "2"
versions:
  - number: "1"
  - number: "2"
available-methods:
  - id: "make-a-gadget"
    method: "post"
  - id: "zap-a-gadget"
    method: "delete"
---
`,
    });
    const r = buildReference({ root: dir });
    expect(objectsOf(r).slice(0, 2)).toEqual(['reference/gadgets/', 'reference/gadgets/v1/']);
    expect(objectAt(r, 'reference/gadgets/').versions.map((v) => [v.number, v.latest, v.href])).toEqual([
      ['1', false, 'reference/gadgets/v1/'],
      ['2', true, 'reference/gadgets/'],
    ]);
  });

  it('take the first declared version as latest when latest-version is not given', () => {
    const dir = tempRoot('mini-site', {
      'reference/gadgets/gadget-object.md':
        '---\nproduct-type: "gadgets"\ncontent-type: "api-object"\nendpoint: "gadgets"\ntitle: "Gadget"\nversions:\n  - number: 2\n  - number: 1\n---\n',
    });
    const r = buildReference({ root: dir });
    expect(objectAt(r, 'reference/gadgets/')).toMatchObject({ version: '2', latest: true });
    expect(objectAt(r, 'reference/gadgets/v1/')).toMatchObject({ version: '1', latest: false });
  });

  it('warn about an endpoint file whose version the object does not declare, and leave it out', () => {
    const dir = tempRoot('mini-site', {
      'reference/gadgets/v9/make-a-gadget-v9.md':
        '---\nproduct-type: "gadgets"\ncontent-type: "api-endpoint"\nendpoint: "gadgets"\nkey: "make-a-gadget"\nversion: "9"\nmethod: "post"\n---\n',
    });
    const r = buildReference({ root: dir });
    expect(r.entries.some((e) => e.source === 'reference/gadgets/v9/make-a-gadget-v9.md')).toBe(false);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        file: 'reference/gadgets/v9/make-a-gadget-v9.md',
        field: 'version',
        line: 6,
        message: expect.stringContaining('version "9" is not in'),
      }),
    );
  });
});

describe('not-available-until-version', () => {
  it('makes the endpoint unavailable in older versions, rendering nothing but the heading', () => {
    const zap = endpointAt(result, 'reference/gadgets/v1/zap-a-gadget/');
    expect(zap).toMatchObject({
      available: false,
      availableFrom: '2',
      title: 'Zap a gadget',
      method: 'DELETE',
      descriptionHtml: '',
      requests: [],
      tabs: [],
    });
    expect(endpointAt(result, 'reference/gadgets/zap-a-gadget/')).toMatchObject({
      available: true,
      descriptionHtml: '<p>Zaps a gadget.</p>\n',
    });
    expect(endpointAt(result, 'reference/gadgets/zap-a-gadget/').availableFrom).toBeUndefined();
  });

  it('marks that version unavailable in every version switcher and in the old object’s method list', () => {
    const links = endpointAt(result, 'reference/gadgets/zap-a-gadget/').versions;
    expect(links.map((v) => [v.number, v.available, v.href])).toEqual([
      ['2', true, 'reference/gadgets/zap-a-gadget/'],
      ['1', false, 'reference/gadgets/v1/zap-a-gadget/'],
    ]);
    const v1 = objectAt(result, 'reference/gadgets/v1/').methods;
    expect(v1.map((m) => [m.key, m.available])).toEqual([
      ['zap-a-gadget', false],
      ['make-a-gadget', true],
    ]);
  });
});
