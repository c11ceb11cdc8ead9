/**
 * Prose (MDX) pages in the core: listed with their front matter (a missing title is an error with file,
 * field and line), and their rendered links resolved as the reference's own links are.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildReference } from '../../src/core/model/build.ts';
import { resolveRenderedLinks } from '../../src/core/model/links.ts';
import { lineOfLink, listProsePages } from '../../src/core/model/prose.ts';
import { buildErrors, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const page = (fm: string, body = 'Text.') => `---\n${fm}\n---\n\n${body}\n`;

describe('prose pages', () => {
  it('are listed by order, then title, with their path, file and front matter', () => {
    const root = tempRoot(undefined, {
      'pages/b.mdx': page('title: "Bravo"\norder: 2'),
      'pages/a.md': page('title: "Alpha"\ndescription: "First"'),
      'pages/nested/c.mdx': page('title: "Charlie"\norder: 1'),
    });
    const pages = listProsePages(`${root}/pages`, root);
    expect(pages.map((p) => [p.title, p.path, p.file, p.order, p.description])).toEqual([
      ['Charlie', 'guides/nested-c/', 'pages/nested/c.mdx', 1, undefined],
      ['Bravo', 'guides/b/', 'pages/b.mdx', 2, undefined],
      ['Alpha', 'guides/a/', 'pages/a.md', Number.MAX_SAFE_INTEGER, 'First'],
    ]);
  });

  it('need a title; a build names the file, field and line (prose-check.ts)', () => {
    const errors = buildErrors({ root: tempRoot('mini-site', { 'pages/intro.mdx': page('description: "No title"\norder: "first"') }) });
    expect(errors.map((e) => e.message.split('\n')[0])).toEqual([
      'pages/intro.mdx:2 (field "title"): required field is missing',
      'pages/intro.mdx:3 (field "order"): must be a number, not a string',
    ]);
  });

  it("without a readable front matter still get a title from the file name (the errors are prose-check.ts's)", () => {
    const root = tempRoot(undefined, { 'pages/odd-one.mdx': '---\ntitle: [unclosed\n---\n' });
    expect(listProsePages(`${root}/pages`, root).map((p) => p.title)).toEqual(['odd-one']);
  });
});

describe('links in a rendered prose page', () => {
  const index = buildReference({ root: tempRoot('mini-site') }).links;
  const target = [...index.anchors.entries()][0];

  it("point bare anchors at the page holding them, keep the page's own, and list the ones that land nowhere", () => {
    const html =
      `<h2 id="local">Local</h2><a href="#local">here</a> <a class="x" href="#${target[0]}">there</a> ` +
      `<a href="#nowhere">gone</a> <a href="https://example.com/#x">out</a>`;
    const { html: out, broken } = resolveRenderedLinks(html, index);
    expect(out).toContain('<a href="#local">');
    expect(out).toContain(`<a class="x" href="${index.base}/${target[1]}#${target[0]}">`);
    expect(out).toContain('href="https://example.com/#x"');
    expect(broken).toEqual(['#nowhere']);
  });

  it('leave the stylesheet links a component injects alone', () => {
    const html = '<link rel="stylesheet" href="/_astro/code.css"><a href="#local">x</a><p id="local"></p>';
    expect(resolveRenderedLinks(html, index)).toEqual({ html, broken: [] });
  });

  it('are found again in the source for the message: the line that writes the link', () => {
    const source = 'Intro [x](#a-b).\n\nMore\nSee [this](#nowhere) and <a href="#other">that</a>.\n';
    expect(lineOfLink(source, '#nowhere')).toBe(4);
    expect(lineOfLink(source, '#other')).toBe(4);
    expect(lineOfLink(source, '#a-b')).toBe(1);
    expect(lineOfLink(source, '#absent')).toBeUndefined();
  });
});
