/**
 * Issue 10, item 4: the mechanisms behind "nothing is dropped in silence" (the end-to-end cases are the
 * fixtures in tests/fixtures/bad and tests/fixtures/warn): known keys read from the zod schemas, did-you-mean,
 * missing keys under site.data, required fields that render empty.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WarningSink } from '../../src/core/errors.ts';
import { findUnknownKeys, keyTree, withExtraKeys } from '../../src/core/known-keys.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { closest, nearestOrList } from '../../src/core/suggest.ts';
import { EndpointSchema, ObjectSchema } from '../../src/schemas/front-matter.ts';
import { buildError, makeEngine, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

describe('known keys come from the zod schemas', () => {
  it('a key added to a schema is known at once, nested ones included (no second list)', () => {
    const Item: z.ZodType = z.looseObject({
      name: z.string(),
      get children() {
        return z.array(Item).optional();
      },
    });
    const schema = z.looseObject({ title: z.string(), items: z.array(Item).nullish(), added: z.number().optional() });
    const data = { title: 'x', added: 1, items: [{ name: 'a', nmae: 'b', children: [{ name: 'c', extra: 1 }] }] };
    expect(findUnknownKeys(data, keyTree(schema)!)).toEqual([
      { path: ['items', 0, 'nmae'], key: 'nmae', suggestion: '; did you mean "name"?' },
      { path: ['items', 0, 'children', 0, 'extra'], key: 'extra', suggestion: '' },
    ]);
  });

  it('knows every key the endpoint schema declares, down to subexamples and sub-subarguments', () => {
    const data = {
      arguments: [{ name: 'a', subarguments: [{ name: 'b', 'sub-subarguments': [{ name: 'c', requird: true }] }] }],
      examples: [{ type: 'Response', subexamples: [{ title: 't', code: 'x', langauge: 'json' }] }],
      argumnets: [],
    };
    expect(findUnknownKeys(data, keyTree(EndpointSchema)!).map((u) => `${u.path.join('.')}${u.suggestion}`)).toEqual([
      'arguments.0.subarguments.0.sub-subarguments.0.requird; did you mean "required"?',
      'examples.0.subexamples.0.langauge; did you mean "language"?',
      'argumnets; did you mean "arguments"?',
    ]);
  });

  it('extra keys declared by an overlay are known, in nested attributes at any depth too', () => {
    const tree = withExtraKeys(keyTree(ObjectSchema)!, ['versions.deprecated', 'object-attributes.read-only']);
    const data = {
      versions: [{ number: '1', deprecated: true }],
      'object-attributes': [{ name: 'a', 'read-only': true, subattributes: [{ name: 'b', 'read-only': false, oops: 1 }] }],
    };
    expect(findUnknownKeys(data, tree).map((u) => u.path.join('.'))).toEqual(['object-attributes.0.subattributes.0.oops']);
    // The schema's own tree is left as it was.
    expect(findUnknownKeys(data, keyTree(ObjectSchema)!)).toHaveLength(4);
  });
});

describe('did you mean', () => {
  it('counts a swapped pair of letters as one edit', () => {
    expect(closest('titel', ['title', 'type'])).toBe('title');
    expect(closest('argumnets', ['arguments', 'examples'])).toBe('arguments');
    expect(closest('nope', ['urls', 'widgets'])).toBeUndefined();
  });

  it('lists the keys that exist when none is close', () => {
    expect(nearestOrList('nope', ['urls', 'widgets'])).toBe('it has "urls", "widgets"');
    expect(nearestOrList('nme', ['name', 'base-url'])).toBe('did you mean "name"?');
  });
});

describe('missing keys under site.data', () => {
  const data = { widgets: { api: { name: 'Widgets API', 'base-url': 'https://x' }, list: [{ id: 1 }] } };
  const at = { file: 'f.md', field: 'title', line: 3 };
  const engineFor = (mode: 'error' | 'warn') => makeEngine({ dataKeys: { data, mode } });

  it('names the full path and the nearest key; a name bound to data (an alias) is reported by its data path', () => {
    const { engine } = engineFor('error');
    const scope = { site: { data }, api: data.widgets.api };
    expect(() => engine.render('{{ site.data.widgets.apo.name }}', engine.context(scope), at)).toThrow(
      'f.md:3 (field "title"): undefined data key "site.data.widgets.apo.name" (site.data.widgets has no key "apo"; did you mean "api"?)',
    );
    expect(() => engine.render('{{ api.nmae }}', engine.context(scope), at)).toThrow(
      'undefined data key "api.nmae" (site.data.widgets.api has no key "nmae"; did you mean "name"?)',
    );
    expect(() => engine.render('{% for w in site.data.widgets.list %}{{ w.nope }}{% endfor %}', engine.context(scope), at)).toThrow(
      'undefined data key "w.nope" (site.data.widgets.list[0] has no key "nope"; it has "id")',
    );
  });

  it('existence checks stay lenient: if, unless, default, size', () => {
    const { engine } = engineFor('error');
    const ctx = engine.context({ site: { data } });
    const out = engine.render(
      '{% if site.data.widgets.beta %}b{% endif %}{% unless site.data.nope.x %}u{% endunless %}{{ site.data.widgets.v | default: "d" }}{{ site.data.widgets.size }}',
      ctx,
      at,
    );
    expect(out).toBe('ud2');
  });

  it('other missing keys (page front matter) still render empty, as in Jekyll', () => {
    const { engine } = engineFor('error');
    expect(engine.render('[{{ page.optional }}]', engine.context({ site: { data }, page: {} }), at)).toBe('[]');
  });

  it('under a Jekyll tree: each missing key is a warning, the string renders with them empty', () => {
    const { engine, warnings } = engineFor('warn');
    const out = engine.render(
      'a{{ site.data.nope.x }}b{{ site.data.widgets.api.nme }}c{{ site.data.widgets.api.name }}',
      engine.context({ site: { data } }),
      at,
    );
    expect(out).toBe('abcWidgets API');
    expect(warnings.list.map((w) => w.message)).toEqual([
      'undefined data key "site.data.nope.x" (site.data has no key "nope"; it has "widgets"); it renders empty, as in Jekyll',
      'undefined data key "site.data.widgets.api.nme" (site.data.widgets.api has no key "nme"; did you mean "name"?); it renders empty, as in Jekyll',
    ]);
  });

  it('an undefined name after a missing key in the same string is still an error under a Jekyll tree', () => {
    const { engine } = engineFor('warn');
    expect(() => engine.render('{{ site.data.nope }}{{ endpont.key }}', engine.context({ site: { data } }), at)).toThrow(
      'undefined variable "endpont"',
    );
  });

  it('in a native site with liquid.strict: false, a missing key is a warning too', () => {
    const sink = new WarningSink();
    const { engine } = makeEngine({ strict: false, warnings: sink, dataKeys: { data, mode: 'error' } });
    expect(engine.render('[{{ site.data.nope }}]', engine.context({ site: { data } }), at)).toBe('[]');
    expect(sink.list).toHaveLength(1);
  });
});

describe('required fields that render empty', () => {
  it('an object title that renders empty is an error naming the Liquid', () => {
    const e = buildError({
      root: tempRoot('mini-site', {
        'reference/gizmos/gizmo-object.md':
          '---\nproduct-type: "widgets"\ncontent-type: "api-object"\nendpoint: "gizmos"\ntitle: "{% if false %}Gizmo{% endif %}"\n---\n',
      }),
    });
    expect(e.message).toMatch(
      /^reference\/gizmos\/gizmo-object\.md:5 \(field "title"\): required field renders empty: "\{% if false %\}Gizmo\{% endif %\}"/,
    );
  });

  it('an endpoint without a short-url is fine: only a written URL must render to something', () => {
    expect(() => buildReference({ root: tempRoot('mini-site') })).not.toThrow();
  });
});
