/**
 * Raw HTML the way kramdown reads it. CommonMark ends an HTML block at the first blank line, after which
 * indented lines turn into code blocks; kramdown instead runs a block-level element to its matching end
 * tag, blank lines and all, and keeps the content raw unless `markdown="1|block|span"` asks for Markdown.
 * Span-level elements whose content kramdown keeps raw (`<code>`, `<kbd>`, …) are passed through whole,
 * so no smart quotes or emphasis happen inside them. Element lists: kramdown's parser/html.rb.
 */
import type { StateBlock, StateInline } from 'markdown-it';
import { isMarkdownAttr, matchStartTag, parseAttrs, withoutMarkdownAttr } from './html-tags.ts';
import { spend } from './scan.ts';

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));
const SPAN_ELEMENTS = words(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var',
);
const BLOCK_ELEMENTS = words(
  'address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul',
);
const VOID_ELEMENTS = words('area base br col command embed hr img input keygen link meta param source track wbr');
const BLOCK_MODEL = words(
  'address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td',
);
const SPAN_MODEL = words(
  'a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt',
);

type ContentModel = 'raw' | 'span' | 'block';

/** kramdown's HTML_MARKDOWN_ATTR_MAP; without the attribute (parse_block_html is off) content is raw. */
function contentModel(value: string | null | undefined, name: string): ContentModel {
  if (value === 'span' || value === 'block') return value;
  if (value === '1') return BLOCK_MODEL.has(name) ? 'block' : SPAN_MODEL.has(name) ? 'span' : 'raw';
  return 'raw';
}

const tagPatterns = new Map<string, RegExp>();
function tagPattern(name: string): RegExp {
  let re = tagPatterns.get(name);
  if (!re) {
    const escaped = name.replace(/[.]/g, '\\.');
    // `<` ends a tag outside quotes, so a scan cannot run on through later tags (linear, not quadratic).
    re = new RegExp(`<!--|<(/?)${escaped}(?=[\\s/>])(?:[^<>"']|"[^"]*"|'[^']*')*>`, 'gi');
    tagPatterns.set(name, re);
  }
  return re;
}

interface CloseTag {
  line: number;
  start: number;
  end: number;
}

/**
 * Finds the end tag matching an element opened before `from` (on `fromLine`), counting nested elements of
 * the same name and skipping comments. `firstOnly` takes the first end tag, as kramdown does for span content.
 * Stops where the enclosing container (list item, blockquote) ends.
 */
function findCloseTag(
  state: StateBlock,
  name: string,
  from: number,
  fromLine: number,
  endLine: number,
  firstOnly: boolean,
): CloseTag | null {
  const re = tagPattern(name);
  let depth = 1;
  let inComment = false;
  for (let line = fromLine; line < endLine; line++) {
    if (line > fromLine && (state.sCount[line] ?? 0) < state.blkIndent && !state.isEmpty(line)) return null;
    const lineStart = line === fromLine ? from : (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0);
    // Every unclosed element would scan to the end again: bounded by the render's scan budget (scan.ts).
    if (!spend(state.env, (state.eMarks[line] ?? 0) - lineStart + 1)) return null;
    const text = state.src.slice(lineStart, state.eMarks[line]);
    let pos = 0;
    while (pos < text.length) {
      if (inComment) {
        const end = text.indexOf('-->', pos);
        if (end < 0) break;
        inComment = false;
        pos = end + 3;
        continue;
      }
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m) break;
      pos = m.index + m[0].length;
      if (m[0] === '<!--') inComment = true;
      else if (m[1] === '/') {
        if (firstOnly || --depth === 0) return { line, start: lineStart + m.index, end: lineStart + pos };
      } else if (!firstOnly && !m[0].endsWith('/>')) depth++;
    }
  }
  return null;
}

function blankFrom(state: StateBlock, pos: number, line: number): boolean {
  return state.src.slice(pos, state.eMarks[line]).trim() === '';
}

/** Block rule, ahead of markdown-it's html_block: block-level elements that kramdown would read. */
export function kramdownHtmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  if (state.src.charCodeAt(start) !== 0x3c) return false;
  const tag = matchStartTag(state.src, start);
  if (!tag) return false;
  const name = tag.name.toLowerCase();
  if (SPAN_ELEMENTS.has(name)) return false;
  let tagLine = startLine;
  while (tagLine < endLine && (state.eMarks[tagLine] ?? 0) < tag.end - 1) tagLine++;
  if (tagLine >= endLine) return false;
  const mdAttr = parseAttrs(tag.attrs).find(isMarkdownAttr);
  const model = contentModel(mdAttr?.value, name);
  const openTag = state.src.slice(start, tag.end);
  const cleanOpen = mdAttr ? withoutMarkdownAttr(openTag) : openTag;

  if (tag.selfClosing || VOID_ELEMENTS.has(name)) {
    // Text after `<hr>` on the same line would be a paragraph for kramdown; leave that case to markdown-it.
    if (!blankFrom(state, tag.end, tagLine)) return false;
    if (silent) return true;
    pushHtml(state, 'html_block', cleanOpen + '\n', startLine, tagLine + 1, 0);
    state.line = tagLine + 1;
    return true;
  }

  const close = findCloseTag(state, name, tag.end, tagLine, endLine, model === 'span');
  // Unclosed: kramdown would swallow the rest of the document; markdown-it's html_block is kinder.
  if (!close) return false;
  if (silent) return true;
  const next = close.line + 1;

  if (model === 'raw') {
    const html = state.getLines(startLine, next, state.blkIndent, true);
    pushHtml(state, 'html_block', mdAttr ? withoutMarkdownAttr(html) : html, startLine, next, 0);
    state.line = next;
    return true;
  }

  const closeHtml = `${state.src.slice(close.start, state.eMarks[close.line]).trimEnd()}\n`;
  if (model === 'span' || !blankFrom(state, tag.end, tagLine)) {
    // One-line elements (the usual `<div markdown="span" …>…</div>`) and span content: inline Markdown.
    pushHtml(state, 'kramdown_html_open', cleanOpen, startLine, next, 1);
    const inline = state.push('inline', '', 0);
    inline.content = state.src.slice(tag.end, close.start);
    inline.map = [startLine, next];
    inline.children = [];
    pushHtml(state, 'kramdown_html_close', closeHtml, close.line, next, -1);
    state.line = next;
    return true;
  }

  // Block content: the lines between the tags are Markdown of their own.
  pushHtml(state, 'kramdown_html_open', `${cleanOpen}\n`, startLine, next, 1);
  const closeAtLineStart = close.start === (state.bMarks[close.line] ?? 0) + (state.tShift[close.line] ?? 0);
  const innerEnd = closeAtLineStart ? close.line : close.line + 1;
  const savedEnd = state.eMarks[close.line] ?? 0;
  const savedLineMax = state.lineMax;
  // Text before `</div>` on its last line belongs to the content: end that line at the tag for a moment.
  if (!closeAtLineStart) state.eMarks[close.line] = close.start;
  state.lineMax = innerEnd;
  state.md.block.tokenize(state, tagLine + 1, innerEnd);
  state.lineMax = savedLineMax;
  state.eMarks[close.line] = savedEnd;
  pushHtml(state, 'kramdown_html_close', closeHtml, close.line, next, -1);
  state.line = next;
  return true;
}

function pushHtml(state: StateBlock, type: string, content: string, from: number, to: number, nesting: -1 | 0 | 1): void {
  const token = state.push(type, '', nesting);
  token.content = content;
  token.map = [from, to];
  token.block = true;
}

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/**
 * Wraps markdown-it's html_block so a line opening with a span-level tag (`<img …>`, `<span>`) starts a
 * paragraph, as in kramdown, instead of a raw block that runs to the next blank line.
 */
export function guardHtmlBlock(original: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
    const m = /^<\/?([A-Za-z][\w:.-]*)/.exec(state.src.slice(start, Math.min(start + 64, state.eMarks[startLine] ?? 0)));
    if (m && SPAN_ELEMENTS.has((m[1] ?? '').toLowerCase())) return false;
    return original(state, startLine, endLine, silent);
  };
}

/** Inline rule, ahead of html_inline: raw-content span elements whole, and `markdown` attributes removed. */
export function kramdownHtmlSpan(state: StateInline, silent: boolean): boolean {
  const { pos, src } = state;
  if (src.charCodeAt(pos) !== 0x3c) return false;
  const tag = matchStartTag(src, pos);
  if (!tag || tag.end > state.posMax) return false;
  const name = tag.name.toLowerCase();
  if (BLOCK_ELEMENTS.has(name)) return false;
  const mdAttr = parseAttrs(tag.attrs).find(isMarkdownAttr);
  let parse = SPAN_MODEL.has(name);
  if (mdAttr?.value === 'span' || (mdAttr?.value === '1' && SPAN_MODEL.has(name))) parse = true;
  else if (mdAttr?.value === '0') parse = false;
  const bodiless = tag.selfClosing || VOID_ELEMENTS.has(name);
  if (!mdAttr && (parse || bodiless)) return false;
  let end = tag.end;
  if (!parse && !bodiless) {
    const close = findInlineClose(state, name, tag.end, state.posMax);
    if (close < 0 && !mdAttr) return false;
    if (close >= 0) end = close;
  }
  if (!silent) {
    const open = src.slice(pos, tag.end);
    state.push('html_inline', '', 0).content = (mdAttr ? withoutMarkdownAttr(open) : open) + src.slice(tag.end, end);
  }
  state.pos = end;
  return true;
}

function findInlineClose(state: StateInline, name: string, from: number, max: number): number {
  const { src } = state;
  // As for blocks: what a failed search scans is charged to the render's scan budget.
  if (!spend(state.env, 1)) return -1;
  const end = scanInlineClose(src, name, from, max);
  spend(state.env, (end < 0 ? max : end) - from);
  return end;
}

function scanInlineClose(src: string, name: string, from: number, max: number): number {
  const re = tagPattern(name);
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(src); m && m.index < max; m = re.exec(src)) {
    if (m[0] === '<!--') continue;
    if (m[1] === '/') {
      if (--depth === 0) return m.index + m[0].length <= max ? m.index + m[0].length : -1;
    } else if (!m[0].endsWith('/>')) depth++;
  }
  return -1;
}
