/**
 * kramdown attribute lists:
 * - span IALs right after a span element: `[form](https://x.com/){:target="new"}`, `**bold**{:.cls}`;
 * - block IALs on a line of their own: `{: .note}` after a block applies to it, anywhere else to the next block;
 * - attribute list definitions `{:name: .cls key="v"}`, referenced by name from other lists;
 * - header ids: `#### Structuring data {#batch--structure}`.
 * The grammar follows kramdown's parser/kramdown/attribute_list.rb; the placement rules follow its
 * `parse_block_extensions` / `parse_span_extensions`.
 */
import type { StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import { parseAttributeList, type AttributeList } from './attribute-list.ts';
import { renderState } from './render-state.ts';
import { allowUrl, URL_ATTRIBUTES } from './safe-url.ts';
import { attributeLineContent, spanIalEnd } from './scan.ts';

export { parseAttributeList, type AttributeList, type AttrOp } from './attribute-list.ts';

export function applyAttributeList(token: Token, list: AttributeList, alds: ReadonlyMap<string, AttributeList>, depth = 0): void {
  // Definitions may refer to each other; kramdown would loop forever on a cycle, we stop.
  if (depth > 8) return;
  for (const ref of list.refs) {
    const ald = alds.get(ref);
    if (ald) applyAttributeList(token, ald, alds, depth + 1);
  }
  for (const op of list.ops) {
    if (op.kind === 'class') token.attrJoin('class', op.value);
    // An attribute list may not point a link or image where a Markdown link could not (safe-url.ts).
    else if (URL_ATTRIBUTES.has(op.name.toLowerCase()) && !allowUrl(op.value, op.name)) continue;
    else token.attrSet(op.name, op.value);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Block level

// `^\{:(\w[\w-]*):((?:\\\}|[^}])+)\}[ \t]*$` (ALD) and `^\{:(?![:/])((?:\\\}|[^}])+)\}[ \t]*$` (IAL), read by
// attributeLineContent in one pass.
const ALD_NAME = /^\{:(\w[\w-]*):/;

function attributeLine(line: string): { ald?: string; content: string } | null {
  const name = ALD_NAME.exec(line);
  if (name) {
    const content = attributeLineContent(line, name[0].length);
    if (content !== null) return { ald: name[1] ?? '', content };
  }
  if (line[2] === ':' || line[2] === '/') return null;
  const content = attributeLineContent(line, 2);
  return content === null ? null : { content };
}

/** Block rule for `{: …}` and `{:name: …}` lines. Both end a paragraph, as kramdown's LAZY_END says. */
export function blockAttributeRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const pos = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  if (state.src.charCodeAt(pos) !== 0x7b || state.src.charCodeAt(pos + 1) !== 0x3a) return false;
  const found = attributeLine(state.src.slice(pos, state.eMarks[startLine]));
  if (!found) return false;
  if (silent) return true;
  if (found.ald !== undefined) renderState(state.env).alds.set(found.ald, parseAttributeList(found.content));
  else {
    const token = state.push('kramdown_block_ial', '', 0);
    token.map = [startLine, startLine + 1];
    token.meta = { ial: parseAttributeList(found.content) };
  }
  state.line = startLine + 1;
  return true;
}

const HEADER_ID = /[\t ]\{#([A-Za-z][\w:-]*)\}$/;

/** Core rule (before inline parsing): header `{#id}`s, then block IALs onto their blocks. */
export function applyBlockAttributes(state: StateCore): void {
  const { tokens } = state;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const inline = tokens[i + 1];
    if (token?.type !== 'heading_open' || inline?.type !== 'inline') continue;
    const m = HEADER_ID.exec(inline.content);
    if (!m) continue;
    token.attrSet('id', m[1] ?? '');
    let text = inline.content.slice(0, m.index).trimEnd();
    // markdown-it saw `{#id}` as the end of the line, so closing #s before it are still there.
    if (token.markup.startsWith('#')) text = text.replace(/[\t ]#+$/, '').trimEnd();
    inline.content = text;
  }
  const { alds } = renderState(state.env);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.type !== 'kramdown_block_ial') continue;
    const target = previousBlock(tokens, i) ?? nextBlock(tokens, i);
    if (target) applyAttributeList(target, (token.meta as { ial: AttributeList }).ial, alds);
  }
}

/** The block directly above the IAL (no blank line between), as its opening token. */
function previousBlock(tokens: Token[], i: number): Token | undefined {
  const { level } = tokens[i] as Token;
  let line = tokens[i]?.map?.[0];
  let j = i - 1;
  // Stacked IAL lines all belong to the same block.
  while (tokens[j]?.type === 'kramdown_block_ial') line = tokens[j--]?.map?.[0];
  let prev = tokens[j];
  if (!prev || prev.level !== level || prev.nesting === 1) return undefined;
  if (prev.nesting === -1) {
    while (j > 0 && !(tokens[j]?.nesting === 1 && tokens[j]?.level === level)) j--;
    prev = tokens[j];
  }
  return prev?.map && prev.map[1] === line ? prev : undefined;
}

function nextBlock(tokens: Token[], i: number): Token | undefined {
  const { level } = tokens[i] as Token;
  let j = i + 1;
  while (tokens[j]?.type === 'kramdown_block_ial') j++;
  const next = tokens[j];
  return next && next.level === level && next.nesting !== -1 ? next : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Span level

// `\{:((?:\\\}|[^}])+)\}` at the position, found through spanIalEnd's index (scan.ts).

/** Inline rule: a `{:…}` straight after a span element becomes a marker, resolved once emphasis is known. */
export function spanAttributeRule(state: StateInline, silent: boolean): boolean {
  const { pos, src } = state;
  if (src.charCodeAt(pos) !== 0x7b || src.charCodeAt(pos + 1) !== 0x3a) return false;
  const third = src.charCodeAt(pos + 2);
  if (third === 0x3a || third === 0x2f) return false; // `{::ext}` / `{:/}` are extensions
  // kramdown ignores an IAL that follows text; it stays in the output as written.
  if (state.pending !== '' || state.tokens.length === 0) return false;
  const end = spanIalEnd(state, src, pos);
  if (end < 0 || end > state.posMax) return false;
  if (!silent) {
    const token = state.push('kramdown_span_ial', '', 0);
    token.content = src.slice(pos, end);
    token.meta = { ial: parseAttributeList(src.slice(pos + 2, end - 1)) };
  }
  state.pos = end;
  return true;
}

/** ruler2 rule (after emphasis): attach each span IAL to the element before it, or give it back as text. */
export function resolveSpanAttributes(state: StateInline): void {
  const { tokens } = state;
  const { alds } = renderState(state.env);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.type !== 'kramdown_span_ial') continue;
    const target = spanTarget(tokens, i - 1);
    if (target) {
      applyAttributeList(target, (token.meta as { ial: AttributeList }).ial, alds);
      // Kept as an empty marker (rendered as nothing) so the text on either side stays apart, as for kramdown.
    } else {
      token.type = 'text';
    }
  }
}

function spanTarget(tokens: Token[], j: number): Token | undefined {
  // Emphasis leaves an emptied delimiter token next to `strong_close`; it stands for nothing.
  while (tokens[j]?.type === 'text' && tokens[j]?.content === '') j--;
  const prev = tokens[j];
  if (!prev) return undefined;
  if (prev.type === 'code_inline' || prev.type === 'image') return prev;
  if (prev.type === 'html_inline') return htmlTarget(tokens, j);
  if (prev.nesting !== -1 || !prev.type.endsWith('_close')) return undefined;
  const openType = prev.type.replace(/_close$/, '_open');
  let depth = 0;
  for (let k = j; k >= 0; k--) {
    const t = tokens[k];
    if (t?.type === prev.type) depth++;
    else if (t?.type === openType && --depth === 0) return t;
  }
  return undefined;
}

/** `<span>x</span>{:.y}` targets the `<span …>` token; `<img …>{:.y}` the tag itself. */
function htmlTarget(tokens: Token[], j: number): Token | undefined {
  const html = tokens[j]?.content ?? '';
  const close = /^<\/([A-Za-z][\w:.-]*)\s*>$/.exec(html);
  if (!close) return /^<[A-Za-z][^>]*\/>$|^<(?:img|br|input|hr|wbr)\b/i.test(html) ? tokens[j] : undefined;
  const name = (close[1] ?? '').replace(/[.]/g, '\\.');
  const closeTag = new RegExp(`^</${name}\\s*>$`, 'i');
  const openTag = new RegExp(`^<${name}(?=[\\s/>])`, 'i');
  let depth = 0;
  for (let k = j; k >= 0; k--) {
    const t = tokens[k];
    if (t?.type !== 'html_inline') continue;
    if (closeTag.test(t.content)) depth++;
    else if (openTag.test(t.content) && --depth === 0) return t;
  }
  return undefined;
}
