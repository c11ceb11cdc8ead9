import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/core/markdown/markdownify.ts';
import { gfmHeaderId, kramdownHeaderId } from '../../src/core/markdown/auto-ids.ts';
import { parseAttributeList } from '../../src/core/markdown/ial.ts';
import { kramdownTypography } from '../../src/core/markdown/typography.ts';

const md = createMarkdownRenderer();
const render = (src: string): string => md.render(src);
const inline = (src: string): string => md.renderInline(src);

describe('output shape', () => {
  it('ends block output with a newline, like kramdown', () => {
    expect(render('Hello')).toBe('<p>Hello</p>\n');
    expect(render('<div>x</div>')).toBe('<div>x</div>\n');
  });

  it('renders empty and whitespace-only input as the empty string', () => {
    expect(render('')).toBe('');
    expect(render('  \n\t\n ')).toBe('');
  });

  it('keeps renders independent: ids and definitions do not leak between calls', () => {
    expect(render('## Same')).toBe('<h2 id="same">Same</h2>\n');
    expect(render('## Same')).toBe('<h2 id="same">Same</h2>\n');
    render('{:warn: .danger}\n\nx');
    expect(render('Para\n{: warn}')).toBe('<p>Para</p>\n');
  });

  it('normalises CRLF line endings', () => {
    expect(render('a\r\nb\r\n\r\nc')).toBe('<p>a\nb</p>\n<p>c</p>\n');
  });
});

describe('1. GFM with hard_wrap false', () => {
  it('renders pipe tables', () => {
    expect(render('| a | b |\n|---|---|\n| 1 | 2 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n',
    );
  });

  it('renders strikethrough', () => {
    expect(render('~~gone~~ here')).toBe('<p><s>gone</s> here</p>\n');
  });

  it('renders fenced code with its language class', () => {
    expect(render('```json\n{"a": 1}\n```')).toBe('<pre><code class="language-json">{"a": 1}\n</code></pre>\n');
  });

  it('does not autolink bare URLs', () => {
    expect(render('see https://example.com/x now')).toBe('<p>see https://example.com/x now</p>\n');
  });

  it('still links <…> autolinks, without typography inside them', () => {
    expect(render('<https://a--b.example.com/>')).toBe('<p><a href="https://a--b.example.com/">https://a--b.example.com/</a></p>\n');
  });

  it('keeps a single newline inside a paragraph as a newline, not <br>', () => {
    expect(render('line one\nline two')).toBe('<p>line one\nline two</p>\n');
  });

  it('turns two trailing spaces into an XHTML <br />', () => {
    expect(render('one  \ntwo')).toBe('<p>one<br />\ntwo</p>\n');
  });

  it('writes link targets as given instead of percent-encoding them', () => {
    expect(render('[x](https://api.example.com/v4/{client_id}/jobs?a=1&b=2)')).toBe(
      '<p><a href="https://api.example.com/v4/{client_id}/jobs?a=1&amp;b=2">x</a></p>\n',
    );
  });

  it('keeps the backslash before characters kramdown cannot escape', () => {
    expect(render('C:\\Users and \\& and \\* and 50\\%')).toBe('<p>C:\\Users and \\&amp; and * and 50\\%</p>\n');
  });

  it('turns [ ] and [x] list items into disabled checkboxes like kramdown-parser-gfm', () => {
    expect(render('- plain\n- [ ] todo\n- [x] done')).toBe(
      '<ul class="task-list">\n<li>plain</li>\n' +
        '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />todo</li>\n' +
        '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />done</li>\n' +
        '</ul>\n',
    );
  });
});

describe('2. raw HTML', () => {
  it('passes a block table through unchanged, blank lines and indentation included', () => {
    const table = '<table class="attribute-list">\n  <tr>\n\n        <td>it\'s *raw*</td>\n  </tr>\n</table>';
    expect(render(table)).toBe(`${table}\n`);
  });

  it('passes inline HTML through unchanged and keeps raw-content elements raw', () => {
    expect(render('Returns <code class="api success">200 OK</code> if it\'s fine.')).toBe(
      '<p>Returns <code class="api success">200 OK</code> if it’s fine.</p>\n',
    );
    expect(render("<kbd>it's *x*</kbd> and <mark>*y*</mark>")).toBe("<p><kbd>it's *x*</kbd> and <mark>*y*</mark></p>\n");
  });

  it('parses Markdown inside span elements such as <span>', () => {
    expect(render('<span class="x">**b**</span>')).toBe('<p><span class="x"><strong>b</strong></span></p>\n');
  });

  it('leaves already-rendered <p> blocks alone, without typography', () => {
    const html = '<p>Creates a source object. It\'s "new".</p>\n<p>Second</p>\n';
    expect(render(html)).toBe(html);
  });

  it('survives markdownify being applied twice', () => {
    const once = render('It\'s a [form](https://x.com/){:target="new"}.\n\nSecond *para*.');
    expect(render(once)).toBe(once);
  });

  it('ends a raw block at its end tag, so Markdown right after it is parsed', () => {
    expect(render('<div>raw *x*</div>\ntext *y*')).toBe('<div>raw *x*</div>\n<p>text <em>y</em></p>\n');
  });

  it('lets a block element interrupt a paragraph', () => {
    expect(render('text\n<div>\nblock\n</div>')).toBe('<p>text</p>\n<div>\nblock\n</div>\n');
  });

  it('treats a line that starts with a span-level tag as a paragraph', () => {
    expect(render('<img src="a.png">')).toBe('<p><img src="a.png"></p>\n');
  });

  it('falls back to CommonMark for an element that is never closed', () => {
    expect(render('<div>\nunclosed *x*\n\nnext *y*')).toBe('<div>\nunclosed *x*\n<p>next <em>y</em></p>\n');
  });

  it('keeps HTML comments whole across blank lines', () => {
    const comment = '<!-- a\n\n    <p>x</p>\n-->';
    expect(render(comment)).toBe(`${comment}\n`);
  });
});

describe('3. typography', () => {
  it('curls apostrophes and quotes', () => {
    expect(render("The object's \"name\" isn't 'set'.")).toBe('<p>The object’s “name” isn’t ‘set’.</p>\n');
  });

  it('converts dashes and ellipses', () => {
    expect(render('a -- b --- c ... d')).toBe('<p>a – b — c … d</p>\n');
    expect(render('a--b a---b')).toBe('<p>a–b a—b</p>\n');
  });

  it('converts guillemets, with a no-break space where kramdown puts one', () => {
    expect(render('<< x >>')).toBe('<p>«\u00a0x\u00a0»</p>\n');
  });

  it('does not do markdown-it replacements that kramdown lacks', () => {
    expect(render('(c) (tm) (r) +- ..')).toBe('<p>(c) (tm) (r) +- ..</p>\n');
  });

  it('does not touch code spans, code blocks or escaped quotes', () => {
    expect(render('`it\'s -- "x"`')).toBe('<p><code>it\'s -- "x"</code></p>\n');
    expect(render("```\nit's -- ...\n```")).toBe("<pre><code>it's -- ...\n</code></pre>\n");
    expect(render('\\"plain\\"')).toBe('<p>"plain"</p>\n');
  });

  it('decides each quote from its neighbours like kramdown, not by pairing', () => {
    expect(render('5" long')).toBe('<p>5” long</p>\n');
    expect(render("the '80s")).toBe('<p>the ’80s</p>\n');
    expect(render('"*foo*" and \'**bar**\'')).toBe('<p>“<em>foo</em>” and ‘<strong>bar</strong>’</p>\n');
    expect(render('a\n"quoted" line')).toBe('<p>a\n“quoted” line</p>\n');
  });

  it('applies typography in link text but not in the URL or image alt text', () => {
    expect(render("[it's](http://x.com/a--b)")).toBe('<p><a href="http://x.com/a--b">it’s</a></p>\n');
    expect(render("![it's](x.png)")).toBe('<p><img src="x.png" alt="it\'s" /></p>\n');
  });

  it('follows the RubyPants rules at the string level', () => {
    expect(kramdownTypography('"Hello," she said.')).toBe('“Hello,” she said.');
    expect(kramdownTypography('"\'Quoted\' words"')).toBe('“‘Quoted’ words”');
    expect(kramdownTypography('....')).toBe('….');
    // A quote at the start of a text run after a line break sees the newline, as in kramdown.
    expect(kramdownTypography("'s", '\n')).toBe('‘s');
    expect(kramdownTypography("'s")).toBe('’s');
  });
});

describe('4. attribute lists', () => {
  it('applies a span IAL to the link before it', () => {
    expect(render('[this form](https://x.com/){:target="new"}')).toBe('<p><a href="https://x.com/" target="new">this form</a></p>\n');
  });

  it('reads classes, ids and both quote styles from one IAL', () => {
    expect(render('[b](c){:.cls #id key="v" k2=\'v2\'}')).toBe('<p><a href="c" class="cls" id="id" key="v" k2="v2">b</a></p>\n');
  });

  it('applies span IALs to emphasis, code and images', () => {
    expect(render('**bold**{:.x} `c`{: .y} ![a](b.png){: width="50"}')).toBe(
      '<p><strong class="x">bold</strong> <code class="y">c</code> <img src="b.png" alt="a" width="50" /></p>\n',
    );
  });

  it('applies a span IAL to an inline HTML element', () => {
    expect(render('<span class="x">hi</span>{:.y}')).toBe('<p><span class="x y">hi</span></p>\n');
  });

  it('leaves an IAL that follows plain text as text, like kramdown', () => {
    expect(render('text{:.x} more')).toBe('<p>text{:.x} more</p>\n');
    expect(render('[a](b) {:.x}')).toBe('<p><a href="b">a</a> {:.x}</p>\n');
  });

  it('takes the header id from {#id} and removes it from the text', () => {
    expect(render('#### Structuring data {#batch--structure}')).toBe('<h4 id="batch--structure">Structuring data</h4>\n');
    expect(render('#### Closed ## {#c}')).toBe('<h4 id="c">Closed</h4>\n');
    expect(render('Sub {#sub-id}\n-----')).toBe('<h2 id="sub-id">Sub</h2>\n');
  });

  it('applies a block IAL on the line after a block to that block', () => {
    expect(render('A paragraph\n{: .note}')).toBe('<p class="note">A paragraph</p>\n');
    expect(render('- a\n- b\n{: .list}')).toBe('<ul class="list">\n<li>a</li>\n<li>b</li>\n</ul>\n');
    expect(render('> quote\n{: .q}')).toBe('<blockquote class="q">\n<p>quote</p>\n</blockquote>\n');
    expect(render('# Title\n{: #custom .c}')).toBe('<h1 id="custom" class="c">Title</h1>\n');
  });

  it('puts a block IAL for a fenced block on the <pre>', () => {
    expect(render('```js\nx\n```\n{: .code}')).toBe('<pre class="code"><code class="language-js">x\n</code></pre>\n');
  });

  it('applies a block IAL to the next block when it does not follow one directly', () => {
    expect(render('{: .lead}\nParagraph')).toBe('<p class="lead">Paragraph</p>\n');
    expect(render('One\n\n{: .x}\n\nTwo')).toBe('<p>One</p>\n<p class="x">Two</p>\n');
  });

  it('adds block IAL attributes to a raw HTML block', () => {
    expect(render('<div class="x">\nraw\n</div>\n{: .added #d}')).toBe('<div class="x added" id="d">\nraw\n</div>\n');
  });

  it('resolves attribute list definitions', () => {
    expect(render('{:ref: .refcls data-x="1"}\n\nPara\n{: ref .own}')).toBe('<p class="refcls own" data-x="1">Para</p>\n');
  });

  it('leaves no {: text behind for these forms', () => {
    const out = render('[a](b){:target="new"}\n\n# H {#h}\n\nP\n{: .note}\n\n{:d: .x}');
    expect(out).not.toContain('{:');
    expect(out).not.toContain('{#');
  });

  it('works in renderInline too', () => {
    expect(inline('it\'s [a](b){:target="new"}')).toBe('it’s <a href="b" target="new">a</a>');
  });

  it('parses attribute lists like kramdown', () => {
    expect(parseAttributeList(' .a.b #i key="x \\" y" ref')).toEqual({
      ops: [
        { kind: 'class', value: 'a' },
        { kind: 'class', value: 'b' },
        { kind: 'set', name: 'id', value: 'i' },
        { kind: 'set', name: 'key', value: 'x " y' },
      ],
      refs: ['ref'],
    });
  });
});

describe('5. heading ids', () => {
  it('uses kramdown-parser-gfm ids by default, numbering duplicates', () => {
    expect(render('## Hello World\n\n## Hello World\n\n## Hello World')).toBe(
      '<h2 id="hello-world">Hello World</h2>\n<h2 id="hello-world-1">Hello World</h2>\n<h2 id="hello-world-2">Hello World</h2>\n',
    );
  });

  it('builds GFM ids from the text after inline Markdown and typography', () => {
    expect(render('## The `foo` method\'s "x"')).toBe('<h2 id="the-foo-methods-x">The <code>foo</code> method’s “x”</h2>\n');
    expect(render('### 1. Über variable_name')).toBe('<h3 id="1-über-variable_name">1. Über variable_name</h3>\n');
  });

  it('leaves the id off when GFM finds nothing, but still counts it', () => {
    expect(render('## ;;\n\n## ;;')).toBe('<h2>;;</h2>\n<h2 id="-1">;;</h2>\n');
  });

  it('lets an explicit id win', () => {
    expect(render('## Hello {#mine}\n\n## Hello')).toBe('<h2 id="mine">Hello</h2>\n<h2 id="hello">Hello</h2>\n');
  });

  it('offers kramdown’s own algorithm', () => {
    const k = createMarkdownRenderer({ autoIds: 'kramdown' });
    expect(k.render('## 1. Getting started\n\n## ;;\n\n## ;;\n\n## Über uns')).toBe(
      '<h2 id="getting-started">1. Getting started</h2>\n<h2 id="section">;;</h2>\n<h2 id="section-1">;;</h2>\n<h2 id="ber-uns">Über uns</h2>\n',
    );
  });

  it('uses kramdown’s algorithm inside <div markdown="1">, which the GFM parser skips', () => {
    expect(render('<div markdown="1">\n## 2 Inside\n</div>\n\n## 2 Inside')).toBe(
      '<div>\n<h2 id="inside">2 Inside</h2>\n</div>\n<h2 id="2-inside">2 Inside</h2>\n',
    );
  });

  it('can be turned off', () => {
    expect(createMarkdownRenderer({ autoIds: false }).render('## Plain')).toBe('<h2>Plain</h2>\n');
  });

  it('implements both id algorithms', () => {
    expect(gfmHeaderId('Before \tafter tab')).toBe('before--after-tab');
    expect(gfmHeaderId('with — typographic … symbols')).toBe('with--typographic--symbols');
    expect(gfmHeaderId('Ünïcode_ok ½ ²')).toBe('ünïcode_ok--');
    expect(kramdownHeaderId('3.2 Structuring data')).toBe('structuring-data');
    expect(kramdownHeaderId('!!!')).toBe('section');
  });
});

describe('6. code', () => {
  it('escapes inline code', () => {
    expect(render('`Bearer: <ACCESS_TOKEN>`')).toBe('<p><code>Bearer: &lt;ACCESS_TOKEN&gt;</code></p>\n');
  });

  it('escapes fenced code, never reading placeholders as HTML', () => {
    expect(render('```curl\n-H "Authorization: Bearer <ACCESS_TOKEN>"\n```')).toBe(
      '<pre><code class="language-curl">-H "Authorization: Bearer &lt;ACCESS_TOKEN&gt;"\n</code></pre>\n',
    );
    expect(render('```\n<PARTNER_ID>\n```')).toBe('<pre><code>&lt;PARTNER_ID&gt;\n</code></pre>\n');
  });

  it('uses the highlighter output verbatim, and the default when it returns undefined', () => {
    const seen: Array<[string, string]> = [];
    const h = createMarkdownRenderer({
      highlight: (code, lang) => {
        seen.push([code, lang]);
        return lang === 'json' ? `<pre class="hl">${code}</pre>` : undefined;
      },
    });
    expect(h.render('```json\n{}\n```')).toBe('<pre class="hl">{}\n</pre>\n');
    expect(h.render('```shell?x=1 more\n<A>\n```')).toBe('<pre><code class="language-shell">&lt;A&gt;\n</code></pre>\n');
    expect(h.render('    indented <B>')).toBe('<pre><code>indented &lt;B&gt;\n</code></pre>\n');
    expect(seen).toEqual([
      ['{}\n', 'json'],
      ['<A>\n', 'shell'],
      ['indented <B>\n', ''],
    ]);
  });

  it('can give inline code the class Jekyll’s rouge adds', () => {
    const r = createMarkdownRenderer({ inlineCodeClass: 'language-plaintext highlighter-rouge' });
    expect(r.render('`x`{:.y}')).toBe('<p><code class="language-plaintext highlighter-rouge y">x</code></p>\n');
  });
});

describe('7. markdown="…" on HTML elements', () => {
  it('renders a one-line markdown="span" element inline and drops the attribute', () => {
    expect(render('<div markdown="span" class="x">**bold** text</div>')).toBe('<div class="x"><strong>bold</strong> text</div>\n');
  });

  it('renders a one-line element inline for markdown="1" too', () => {
    expect(render("<div class='alert' markdown=\"1\"><b>Note:</b> it's **here**</div>")).toBe(
      '<div class="alert"><b>Note:</b> it’s <strong>here</strong></div>\n',
    );
  });

  it('parses the lines of a multi-line markdown="1" block as Markdown blocks', () => {
    expect(render('<div markdown="1" class="note">\n**Note**: text\n\n- item\n</div>')).toBe(
      '<div class="note">\n<p><strong>Note</strong>: text</p>\n<ul>\n<li>item</li>\n</ul>\n</div>\n',
    );
  });

  it('handles markdown="block" with text before the end tag and an IAL after it', () => {
    expect(render('<section markdown="block">\nsome *text*</section>\n{: .after}')).toBe(
      '<section class="after">\n<p>some <em>text</em></p>\n</section>\n',
    );
  });

  it('keeps content raw for markdown="0" but still removes the attribute', () => {
    expect(render('<div markdown="0">*x*</div>')).toBe('<div>*x*</div>\n');
    expect(render('a <b markdown="0">*z*</b>')).toBe('<p>a <b>*z*</b></p>\n');
  });

  it('parses span content with markdown="span" on multiple lines', () => {
    expect(render('<p markdown="span">\n**x**\n</p>')).toBe('<p>\n<strong>x</strong>\n</p>\n');
  });

  it('works inside list items', () => {
    expect(render('- one\n\n  <div markdown="1">\n  **x**\n  </div>\n- two')).toBe(
      '<ul>\n<li>\n<p>one</p>\n<div>\n<p><strong>x</strong></p>\n</div>\n</li>\n<li>\n<p>two</p>\n</li>\n</ul>\n',
    );
  });
});

describe('8. lists holding rendered HTML', () => {
  it('passes items that already contain <p> through', () => {
    expect(render("- <p>Cannot exceed 20MB in size.</p>\n\n- <p>Must be it's.</p>\n")).toBe(
      "<ul>\n<li>\n<p>Cannot exceed 20MB in size.</p>\n</li>\n<li>\n<p>Must be it's.</p>\n</li>\n</ul>\n",
    );
  });

  it('handles a tight list of rendered paragraphs', () => {
    expect(render('- <p>a</p>\n- <p>b</p>')).toBe('<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n');
  });
});

describe('9. renderInline', () => {
  it('renders without a wrapping <p> or trailing newline', () => {
    expect(inline('**a** `b`')).toBe('<strong>a</strong> <code>b</code>');
    expect(inline('')).toBe('');
  });

  it('applies the same typography', () => {
    expect(inline('It\'s "x" -- y...')).toBe('It’s “x” – y…');
  });
});

describe('kramdown extensions', () => {
  it('drops {::comment} into an HTML comment and passes {::nomarkdown} through', () => {
    expect(render('{::comment}\nhidden\n{:/comment}\n\nVisible {::nomarkdown}<b>*raw*</b>{:/} text')).toBe(
      '<!-- hidden -->\n<p>Visible <b>*raw*</b> text</p>\n',
    );
  });

  it('drops {::options /}', () => {
    expect(render('{::options auto_ids="false" /}\n\nText')).toBe('<p>Text</p>\n');
  });
});
