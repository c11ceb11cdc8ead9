/**
 * Request and response code text. Header strings in Jekyll sites carry real HTML (`<code class='apiUrl'>`)
 * because the original wrote them into the page raw; that markup is removed here, while angle-bracket
 * placeholders such as `<ACCESS_TOKEN>` are kept as text: they are what the reader must replace.
 */
import { decodeEntities } from '../html.ts';

/** Element names that count as markup in code text. Placeholders are upper-case, so only lower-case tags match. */
const HTML_ELEMENTS = [
  'a',
  'abbr',
  'b',
  'br',
  'code',
  'div',
  'em',
  'i',
  'kbd',
  'mark',
  'p',
  'pre',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'u',
  'var',
  'del',
  'ins',
  'wbr',
];
const TAG = new RegExp(`</?(?:${HTML_ELEMENTS.join('|')})(?:\\s[^<>]*)?/?>`, 'g');

/** Markup removed, entities decoded: the text a reader sees and copies. */
export function codeText(rendered: string): string {
  return decodeEntities(rendered.replace(TAG, ''));
}

export interface RequestParts {
  /** The rendered header string (`curl -X "POST" "https://…" \` plus `-H` lines), if any. */
  header?: string;
  /** The rendered code: a JSON body after a header, or a whole curl command on its own. */
  code: string;
}

/** Joins header and body the way the Jekyll include did: the header right-trimmed, a newline, the body. */
export function joinRequest({ header, code }: RequestParts): string {
  const body = code.replace(/^\n+/, '');
  if (!header?.trim()) return body.replace(/\s+$/, '');
  return `${header.replace(/\s+$/, '')}\n${body}`.replace(/\s+$/, '');
}

/** Removes indentation common to every non-blank line (block scalars keep their relative indentation). */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return min ? lines.map((l) => l.slice(min)).join('\n') : text;
}

/** Highlighter language for a sample. Seed files label curl commands `json`, so look at the text first. */
export function detectLanguage(code: string, declared?: string): string {
  const text = code.trim();
  if (/^(curl|http|wget)\b/.test(text)) return 'shellscript';
  if (/^[[{]/.test(text)) return 'json';
  if (/^'[[{]/.test(text)) return 'shellscript';
  const lang = (declared ?? '').toLowerCase();
  if (['shell', 'bash', 'sh', 'curl', 'shellscript'].includes(lang)) return 'shellscript';
  return lang && lang !== 'json' ? lang : 'text';
}
