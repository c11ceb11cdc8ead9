/**
 * Raw HTML in content stays HTML (kramdown passes it through, and real trees use tables, `<div>`s and
 * `<code>` spans), but nothing in it runs in a reader's browser: a docs repository takes pull requests, and
 * a page of the reference must not become a way to run script on the site (or on a host Starlight site).
 *
 * Removed, each with a warning naming what was removed:
 * - elements that run code or change how the whole page loads, with their content: `<script>`, `<object>`,
 *   `<embed>`, `<applet>`, `<base>`, `<meta>`, `<frame>`, `<frameset>`, and SVG's `<set>`/`<animate…>`
 *   (which can rewrite an `href` to `javascript:`);
 * - event-handler attributes (`on…`) and `srcdoc`;
 * - URL attributes whose scheme Markdown links refuse (safe-url.ts), after entities are decoded
 *   (`jav&#x61;script:` is `javascript:` to a browser).
 *
 * Only the offending tags are touched: every other byte of the HTML is kept as written, so pages stay what
 * kramdown would have made of them. htmlparser2 parses as browsers tokenise (script content is raw text,
 * entities are decoded in attribute values).
 */
import { Parser } from 'htmlparser2';
import { escapeAttr } from './html-tags.ts';
import { isSafeUrl, URL_ATTRIBUTES } from './safe-url.ts';

export const REMOVED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'frame',
  'frameset',
  'set',
  'animate',
  'animatemotion',
  'animatetransform',
]);

/** One thing removed: what it was and why it goes (callers word the sentence: removed, or refused). */
export interface Removal {
  what: string;
  why: string;
}

export const RUNS_CODE = 'content cannot run code on the site';
export const LOADS_CODE = 'content cannot run code or load objects on the site';
export const NOT_LINKED = 'javascript:, vbscript:, file: and data: URLs are not linked, as in Markdown links';

export function shownUrl(url: string): string {
  return url.length > 60 ? `${url.slice(0, 59)}…` : url;
}

/** Whether an attribute (lower-case name) with this value is removed. */
export function isBadAttribute(attr: string, value: unknown): boolean {
  if (/^on/.test(attr) || attr === 'srcdoc') return true;
  return URL_ATTRIBUTES.has(attr) && typeof value === 'string' && !isSafeUrl(value);
}

export function attributeRemoval(attr: string, value: unknown, element: string): Removal {
  if (/^on/.test(attr) || attr === 'srcdoc') return { what: `the ${attr} attribute of <${element}>`, why: RUNS_CODE };
  return { what: `${attr}="${shownUrl(String(value))}" of <${element}>`, why: NOT_LINKED };
}

export function elementRemoval(name: string): Removal {
  return { what: `a <${name}> element`, why: LOADS_CODE };
}

export interface GuardedHtml {
  html: string;
  /** What was removed, in document order. */
  removed: Removal[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Whether `html` may hold anything the guard removes (a cheap test before parsing). */
export function mayNeedGuard(html: string): boolean {
  // A refused scheme may be split by tabs or newlines (`java\tscript:`) or written with entities (`&#x61;`).
  return (
    /<[a-z]/i.test(html) &&
    /<\s*(script|object|embed|applet|base|meta|frame|set|animate)|\son[a-z]*\s*=|srcdoc|script\s*:|file\s*:|data\s*:|&/i.test(html)
  );
}

/** `html` without the constructs listed above, and what was removed. */
export function guardHtml(html: string): GuardedHtml {
  if (!mayNeedGuard(html)) return { html, removed: [] };
  const edits: Edit[] = [];
  const removed: Removal[] = [];
  // The element being removed (its start), and how deep inside it the parser is.
  let dropping: { name: string; start: number; depth: number } | undefined;
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (dropping) {
          if (name === dropping.name) dropping.depth++;
          return;
        }
        if (REMOVED_ELEMENTS.has(name)) {
          dropping = { name, start, depth: 1 };
          removed.push(elementRemoval(name));
          return;
        }
        const dropped: string[] = [];
        for (const [attr, value] of Object.entries(attribs)) {
          if (!isBadAttribute(attr, value)) continue;
          dropped.push(attr);
          removed.push(attributeRemoval(attr, value, name));
        }
        if (!dropped.length) return;
        const written = Object.entries(attribs)
          .filter(([attr]) => !dropped.includes(attr))
          .map(([attr, value]) => ` ${attr}="${escapeAttr(value)}"`)
          .join('');
        const selfClosing = /\/\s*>$/.test(html.slice(start, end));
        edits.push({ start, end, text: `<${name}${written}${selfClosing ? ' /' : ''}>` });
      },
      onclosetag(name) {
        if (!dropping || name !== dropping.name) return;
        if (--dropping.depth > 0) return;
        edits.push({ start: dropping.start, end: Math.max(parser.endIndex + 1, dropping.start), text: '' });
        dropping = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  // An element still open at the end (a `<script>` never closed) is removed to the end.
  if (dropping) {
    edits.push({ start: dropping.start, end: html.length, text: '' });
    dropping = undefined;
  }
  parser.end();
  if (!edits.length) return { html, removed };
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    out += html.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return { html: out + html.slice(at), removed };
}
