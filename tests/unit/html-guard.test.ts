/**
 * The raw-HTML guard (core/markdown/html-guard.ts): what could run code in a reader's browser is removed
 * from rendered content, and every other byte is kept as written.
 */
import { describe, expect, it } from 'vitest';
import { guardHtml } from '../../src/core/markdown/html-guard.ts';
import { createMarkdownRenderer } from '../../src/core/markdown/markdownify.ts';
import { unsafeProseNodes, type ProseNode } from '../../src/core/markdown/prose-html-guard.ts';

const whats = (html: string) => guardHtml(html).removed.map((r) => r.what);

describe('guardHtml', () => {
  it('removes script-like elements with their content, even left open', () => {
    expect(guardHtml('<p>a <script>alert(1)</script> b</p>').html).toBe('<p>a  b</p>');
    expect(guardHtml('<div>x<script>never closed').html).toBe('<div>x');
    expect(guardHtml('<meta http-equiv="refresh" content="0;url=javascript:x"><p>after</p>').html).toBe('<p>after</p>');
    expect(guardHtml('<object data="x.swf"><embed src="y"></object><p>k</p>').html).toBe('<p>k</p>');
    expect(whats('<svg><set attributeName="href" to="javascript:x"/></svg>')).toEqual(['a <set> element']);
  });

  it('removes event handlers, srcdoc and refused URLs (entities decoded, case ignored), keeping the tag', () => {
    expect(guardHtml('<p><img src="x.png" onerror="alert(4)" alt="a"> ok</p>').html).toBe('<p><img src="x.png" alt="a"> ok</p>');
    expect(guardHtml('<a HREF="JavaScript:alert(1)">js</a>').html).toBe('<a>js</a>');
    expect(guardHtml('<a href="jav&#x61;script:alert(1)">e</a>').html).toBe('<a>e</a>');
    expect(guardHtml('<a href="java\tscript:alert(1)">t</a>').html).toBe('<a>t</a>');
    expect(guardHtml('<iframe srcdoc="<b>x</b>" src="https://video.example/embed"></iframe>').html).toBe(
      '<iframe src="https://video.example/embed"></iframe>',
    );
    expect(whats('<svg><a xlink:href="javascript:alert(1)">x</a></svg>')).toEqual(['xlink:href="javascript:alert(1)" of <a>']);
    expect(whats('<img src=x onerror=alert(4) onload=alert(5)>')).toEqual([
      'the onerror attribute of <img>',
      'the onload attribute of <img>',
    ]);
  });

  it('leaves safe HTML byte for byte as written', () => {
    for (const html of [
      '<table><tr><td class=x>1</td></tr></table>',
      "<a href='https://x.example/?a=1&amp;b=2' title='q\"'>ok</a>",
      '<br /><hr/><input disabled>',
      '<img src="data:image/png;base64,AAAA" alt="dot">',
      '<p>Use the <code>&lt;script&gt;</code> tag &amp; more: on=1</p>',
    ]) {
      expect(guardHtml(html)).toEqual({ html, removed: [] });
    }
  });
});

describe('rendered content', () => {
  it('raw HTML in a Markdown field loses its script and handler, and says so', () => {
    const md = createMarkdownRenderer({});
    const refused: string[] = [];
    const html = md.render('Text <script>alert(1)</script> and <img src="a.png" onerror="alert(2)">', (m) => refused.push(m));
    expect(html).not.toMatch(/alert/);
    expect(html).toContain('<img src="a.png">');
    expect(refused).toEqual([
      'raw HTML: removed a <script> element (content cannot run code or load objects on the site)',
      'raw HTML: removed the onerror attribute of <img> (content cannot run code on the site)',
    ]);
  });

  it('code that shows HTML stays code', () => {
    const md = createMarkdownRenderer({});
    expect(md.render('Add `<script src="x.js"></script>` to the page.')).toContain('&lt;script src="x.js"&gt;&lt;/script&gt;');
  });
});

describe('prose pages', () => {
  it('finds links, HTML elements and attributes that could run code, with their lines', () => {
    const tree: ProseNode = {
      type: 'root',
      children: [
        { type: 'link', url: 'javascript:alert(1)', position: { start: { line: 3 } }, children: [] },
        { type: 'link', url: 'https://ok.example', position: { start: { line: 4 } } },
        { type: 'mdxJsxFlowElement', name: 'script', position: { start: { line: 5 } }, children: [] },
        {
          type: 'mdxJsxFlowElement',
          name: 'img',
          position: { start: { line: 7 } },
          attributes: [
            { type: 'mdxJsxAttribute', name: 'src', value: 'x.png' },
            { type: 'mdxJsxAttribute', name: 'onError', value: 'alert(3)' },
          ],
        },
        { type: 'mdxJsxFlowElement', name: 'EndpointSummary', attributes: [{ type: 'mdxJsxAttribute', name: 'onClick', value: 'x' }] },
        { type: 'html', value: '<a href="vbscript:x">v</a>', position: { start: { line: 9 } } },
      ],
    };
    expect(unsafeProseNodes(tree).map((r) => [r.line, r.what])).toEqual([
      [3, 'the link to "javascript:alert(1)"'],
      [5, 'a <script> element'],
      [7, 'the onerror attribute of <img>'],
      [9, 'href="vbscript:x" of <a>'],
    ]);
  });
});
