/**
 * Issue 10, item 5: MDX pages checked as the build would judge them (the one-line cases are in
 * tests/fixtures/bad and tests/fixtures/warn). Here: the component list stays in step with the components,
 * and the finer points of links and props.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/core/check/check.ts';
import { MDX_COMPONENTS } from '../../src/core/model/mdx-components.ts';
import { removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const MDX_DIR = path.resolve(import.meta.dirname, '../../src/components/mdx');

describe('built-in MDX components', () => {
  it('the checker knows exactly the components every MDX page gets, with their props', () => {
    const index = readFileSync(path.join(MDX_DIR, 'index.ts'), 'utf8');
    const exported = /mdxComponents = \{([^}]*)\}/
      .exec(index)![1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    expect(exported.sort()).toEqual(Object.keys(MDX_COMPONENTS).sort());
    for (const name of exported) {
      const source = readFileSync(path.join(MDX_DIR, `${name}.astro`), 'utf8');
      const props = /interface Props \{([\s\S]*?)\n\}/.exec(source)![1];
      const declared = [...props.matchAll(/^\s*([\w-]+)(\?)?:/gm)].map((m) => [m[1], !m[2]] as const);
      expect(declared.map(([p]) => p).sort(), name).toEqual(Object.keys(MDX_COMPONENTS[name]).sort());
      for (const [p, required] of declared) expect(!!MDX_COMPONENTS[name][p].required, `${name}.${p}`).toBe(required);
    }
  });
});

const page = (body: string, fm = 'title: "Guide"') => tempRoot('mini-site', { 'pages/guide.mdx': `---\n${fm}\n---\n\n${body}\n` });
const problems = (root: string) =>
  checkContent({ root })
    .problems.map(formatProblem)
    .filter((l) => l.startsWith('pages/'));

describe('MDX pages', () => {
  it('links to a heading of the same page, another page, a guide and a reference anchor pass', () => {
    const root = page(
      '## Getting started\n\n[here](#getting-started) [list](#list-widgets) [object](/docs/reference/widgets/) [self](/docs/guides/guide/) [out](https://x.example/#nope)',
    );
    expect(problems(root)).toEqual([]);
  });

  it('JSX links and explicit ids count too', () => {
    const root = page('<div id="custom">x</div>\n\n<a href="#custom">a</a> <a href="#missing">b</a>');
    expect(problems(root)).toEqual([
      'pages/guide.mdx:7: broken link "#missing" on page /guides/guide/: no page has an element with id "missing"',
    ]);
  });

  it('a RequestSample index beyond the examples, and a component the page does not import', () => {
    const root = page('<RequestSample endpoint="list-widgets" index={2} />\n\n<Chart />');
    expect(problems(root)).toEqual([
      'pages/guide.mdx:5: <RequestSample index>: endpoint "list-widgets" has 1 request example; there is no index 2',
      'pages/guide.mdx:7: unknown component <Chart>',
    ]);
  });

  it('the hint for an unknown component lists the available ones and says imports are not allowed', () => {
    const hints = checkContent({ root: page('<Chart />') })
      .problems.filter((p) => p.message.includes('unknown component'))
      .map((p) => p.hint);
    expect(hints).toEqual([
      `The components available in a page are ${Object.keys(MDX_COMPONENTS).join(', ')}; pages cannot import others (imports are not allowed in content).`,
    ]);
  });

  it('a key two products share needs product=, and the product must have it', () => {
    const root = tempRoot('products-site', {
      'pages/guide.mdx':
        '---\ntitle: "Guide"\n---\n\n<EndpointSummary endpoint="make-a-thing" />\n\n<EndpointSummary endpoint="make-a-thing" product="beta" />\n\n<RequestSample endpoint="make-a-thing" product="gamma" />\n',
    });
    expect(problems(root)).toEqual([
      'pages/guide.mdx:5: <EndpointSummary endpoint>: endpoint "make-a-thing" exists in several products ("alpha", "beta"); add product="…"',
      'pages/guide.mdx:9: <RequestSample product>: endpoint "make-a-thing" is not in product "gamma" (it is in "alpha", "beta")',
    ]);
  });

  it('an import is refused: MDX runs it at build time (issue 11), and the built-in components need none', () => {
    const root = page("import Chart from '../components/Chart.astro';\n\n<Chart />");
    expect(problems(root)).toEqual(['pages/guide.mdx:5: "import" in an MDX page runs code at build time; it is not allowed']);
  });

  it('a plain .md page may use a literal < (it is Markdown, not MDX)', () => {
    const root = tempRoot('mini-site', { 'pages/notes.md': '---\ntitle: "Notes"\n---\n\nWhen a < b, see [the list](#list-widgets).\n' });
    expect(checkContent({ root }).errors).toBe(0);
  });
});
