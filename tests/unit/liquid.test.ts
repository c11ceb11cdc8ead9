/**
 * 3. The Liquid layer: alias binding, flatify, assign scope, lax lookups, Jekyll's filters, includes and
 * the strictness rules (what is an error, what renders empty, what is only a warning).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/core/errors.ts';
import type { SourceDocument } from '../../src/core/front-matter.ts';
import { laxToStrict } from '../../src/core/liquid/lax.ts';
import { escapeHtml, sort, where } from '../../src/core/liquid/jekyll-filters.ts';
import { LiquidContentError } from '../../src/core/liquid/liquid-errors.ts';
import { createMarkdownRenderer } from '../../src/core/markdown/markdownify.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { PageRender, type RenderEnv } from '../../src/core/model/page-render.ts';
import { endpointAt, makeEngine, MINI_PRODUCTS, objectAt, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const at = { file: 'reference/test.md', field: 'description', line: 10 };

/** Renders `source` once in a fresh page context holding `scope`. */
function renderWith(source: string, scope: Record<string, unknown> = {}, options: Parameters<typeof makeEngine>[0] = {}) {
  const { engine, warnings } = makeEngine(options);
  const ctx = engine.context(scope);
  return { out: engine.render(source, ctx, at), warnings: warnings.list };
}

const render = (source: string, scope: Record<string, unknown> = {}) => renderWith(source, scope).out;

function renderError(source: string, scope: Record<string, unknown> = {}, options: Parameters<typeof makeEngine>[0] = {}): ContentError {
  try {
    renderWith(source, scope, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error(`expected rendering ${JSON.stringify(source)} to fail`);
}

function fakeDoc(file: string, data: Record<string, unknown>): SourceDocument {
  return { file, absolutePath: `/x/${file}`, data, body: '', lineOf: () => undefined, warnings: [] };
}

describe('aliases', () => {
  const { engine, warnings } = makeEngine();
  const site = {
    data: {
      widgets: { api: { name: 'Widgets API' } },
      gadgets: { api: { name: 'Gadgets API' } },
      urls: { home: 'https://mini.example/home' },
    },
  };
  const env: RenderEnv = {
    engine,
    markdown: createMarkdownRenderer(),
    site,
    aliases: { api: 'site.data[page.product-type].api', link: 'site.data.urls', laxapi: 'site.data[page.product-type]api' },
    configFile: 'site.yml',
    laxTypes: new Set(),
    warnings,
  };
  const page = (productType?: string) => new PageRender(env, { page: productType ? { 'product-type': productType } : {} });
  const doc = fakeDoc('reference/x.md', { d: '{{ api.name }} / {{ link.home }} / {{ laxapi.name }}' });

  it('resolve per page: `api: site.data[page.product-type].api` follows each page’s product-type', () => {
    expect(page('widgets').text(doc, ['d'])).toBe('Widgets API / https://mini.example/home / Widgets API');
    expect(page('gadgets').text(doc, ['d'])).toBe('Gadgets API / https://mini.example/home / Gadgets API');
  });

  it('leave a name unbound on a page where the expression means nothing, so using it is still an error', () => {
    const other = page('nothing-here');
    expect(other.text(doc, [], '{{ link.home }}')).toBe('https://mini.example/home');
    expect(() => other.text(doc, [], '{{ api.name }}')).toThrow(/undefined variable "api"/);
  });

  it('resolve per page in a real build (object descriptions of two product types)', () => {
    const result = buildReference({ root: tempRoot('mini-site') });
    expect(objectAt(result, 'reference/widgets/').descriptionHtml).toContain('Served by Widgets API.');
    expect(objectAt(result, 'reference/gadgets/').descriptionHtml).toContain('Served by Gadgets API.');
    expect(endpointAt(result, 'reference/gadgets/v1/make-a-gadget/').requests[0].code).toBe(
      'curl -X POST https://api.gadgets.example/v1/gadgets',
    );
  });
});

describe('flatify', () => {
  const scope = { x: '{{ y }}', y: '{{ z }}', z: 'deep' };

  it('is not applied implicitly: a field is rendered once', () => {
    expect(render('{{ x }}', scope)).toBe('{{ y }}');
  });

  it('renders exactly one more level per call', () => {
    expect(render('{{ x | flatify }}', scope)).toBe('{{ z }}');
    expect(render('{{ x | flatify | flatify }}', scope)).toBe('deep');
  });

  it('returns nil as empty and text without braces unchanged', () => {
    expect(render('[{{ site.none | flatify }}]', { site: {} })).toBe('[]');
    expect(render('{{ "plain text" | flatify }}')).toBe('plain text');
  });

  it('allows legitimate deep nesting (Stitch nests five levels)', () => {
    const chain = {
      a: '{{ b | flatify }}',
      b: '{{ c | flatify }}',
      c: '{{ d | flatify }}',
      d: '{{ e | flatify }}',
      e: '{{ f | flatify }}',
      f: 'bottom',
    };
    expect(render('{{ a | flatify }}', chain)).toBe('bottom');
  });

  it('counts nested renders against max-flatify-depth', () => {
    // Three flatify calls that each render Liquid; a call on text without braces renders nothing and is not counted.
    const chain = { a: '{{ b | flatify }}', b: '{{ c | flatify }}', c: '{{ "end" }}' };
    expect(renderWith('{{ a | flatify }}', chain, { maxFlatifyDepth: 3 }).out).toBe('end');
    expect(renderError('{{ a | flatify }}', chain, { maxFlatifyDepth: 2 }).message).toContain('runaway flatify');
  });

  it('reports a self-referencing string as runaway flatify recursion, with file and field', () => {
    const e = renderError('{{ site.data.loop | flatify }}', { site: { data: { loop: 'again {{ site.data.loop | flatify }}' } } });
    expect(e.message).toContain('runaway flatify');
    expect(e.location).toMatchObject({ file: 'reference/test.md', field: 'description' });
  });

  it('reports mutual recursion (a → b → a) too', () => {
    const scope2 = { a: '{{ b | flatify }}', b: '{{ a | flatify }}' };
    expect(renderError('{{ a | flatify }}', scope2).message).toContain('runaway flatify');
  });

  it('keeps runaway flatify an error in a non-strict site (it is not an undefined name or unknown filter)', () => {
    const loop = { site: { data: { loop: 'again {{ site.data.loop | flatify }}' } } };
    expect(renderError('{{ site.data.loop | flatify }}', loop, { strict: false }).message).toContain('runaway flatify');
  });
});

describe('assign scope', () => {
  const setter = { s: '{% assign right-bracket = "}" %}' };

  it('an assign inside a flatify’d string leaks to later strings of the same page (the right-bracket trick)', () => {
    const { engine } = makeEngine();
    const page = engine.context({ ...setter });
    expect(engine.render('{{ s | flatify }}ok', page, at)).toBe('ok');
    expect(engine.render('{{ "/v4/sources/{source_id}" | remove: right-bracket }}', page, at)).toBe('/v4/sources/{source_id');
  });

  it('does not leak into another page’s context', () => {
    const { engine } = makeEngine();
    const first = engine.context({ ...setter });
    engine.render('{{ s | flatify }}', first, at);
    const second = engine.context({});
    expect(engine.render('{% if right-bracket %}leaked{% else %}unset{% endif %}', second, at)).toBe('unset');
    expect(() => engine.render('{{ "{x}" | remove: right-bracket }}', second, at)).toThrow(/undefined variable "right-bracket"/);
  });

  it('an assign or capture inside an include leaks to the caller', () => {
    expect(render('{% include set-flag.html %}{{ flag }} / {{ captured }}')).toBe('set by include / captured in include');
  });

  it('in a build, leaks from a request example to the Errors tab of the same endpoint but not to the next endpoint page', () => {
    const result = buildReference({ root: tempRoot('mini-site') });
    // delete-a-widget assigns right-bracket in its Request code; widget-special.yml uses it without assigning.
    expect(endpointAt(result, 'reference/widgets/delete-a-widget/').errors[0].bodyHtml).toContain(
      'https://api.mini.example/v4/widgets/{widget_id<',
    );
    // archive-a-widget is rendered after it and tests the name.
    expect(endpointAt(result, 'reference/widgets/archive-a-widget/').descriptionHtml).toBe('<p>right-bracket here: unset</p>\n');
  });
});

describe('lax bracket lookups (JEKYLL-SEMANTICS §3)', () => {
  const scope = {
    site: { data: { connect: { 'response-codes': { sources: { all: ['a', 'b'] } }, 'api-resource-details': { list: ['x', 'y', 'z'] } } } },
    page: { 'product-type': 'connect' },
    item: { endpoint: 'sources' },
  };

  it('reads `]name` as `].name`', () => {
    expect(render('{% assign x = site.data[page.product-type]response-codes[item.endpoint]all | compact %}{{ x | size }}', scope)).toBe(
      '2',
    );
    expect(render('{{ site.data[page.product-type]api-resource-details.list | join: "," }}', scope)).toBe('x,y,z');
  });

  it('gives the same result as the dotted form', () => {
    expect(render('{{ site.data[page.product-type].response-codes[item.endpoint].all | size }}', scope)).toBe('2');
  });

  it('inserts dots only inside Liquid markup and outside string literals', () => {
    expect(laxToStrict('a[b]c {{ x[y]z }} {% if p[q]r %}')).toBe('a[b]c {{ x[y].z }} {% if p[q].r %}');
    expect(laxToStrict('{{ "s[t]u" | append: x[y]z }}')).toBe('{{ "s[t]u" | append: x[y].z }}');
    expect(laxToStrict('{{ x[y].z }} {{ x[y][0] }}')).toBe('{{ x[y].z }} {{ x[y][0] }}');
  });
});

describe('Jekyll filters', () => {
  const eps = [
    { name: 'a', version: '4' },
    { name: 'b', version: 4 },
    { name: 'c', version: ['3', '4'] },
    { name: 'd', version: '3' },
    { name: 'e' },
  ];

  it('where stringifies and matches inside arrays', () => {
    expect(render('{{ eps | where: "version", "4" | map: "name" | join: "," }}', { eps })).toBe('a,b,c');
    expect(render('{{ eps | where: "version", 4 | map: "name" | join: "," }}', { eps })).toBe('a,b,c');
    expect((where(eps, 'version', '3') as typeof eps).map((e) => e.name)).toEqual(['c', 'd']);
  });

  it('where on a hash filters its values; nil matches missing properties', () => {
    expect(render('{{ h | where: "k", "1" | map: "n" | join: "," }}', { h: { x: { n: 'x', k: 1 }, y: { n: 'y', k: 2 } } })).toBe('x');
    expect((where(eps, 'version', null) as typeof eps).map((e) => e.name)).toEqual(['e']);
  });

  it('sort puts items without the property first (nil first), "last" puts them last', () => {
    const docs = [{ name: 'two', order: 2 }, { name: 'none' }, { name: 'one', order: 1 }];
    expect(render('{{ docs | sort: "order" | map: "name" | join: "," }}', { docs })).toBe('none,one,two');
    expect((sort(docs, 'order', 'last') as typeof docs).map((d) => d.name)).toEqual(['one', 'two', 'none']);
    expect(render('{{ nums | sort | join: "," }}', { nums: [3, 1, 2] })).toBe('1,2,3');
  });

  it('escape uses &#39; and &quot; (Ruby CGI.escapeHTML)', () => {
    const s = `<a href='x'>"q" & </a>`;
    const expected = '&lt;a href=&#39;x&#39;&gt;&quot;q&quot; &amp; &lt;/a&gt;';
    expect(render('{{ s | escape }}', { s })).toBe(expected);
    expect(escapeHtml(s)).toBe(expected);
  });

  it('json is not a filter: unknown filter error in strict mode', () => {
    const e = renderError('{{ "abc" | json }}');
    expect(e).toBeInstanceOf(LiquidContentError);
    expect(e.message).toContain('unknown filter "json"');
    expect(e.location).toMatchObject({ file: 'reference/test.md', field: 'description' });
  });

  it('json is ignored (no quoting) in a non-strict site, with a warning', () => {
    const { out, warnings } = renderWith('{{ "abc" | json }}', {}, { strict: false });
    expect(out).toBe('abc');
    expect(warnings).toContainEqual(
      expect.objectContaining({ file: 'reference/test.md', message: expect.stringContaining('unknown filter "json"') }),
    );
  });

  it('relative_url and absolute_url prepend baseurl (and url)', () => {
    expect(render('{{ "/guides/x/" | relative_url }}')).toBe('/docs/guides/x/');
    expect(render('{{ "guides/x/" | relative_url }}')).toBe('/docs/guides/x/');
    // Measured: Jekyll gives an empty path no leading slash (tests/fixtures/jekyll-filters).
    expect(render('{{ "" | relative_url }}')).toBe('/docs');
    expect(render('{{ "/guides/x/" | absolute_url }}')).toBe('https://mini.example/docs/guides/x/');
    expect(render('{{ "https://other.example/a" | relative_url }}|{{ "mailto:a@b.c" | absolute_url }}')).toBe(
      'https://other.example/a|mailto:a@b.c',
    );
  });

  it('relative_url and absolute_url without a baseurl', () => {
    const site = { url: 'https://mini.example', baseurl: '' };
    expect(renderWith('{{ "/a/" | relative_url }} {{ "a" | absolute_url }}', {}, { site }).out).toBe('/a/ https://mini.example/a');
  });

  it('slugify uses Jekyll’s default mode', () => {
    expect(render('{{ "API Status" | slugify }} {{ "Create a destination Request v4" | slugify }}')).toBe(
      'api-status create-a-destination-request-v4',
    );
  });

  it('markdownify and strip_newlines are available', () => {
    expect(render('{{ "**b**" | markdownify }}')).toBe('<p><strong>b</strong></p>\n');
    expect(render('{{ s | strip_newlines }}', { s: 'a\r\nb\nc' })).toBe('abc');
  });
});

describe('includes', () => {
  it('renders an include from the includes folder with literal and variable parameters', () => {
    expect(render('{% include note.html content="Hello" %}')).toBe('<div class="note">Hello</div>\n');
    expect(render('{% include note.html content=msg %}', { msg: 'From a variable' })).toBe('<div class="note">From a variable</div>\n');
  });

  it('renders a missing include as empty with a warning naming the include and the file rendering it', () => {
    const { out, warnings } = renderWith('before{% include nope.html %}after');
    expect(out).toBe('beforeafter');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'reference/test.md', field: 'description' });
    expect(warnings[0].message).toContain('include "nope.html" not found');
  });

  it('a missing include in a strict build is a warning, not a failure', () => {
    const dir = tempRoot('mini-site', {
      'reference/gizmos/gizmo-object.md':
        '---\nproduct-type: "widgets"\ncontent-type: "api-object"\nendpoint: "gizmos"\ntitle: "Gizmo"\ndescription: "A{% include missing/thing.html %}B"\n---\n',
    });
    const result = buildReference({ root: dir });
    expect(objectAt(result, 'reference/gizmos/').descriptionHtml).toBe('<p>AB</p>\n');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        file: 'reference/gizmos/gizmo-object.md',
        message: expect.stringContaining('include "missing/thing.html" not found'),
      }),
    );
  });
});

describe('strictness', () => {
  it('an undefined top-level name is an error naming the variable, file, field and line', () => {
    const e = renderError('first line\n{{ nope.field }}');
    expect(e).toBeInstanceOf(LiquidContentError);
    expect(e.location).toEqual({ file: 'reference/test.md', field: 'description', line: 11 });
    expect(e.message).toMatch(/^reference\/test\.md:11 \(field "description"\): undefined variable "nope"/);
  });

  it('an undefined name inside a flatify’d string names the inner string', () => {
    const e = renderError('{{ s | flatify }}', { s: 'inner {{ missing-name }}' });
    expect(e.message).toContain('undefined variable "missing-name"');
    expect(e.message).toContain('inside a string rendered by flatify: "inner {{ missing-name }}"');
  });

  it('a missing key under a defined name renders empty (Jekyll)', () => {
    expect(render('[{{ site.data.nope.deeper }}][{{ page.missing }}]', { site: { data: {} }, page: {} })).toBe('[][]');
  });

  it('nil comparisons behave as in Ruby (nil == 0 is false)', () => {
    expect(render('{% unless page.count == 0 %}shown{% endunless %}', { page: {} })).toBe('shown');
  });

  it('a lenient `{% if %}` on an undefined name does not error', () => {
    expect(render('{% if nope %}yes{% else %}no{% endif %}')).toBe('no');
    expect(render('{% if nope.deeper %}yes{% else %}no{% endif %}')).toBe('no');
    expect(render('{% unless nope %}absent{% endunless %}')).toBe('absent');
  });

  it('an unknown filter is an error in strict mode', () => {
    expect(renderError('{{ "a" | no_such_filter }}').message).toContain('unknown filter "no_such_filter"');
  });

  it('non-strict: undefined names render empty with a warning', () => {
    const { out, warnings } = renderWith('a{{ nope }}b', {}, { strict: false });
    expect(out).toBe('ab');
    expect(warnings).toEqual([
      expect.objectContaining({
        file: 'reference/test.md',
        field: 'description',
        message: expect.stringContaining('undefined variable "nope"'),
      }),
    ]);
  });

  it('non-strict: unknown filters pass the value through with a warning', () => {
    const { out, warnings } = renderWith('{{ "keep" | no_such_filter | upcase }}', {}, { strict: false });
    expect(out).toBe('KEEP');
    expect(warnings[0].message).toContain('unknown filter "no_such_filter"');
  });

  const gizmo = (desc: string) =>
    `---\nproduct-type: "widgets"\ncontent-type: "api-object"\nendpoint: "gizmos"\ntitle: "Gizmo"\ndescription: "${desc}"\n---\n`;
  const laxSite = `title: "Mini"\nbaseurl: "/docs"\naliases:\n  api: site.data[page.product-type].api\nliquid:\n  strict: false\n${MINI_PRODUCTS}`;

  it('the strict default fails the build on an unknown filter or an undefined name', () => {
    const filter = tempRoot('mini-site', { 'reference/gizmos/gizmo-object.md': gizmo('x{{ \\"v\\" | bogus }}') });
    expect(() => buildReference({ root: filter })).toThrow(/gizmo-object\.md:6 \(field "description"\): unknown filter "bogus"/);
    const name = tempRoot('mini-site', { 'reference/gizmos/gizmo-object.md': gizmo('x{{ nope }}y') });
    expect(() => buildReference({ root: name })).toThrow(/gizmo-object\.md:6 \(field "description"\): undefined variable "nope"/);
  });

  it('`liquid: {strict: false}` in the site config turns an unknown filter into a build warning', () => {
    const root = tempRoot('mini-site', { 'site.yml': laxSite, 'reference/gizmos/gizmo-object.md': gizmo('x{{ \\"v\\" | bogus }}y') });
    const result = buildReference({ root });
    expect(objectAt(result, 'reference/gizmos/').descriptionHtml).toBe('<p>xvy</p>\n');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        file: 'reference/gizmos/gizmo-object.md',
        field: 'description',
        message: expect.stringContaining('unknown filter "bogus"'),
      }),
    );
  });

  it('`liquid: {strict: false}` in the site config turns an undefined name into a build warning', () => {
    const root = tempRoot('mini-site', { 'site.yml': laxSite, 'reference/gizmos/gizmo-object.md': gizmo('x{{ nope }}y') });
    const result = buildReference({ root });
    expect(objectAt(result, 'reference/gizmos/').descriptionHtml).toBe('<p>xy</p>\n');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        file: 'reference/gizmos/gizmo-object.md',
        field: 'description',
        message: expect.stringContaining('undefined variable "nope"'),
      }),
    );
  });
});

describe('Jekyll tags', () => {
  it('{% highlight %} renders its Liquid body and outputs an escaped code block in that language', () => {
    const out = render('{% highlight json %}\n{"id": "{{ id }}", "token": "<ACCESS_TOKEN>"}\n{% endhighlight %}', { id: 'prc_1' });
    expect(out).toContain('<code class="language-json">');
    expect(out).toContain('{"id": "prc_1", "token": "&lt;ACCESS_TOKEN&gt;"}');
  });

  it('an unclosed {% highlight %} is a Liquid error naming the field', () => {
    const e = renderError('{% highlight ruby %}puts 1');
    expect(e.message).toMatch(/reference\/test\.md:10 \(field "description"\): Liquid error: .*not closed/);
  });
});
