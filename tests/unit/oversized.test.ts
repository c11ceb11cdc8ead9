/** Oversized code samples: the head highlighted, the rest plain in the same block, nothing lost. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCodeHighlighter } from '../../src/core/highlight.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { headLength, withOversizedSamples } from '../../src/core/oversized.ts';
import { DEFAULT_LIMITS } from '../../src/schemas/limits.ts';
import { endpointAt, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const shiki = await createCodeHighlighter();
/** The text a reader sees (and copies) in a block of highlighted HTML. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;|&#x3C;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const lines = (n: number) => Array.from({ length: n }, (_, i) => `  "key_${i}": "<b>${i}</b>",`).join('\n');
/** Lines holding Shiki's colour spans (a highlighted line has tokens with a style). */
const colouredLines = (html: string) =>
  html
    .split('<span class="line">')
    .slice(1)
    .filter((l) => l.includes('style=')).length;

describe('oversized samples', () => {
  it('leaves samples within the limits exactly as the highlighter gives them', () => {
    const hl = withOversizedSamples(shiki, DEFAULT_LIMITS);
    const code = `{\n${lines(50)}\n}`;
    expect(hl(code, 'json')).toBe(shiki(code, 'json'));
  });

  it('highlights the first highlight-lines lines and shows the rest plain and escaped, every line kept', () => {
    const hl = withOversizedSamples(shiki, { 'highlight-lines': 10, 'highlight-characters': 100_000 });
    const code = `{\n${lines(40)}\n}\n`;
    const html = hl(code, 'json');
    expect(text(html)).toBe(code);
    expect(colouredLines(html)).toBe(10);
    // The plain tail is escaped: content never becomes markup.
    expect(html).toContain('\n  "key_39": "&lt;b&gt;39&lt;/b&gt;",\n');
    expect(html).not.toContain('<b>');
  });

  it('cuts at highlight-characters on a line boundary; a first line over the limit is all plain', () => {
    const limits = { 'highlight-lines': 1000, 'highlight-characters': 60 };
    const code = `${'a'.repeat(30)}\n${'b'.repeat(20)}\n${'c'.repeat(30)}`;
    expect(headLength(code, limits)).toBe(52);
    const hl = withOversizedSamples(shiki, limits);
    expect(text(hl(code, 'text'))).toBe(code);
    const oneLine = `{"x": "${'y'.repeat(200)}"}`;
    const html = hl(oneLine, 'json');
    expect(text(html)).toBe(oneLine);
    expect(colouredLines(html)).toBe(0);
    expect(html).not.toContain('<span class="line">');
  });

  it('applies the site config limits to code samples in a build', () => {
    const dir = tempRoot('mini-site');
    writeFileSync(
      path.join(dir, 'site.yml'),
      'title: "Mini API"\nbaseurl: "docs/"\naliases:\n  link: site.data.urls\n  api: site.data[page.product-type].api\n' +
        'products:\n  widgets: { path: "" }\n  gadgets: { path: "" }\nlimits:\n  highlight-lines: 2\n',
    );
    const r = buildReference({ root: dir, highlight: shiki });
    const request = endpointAt(r, 'reference/widgets/create-a-widget/').requests[0]!;
    expect(text(request.html)).toBe(request.code);
    expect(colouredLines(request.html)).toBe(2);
    expect(request.code.trimEnd().split('\n').length).toBeGreaterThan(2);
  });
});
