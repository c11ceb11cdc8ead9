/**
 * HTML reading for the site tests, on node-html-parser (a non-correcting parser: what the page holds is
 * what we read). Text is normalised the way /work/shared/corpus/expected/README.md describes the reference
 * data: tags removed, whitespace runs collapsed to one space, trimmed.
 */
import { HTMLElement, parse } from 'node-html-parser';

export { HTMLElement };

export function parseHtml(html: string): HTMLElement {
  // `pre` is parsed as elements (the default keeps it as raw text); comments are dropped.
  return parse(html, { comment: false, blockTextElements: { script: true, noscript: true, style: true } });
}

/** Tags removed (entities decoded), whitespace runs collapsed to one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** kramdown and our Markdown renderer may differ in smart quotes; both sides are folded for prose. */
export function foldQuotes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
}

/** Normalised text of an element, or null when there is no element. */
export function textOf(el: HTMLElement | null | undefined): string | null {
  return el ? collapse(el.textContent) : null;
}

/** Element children of `el`, optionally only those with the given tag name (case-insensitive). */
export function childElements(el: HTMLElement, tag?: string): HTMLElement[] {
  return el.childNodes.filter(
    (n): n is HTMLElement => n instanceof HTMLElement && (tag === undefined || n.rawTagName?.toLowerCase() === tag.toLowerCase()),
  );
}

export function hasClass(el: HTMLElement, cls: string): boolean {
  return (el.getAttribute('class') ?? '').split(/\s+/).includes(cls);
}
