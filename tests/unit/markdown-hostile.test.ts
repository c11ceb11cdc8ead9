/**
 * 11. Markdown under hostile input: the one-pass readers give what kramdown's regular expressions give
 * (checked against those expressions on random input), hostile input is handled in linear time (figures
 * printed, not asserted), and URLs that are not links in Markdown are not links anywhere else either.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseAttributeList } from '../../src/core/markdown/attribute-list.ts';
import { createMarkdownRenderer } from '../../src/core/markdown/markdownify.ts';
import { isSafeUrl } from '../../src/core/markdown/safe-url.ts';
import { attributeLineContent, extensionTagEnd, spanIalEnd } from '../../src/core/markdown/scan.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

/** Deterministic random strings over `atoms` (mulberry32), so a failure can be replayed. */
function randomStrings(atoms: string[], count: number, maxAtoms: number, seed = 11): string[] {
  let s = seed;
  const rnd = (n: number) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + rnd(maxAtoms) }, () => atoms[rnd(atoms.length)]).join(''));
}

// kramdown's expressions, as this project used them before the one-pass readers (the reference).
const ALD_ITEM = /(?:^|\s)(?:(\w[\w-]*)=("|')((?:\\\}|\\\2|[^}])*?)\2|(\w[\w-]*)|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|$)/g;
function referenceAttributeList(source: string) {
  const list: { ops: Array<Record<string, string>>; refs: string[] } = { ops: [], refs: [] };
  const trimmed = source.trim();
  if (trimmed === '' || trimmed === ':') return list;
  for (const m of source.matchAll(ALD_ITEM)) {
    const [, key, quote, value, ref, idsAndClasses] = m;
    if (ref !== undefined) list.refs.push(ref);
    else if (idsAndClasses !== undefined) {
      for (const part of idsAndClasses.matchAll(/#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g)) {
        list.ops.push(part[2] !== undefined ? { kind: 'class', value: part[2] } : { kind: 'set', name: 'id', value: part[1] ?? '' });
      }
    } else if (key !== undefined && quote !== undefined) {
      list.ops.push({ kind: 'set', name: key, value: (value ?? '').replace(quote === '"' ? /\\([}"])/g : /\\([}'])/g, '$1') });
    }
  }
  return list;
}

describe('one-pass readers match kramdown’s expressions', () => {
  const atoms = ['a', 'k', '-', '=', '"', "'", '\\', '}', '\\}', '\\"', ' ', '\t', '.', '#', 'x1', ':', '/', '{'];

  it('attribute lists (40,000 random strings)', () => {
    const mismatches = randomStrings(atoms, 40_000, 14).filter(
      (s) => JSON.stringify(parseAttributeList(s)) !== JSON.stringify(referenceAttributeList(s)),
    );
    expect(mismatches).toEqual([]);
  });

  it('span IAL ends', () => {
    const re = /\{:((?:\\\}|[^}])+)\}/y;
    const mismatches = randomStrings(atoms, 40_000, 14)
      .map((s) => `x{:${s}`)
      .filter((s) => {
        re.lastIndex = 1;
        const m = re.exec(s);
        return (m ? 1 + m[0].length : -1) !== spanIalEnd({}, s, 1);
      });
    expect(mismatches).toEqual([]);
  });

  it('extension tag ends', () => {
    const re = /\{::(comment|nomarkdown|options)((?:\s(?:\\\}|[^}])*?)?)(\/)?\}/y;
    const mismatches = randomStrings(atoms, 40_000, 14)
      .map((s) => `{::nomarkdown${s}`)
      .filter((s) => {
        re.lastIndex = 0;
        const m = re.exec(s);
        const mine = extensionTagEnd({}, s, '{::nomarkdown'.length);
        const theirs = m ? { options: m[2], end: m[0].length, selfClosing: m[3] === '/' } : null;
        return JSON.stringify(mine) !== JSON.stringify(theirs);
      });
    expect(mismatches).toEqual([]);
  });

  it('block IAL lines', () => {
    const re = /^\{:(?![:/])((?:\\\}|[^}])+)\}[ \t]*$/;
    const mismatches = randomStrings([...atoms, '} ', '}\t'], 40_000, 14)
      .map((s) => `{:${s}`)
      .filter((s) => {
        const mine = s[2] === ':' || s[2] === '/' ? null : attributeLineContent(s, 2);
        return mine !== (re.exec(s)?.[1] ?? null);
      });
    expect(mismatches).toEqual([]);
  });
});

describe('hostile Markdown is handled in linear time', () => {
  const md = createMarkdownRenderer();
  const cases: Array<[string, (n: number) => string, (html: string) => void]> = [
    ['156 KB of "<a x "', (n) => '<a x '.repeat(n), (html) => expect(html.startsWith('<p>&lt;a x &lt;a x')).toBe(true)],
    ['unclosed <code>', (n) => '<code> '.repeat(n), (html) => expect(html.startsWith('<p><code> <code>')).toBe(true)],
    ['unclosed {::nomarkdown', (n) => 'x {::nomarkdown '.repeat(n), (html) => expect(html.startsWith('<p>x {::nomarkdown x')).toBe(true)],
    [
      '{::nomarkdown} without a stop',
      (n) => 'x {::nomarkdown} '.repeat(n),
      (html) => expect(html.startsWith('<p>x {::nomarkdown} x')).toBe(true),
    ],
    [
      'block {::nomarkdown} lines',
      (n) => '{::nomarkdown}\n'.repeat(n),
      (html) => expect(html.startsWith('<p>{::nomarkdown}\n{::nomarkdown}')).toBe(true),
    ],
    ['unclosed span IALs', (n) => '*a*{:a="a '.repeat(n), (html) => expect(html.startsWith('<p><em>a</em>{:a=”a <em>a</em>')).toBe(true)],
    ['a long attribute list', (n) => `para\n{: ${'a="a '.repeat(n)}}\n`, (html) => expect(html.startsWith('<p')).toBe(true)],
    ['unclosed <div> blocks', (n) => '<div>\n\n'.repeat(n), (html) => expect(html.startsWith('<div>')).toBe(true)],
  ];

  it.each(cases)('%s: same output as a small input of the same kind, figures printed', (name, make, check) => {
    const times: string[] = [];
    for (const kb of [39, 156]) {
      const unit = make(1).length;
      const src = make(Math.ceil((kb * 1024) / unit));
      const started = performance.now();
      const html = md.render(src);
      times.push(`${kb} KB: ${Math.round(performance.now() - started)} ms`);
      check(html);
    }
    console.log(`markdown, ${name}: ${times.join(', ')}`);
  });

  it('a hostile input does not change how a normal document around it renders', () => {
    const normal = 'Intro with `<code>` and a [link](https://example.com){:target="new"}.\n\n<div markdown="1">\n**bold**\n</div>\n';
    expect(md.render(`${normal}\n\n${'<a x '.repeat(2000)}`).startsWith(md.render(normal))).toBe(true);
  });
});

describe('URLs that Markdown refuses are refused everywhere', () => {
  it.each([
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['\u0001 javascript:alert(1)', false],
    ['vbscript:x', false],
    ['file:///etc/passwd', false],
    ['data:text/html,<script>', false],
    ['data:image/png;base64,AAAA', true],
    ['https://example.com/a?b#c', true],
    ['mailto:a@example.com', true],
    ['/docs/reference/', true],
    ['#anchor', true],
  ])('isSafeUrl(%j) is %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });

  it('an attribute list cannot set href or src to such a URL; the refusal is reported', () => {
    const md = createMarkdownRenderer();
    const refused: string[] = [];
    const html = md.render(
      '[docs](https://example.com){: href="javascript:alert(1)" .x}\n\n![i](a.png){: src="java\tscript:alert(1)"}\n',
      (m) => refused.push(m),
    );
    expect(html).toBe('<p><a href="https://example.com" class="x">docs</a></p>\n<p><img src="a.png" alt="i" /></p>\n');
    expect(refused).toEqual([
      'refused href "javascript:alert(1)": javascript:, vbscript:, file: and data: URLs are not linked (as in Markdown links); it is shown as text',
      'refused src "java\tscript:alert(1)": javascript:, vbscript:, file: and data: URLs are not linked (as in Markdown links); it is shown as text',
    ]);
    // A repeat of the same string (served from the renderer's memo) is reported again.
    const again: string[] = [];
    md.render('[docs](https://example.com){: href="javascript:alert(1)" .x}\n\n![i](a.png){: src="java\tscript:alert(1)"}\n', (m) =>
      again.push(m),
    );
    expect(again).toEqual(refused);
  });

  it('a Markdown link with a tab-split javascript: URL stays text, and is reported', () => {
    const refused: string[] = [];
    const html = createMarkdownRenderer().render('[x](<java\tscript:alert(1)>)\n', (m) => refused.push(m));
    expect(html).not.toContain('href');
    expect(refused).toHaveLength(1);
  });

  it('an argument’s url: is linked only when safe; a refused one is a warning with file, field and line', () => {
    const file = 'reference/widgets/list-widgets.md';
    const root = tempRoot('mini-site', {
      [file]:
        '---\nproduct-type: "widgets"\ncontent-type: "api-endpoint"\nendpoint: "widgets"\nkey: "list-widgets"\nmethod: "get"\narguments:\n  - name: "evil"\n    type: "object"\n    url: "javascript:alert(document.domain)"\n  - name: "fine"\n    type: "object"\n    url: "#widgets"\n    description: "[x](javascript:alert(1)) and {{ \'[y](javascript:1)\' | markdownify }}"\n---\n',
    });
    const r = buildReference({ root });
    const page = r.entries.find((e) => e.path === 'reference/widgets/list-widgets/');
    const args = page && page.kind === 'endpoint' ? page.arguments : [];
    expect(args.map((a) => a.typeHref)).toEqual([undefined, '/docs/reference/widgets/#widgets']);
    expect(args[1]?.descriptionHtml).toContain('[x](javascript:alert(1))');
    expect(args[1]?.descriptionHtml).not.toContain('href="javascript');
    expect(r.warnings.filter((w) => w.message.startsWith('refused'))).toEqual([
      expect.objectContaining({
        file,
        field: 'arguments[0].url',
        line: 10,
        message: expect.stringMatching(/^refused url "javascript:alert\(document\.domain\)"/),
      }),
      expect.objectContaining({
        file,
        field: 'arguments[1].description',
        line: 14,
        message: expect.stringMatching(/^refused link "javascript:1"/),
      }),
      expect.objectContaining({
        file,
        field: 'arguments[1].description',
        line: 14,
        message: expect.stringMatching(/^refused link "javascript:alert\(1\)"/),
      }),
    ]);
  });
});
