/**
 * kramdown's built-in extensions, block (`{::name}` and `{:/name}` on lines of their own) and span forms:
 * `nomarkdown` passes its body through untouched, `comment` becomes an HTML comment, `options` is dropped.
 * Other extension names are left alone, so they show up as text just as kramdown's warning case does.
 */
import type { StateBlock, StateInline } from 'markdown-it';
import { parseAttributeList } from './attribute-list.ts';
import { extensionTagEnd, spend } from './scan.ts';

const NAMES = 'comment|nomarkdown|options';
const BLOCK_START = new RegExp(`^\\{::(${NAMES})((?:\\s(?:\\\\\\}|[^}])*?)?)(\\/)?\\}[ \\t]*$`);
// `\{::(names)((?:\s(?:\\\}|[^}])*?)?)(\/)?\}`: the name here, the rest through extensionTagEnd (scan.ts).
const SPAN_NAME = new RegExp(`\\{::(${NAMES})`, 'y');

/** What an extension writes: nomarkdown only for HTML output (its `type` may name other converters). */
function output(name: string, options: string, body: string, block: boolean): string {
  if (name === 'comment') return block ? `<!-- ${body.replace(/\n$/, '')} -->\n` : `<!-- ${body} -->`;
  if (name !== 'nomarkdown') return '';
  const type = parseAttributeList(options).ops.find((op) => op.kind === 'set' && op.name === 'type');
  if (type && type.kind === 'set' && type.value.trim() !== '' && !/\bhtml\b/.test(type.value)) return '';
  return body;
}

export function blockExtensionRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  // Extensions never interrupt a paragraph in kramdown, so there is nothing to answer in silent mode.
  if (silent || (state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const pos = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  if (state.src.charCodeAt(pos) !== 0x7b || state.src.charCodeAt(pos + 1) !== 0x3a) return false;
  const m = BLOCK_START.exec(state.src.slice(pos, state.eMarks[startLine]));
  if (!m) return false;
  const name = m[1] ?? '';
  let stopLine = startLine;
  if (m[3] !== '/') {
    const stop = new RegExp(`^\\{:/(?:${name})?\\}[ \\t]*$`);
    stopLine = -1;
    for (let line = startLine + 1; line < endLine; line++) {
      // Each unclosed start would scan to the end again: bounded by the render's scan budget.
      if (!spend(state.env, (state.eMarks[line] ?? 0) - (state.bMarks[line] ?? 0) + 1)) break;
      if ((state.sCount[line] ?? 0) - state.blkIndent >= 4) continue;
      const begin = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0);
      if (stop.test(state.src.slice(begin, state.eMarks[line]))) {
        stopLine = line;
        break;
      }
    }
    if (stopLine < 0) return false;
  }
  const body = stopLine > startLine ? state.getLines(startLine + 1, stopLine, state.blkIndent, true) : '';
  const html = output(name, m[2] ?? '', body, true);
  if (html !== '') {
    const token = state.push('html_block', '', 0);
    token.content = html.endsWith('\n') ? html : `${html}\n`;
    token.map = [startLine, stopLine + 1];
  }
  state.line = stopLine + 1;
  return true;
}

export function spanExtensionRule(state: StateInline, silent: boolean): boolean {
  const { pos, src } = state;
  if (src.charCodeAt(pos) !== 0x7b || src.charCodeAt(pos + 1) !== 0x3a || src.charCodeAt(pos + 2) !== 0x3a) return false;
  SPAN_NAME.lastIndex = pos;
  const named = SPAN_NAME.exec(src);
  if (!named) return false;
  const name = named[1] ?? '';
  const tag = extensionTagEnd(state, src, pos + named[0].length);
  if (!tag || tag.end > state.posMax) return false;
  const bodyStart = tag.end;
  let end = bodyStart;
  let body = '';
  if (!tag.selfClosing) {
    const found = stopTag(state, name, bodyStart);
    if (found < 0) return false;
    body = src.slice(bodyStart, found);
    end = src.indexOf('}', found) + 1;
  }
  if (!silent) {
    const html = output(name, tag.options, body, false);
    if (html !== '') state.push('html_inline', '', 0).content = html;
  }
  state.pos = end;
  return true;
}

/** Where `{:/name}` or `{:/}` starts after `from` (within posMax), or -1. Remembered per text and name. */
function stopTag(state: StateInline, name: string, from: number): number {
  const memo = (stops.get(state) ?? stops.set(state, new Map()).get(state)!) as Map<string, { from: number; at: number }>;
  const key = `${name}\0${state.posMax}`;
  const known = memo.get(key);
  // The first stop at or after `from` is the one found for an earlier `from`, if this one is not past it.
  if (known && known.from <= from && (known.at < 0 || from <= known.at)) return known.at;
  const stop = new RegExp(`\\{:/(?:${name})?\\}`, 'g');
  stop.lastIndex = from;
  const found = stop.exec(state.src);
  const at = found && found.index + found[0].length <= state.posMax ? found.index : -1;
  memo.set(key, { from, at });
  return at;
}

const stops = new WeakMap<StateInline, Map<string, { from: number; at: number }>>();
