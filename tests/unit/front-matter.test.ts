/**
 * Front matter as the reference files are read: file line numbers, Jekyll's invented titles, and files
 * saved with Windows line endings.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/core/front-matter.ts';
import { collectDocuments } from '../../src/core/model/collect.ts';
import { ParseCache } from '../../src/core/parse-cache.ts';
import { loadSiteData } from '../../src/core/data.ts';
import { formatFieldPath, parseFieldPath } from '../../src/core/yaml.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { endpointAt, removeTempRoots, tempRoot } from './_helpers.ts';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

afterAll(removeTempRoots);

describe('parseFrontMatter', () => {
  const doc = parseFrontMatter(
    '---\ntitle: "T"\nshort-url: |\n  /v1/x\nlist:\n  - name: "a"\n    description: "d"\n---\nBody text\n',
    'reference/x.md',
  );

  it('splits data and body', () => {
    expect(doc.data).toEqual({ title: 'T', 'short-url': '/v1/x\n', list: [{ name: 'a', description: 'd' }] });
    expect(doc.body).toBe('Body text\n');
  });

  it('maps field paths to file lines (the opening --- is line 1; block scalars point at their text)', () => {
    expect(doc.lineOf(['title'])).toBe(2);
    expect(doc.lineOf(['short-url'])).toBe(4);
    expect(doc.lineOf(['list', 0, 'description'])).toBe(7);
  });

  it('reads a file with Windows line endings like the same file with LF endings', () => {
    const lf = '---\ntitle: "T"\nmethod: "post"\n---\nbody\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(parseFrontMatter(crlf, 'reference/crlf.md').data).toEqual(parseFrontMatter(lf, 'reference/lf.md').data);
  });

  it('does not leave a carriage return in the last plain value of a CRLF file', () => {
    const crlf = '---\r\ntitle: plain title\r\n---\r\n';
    expect(parseFrontMatter(crlf, 'reference/crlf.md').data.title).toBe('plain title');
  });
});

describe('collectDocuments', () => {
  it('gives a document without a title one made from its file name, as Jekyll does', () => {
    const dir = tempRoot(undefined, {
      'reference/v3/delete-a-destination-v3.md': '---\nkey: "x"\n---\n',
      'reference/b.md': '---\ntitle: "Kept"\n---\n',
    });
    const [collection] = collectDocuments([path.join(dir, 'reference')], dir);
    expect(collection.name).toBe('reference');
    expect(collection.documents.map((d) => [d.file, d.data.title])).toEqual([
      ['reference/b.md', 'Kept'],
      ['reference/v3/delete-a-destination-v3.md', 'Delete A Destination V3'],
    ]);
  });

  it('builds an endpoint file saved with CRLF line endings', () => {
    const lf = `---
product-type: "widgets"
content-type: "api-endpoint"
endpoint: "widgets"
key: "archive-a-widget"
method: "post"
description: "Archives {{ api.name }}."
---
`;
    const r = buildReference({ root: tempRoot('mini-site', { 'reference/widgets/archive-a-widget.md': lf.replace(/\n/g, '\r\n') }) });
    expect(endpointAt(r, 'reference/widgets/archive-a-widget/').descriptionHtml).toBe('<p>Archives Widgets API.</p>\n');
  });
});

describe('front-matter cache (dev server)', () => {
  it('re-parses only changed files, hands out copies, and forgets deleted files', () => {
    const dir = tempRoot(undefined, { 'reference/a.md': '---\nkey: "a"\nlist: [1, 2]\n---\n', 'reference/b.md': '---\ntitle: "B"\n---\n' });
    const cache = new ParseCache();
    const folders = [path.join(dir, 'reference')];
    const [first] = collectDocuments(folders, dir, undefined, cache);
    expect(cache.size).toBe(2);
    // The model writes into data (the invented title); the cached copy must not see that.
    expect(first.documents[0].data.title).toBe('A');
    (first.documents[0].data.list as number[]).push(3);

    const [second] = collectDocuments(folders, dir, undefined, cache);
    expect(second.documents[0].data).toEqual({ key: 'a', list: [1, 2], title: 'A' });
    expect(second.documents[0].data).not.toBe(first.documents[0].data);
    expect(second.documents[0].lineOf(['list'])).toBe(3);

    writeFileSync(path.join(dir, 'reference/a.md'), '---\nkey: "a2"\n---\n');
    rmSync(path.join(dir, 'reference/b.md'));
    const [third] = collectDocuments(folders, dir, undefined, cache);
    expect(third.documents.map((d) => d.data.key)).toEqual(['a2']);
    expect(cache.size).toBe(1);
  });
});

describe('site-data cache (dev server)', () => {
  it('hands out copies of unchanged data files and re-reads edited ones', () => {
    const dir = tempRoot(undefined, { 'data/api.yml': 'base: "https://a.example"\ncodes: [400, 404]\n' });
    const cache = new ParseCache();
    const first = loadSiteData(path.join(dir, 'data'), dir, { cache });
    (first.data.api as { codes: number[] }).codes.push(500);
    expect(loadSiteData(path.join(dir, 'data'), dir, { cache }).data).toEqual({ api: { base: 'https://a.example', codes: [400, 404] } });
    writeFileSync(path.join(dir, 'data/api.yml'), 'base: "https://b.example"\n');
    expect(loadSiteData(path.join(dir, 'data'), dir, { cache }).data).toEqual({ api: { base: 'https://b.example' } });
  });
});

describe('parseFieldPath', () => {
  it('reads back what formatFieldPath writes', () => {
    const fieldPath = ['examples', 0, 'code'];
    expect(formatFieldPath(fieldPath)).toBe('examples[0].code');
    expect(parseFieldPath('examples[0].code')).toEqual(fieldPath);
    expect(parseFieldPath('arguments[2].subattributes[0].description')).toEqual(['arguments', 2, 'subattributes', 0, 'description']);
  });
});
