/**
 * The model keeps descriptions as rendered HTML (our Markdown renderer's or Shiki's output); the
 * machine-readable outputs (OpenAPI, Markdown twins, llms.txt) want CommonMark or plain text. Converting
 * back through the unified tools (hast → mdast → Markdown) keeps escaping right and works for every
 * field, whatever Liquid and markdownify made of it.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { visit } from 'unist-util-visit';

/** Turns a link or image address from the page into one that works outside it (absolute, usually). */
export type ResolveHref = (href: string) => string;

/** `resolve` for the text of one page: a bare `#fragment` points into that page. */
export function onPage(pageUrl: string, resolve?: ResolveHref): ResolveHref {
  return (href) => (href.startsWith('#') ? `${pageUrl}${href}` : resolve ? resolve(href) : href);
}

function parse(html: string, resolve?: ResolveHref): Root {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element, index, parent) => {
    // Heading and row link icons are page furniture, not content.
    const classes = ([] as unknown[]).concat(node.properties.className ?? []);
    if (classes.includes('anchor-link') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (resolve && node.tagName === 'a' && typeof node.properties.href === 'string') node.properties.href = resolve(node.properties.href);
    if (resolve && node.tagName === 'img' && typeof node.properties.src === 'string') node.properties.src = resolve(node.properties.src);
    // Our plain (unhighlighted) code blocks name their language on the <pre>; Markdown wants it on the fence.
    const lang = node.properties.dataLang;
    if (node.tagName === 'pre' && typeof lang === 'string' && lang !== 'text') {
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (code) code.properties.className = [`language-${lang}`];
    }
    return undefined;
  });
  return tree;
}

/**
 * Fragments with no address in them convert the same on every page, and sites repeat them (a description
 * from site data on every endpoint of an object, one error table on every page): those are converted once.
 * Bounded, and kept across dev rebuilds, where most fragments are unchanged.
 */
const linkFree = new Map<string, string>();
const LINK_FREE_LIMIT = 20_000;
// Any mention at all: attributes can be written `href = …` or `<a/href=…>`.
const HAS_ADDRESS = /href|src/i;

/** CommonMark (with GFM tables) for a fragment of our HTML; `''` for an empty one. */
export function htmlToMarkdown(html: string, resolve?: ResolveHref): string {
  if (!html.trim()) return '';
  const reusable = !HAS_ADDRESS.test(html);
  const known = reusable ? linkFree.get(html) : undefined;
  if (known !== undefined) return known;
  const mdast = toMdast(parse(html, resolve));
  const markdown = toMarkdown(mdast, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', fences: true, rule: '-' }).trim();
  if (reusable) {
    if (linkFree.size >= LINK_FREE_LIMIT) linkFree.clear();
    linkFree.set(html, markdown);
  }
  return markdown;
}

/** The text a reader sees, whitespace collapsed to single spaces: for one-line summaries. */
export function htmlToText(html: string): string {
  if (!html.trim()) return '';
  return toText(parse(html), { whitespace: 'normal' }).replace(/\s+/g, ' ').trim();
}

/**
 * The code an HTML fragment shows (an error body): the text of its first `<pre>` block, line breaks kept,
 * or all of its text when it has none.
 */
export function htmlToCode(html: string): string {
  if (!html.trim()) return '';
  const tree = parse(html);
  let pre: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'pre') return undefined;
    pre ??= node;
    return false;
  });
  return toText(pre ?? tree, { whitespace: 'pre' }).trim();
}
