/**
 * Linear-time scanning for the kramdown extensions. Written as regular expressions, kramdown's rules are
 * quadratic (or worse) on hostile input: each unclosed `{::nomarkdown`, `{:` or `<code>` made a scan to
 * the end of the text, so 156 KB of `<a x ` took 27 s. Here:
 * - the end of a `{…}` construct (the first `}` not escaped by `\`, else the last escaped one, which is
 *   where the regular expressions' backtracking lands) is looked up in a per-text index built once;
 * - searches for a closing tag or extension end that can still be long are charged to a per-render
 *   budget (`scanBudget`, a multiple of the input's length); once it is spent, an opener whose closer has
 *   not been found is treated as unclosed, which only hostile input ever reaches.
 */
import type { Env } from 'markdown-it';
import { renderState } from './render-state.ts';

/** Characters a render may scan looking for closers: far more than any real document needs. */
export function scanBudgetFor(length: number): number {
  return 16 * length + 1_000_000;
}

/** Charges `chars` of scanning to this render; false when the budget is spent (treat as not found). */
export function spend(env: Env, chars: number): boolean {
  const state = renderState(env);
  state.scanBudget -= Math.max(chars, 1);
  return state.scanBudget >= 0;
}

interface BraceIndex {
  /** For each position, the first bare `}` (not preceded by `\`) at or after it, or -1. */
  nextBare: Int32Array;
  /** For each position, the first `/}` or bare `}` at or after it (an extension tag's end), or -1. */
  nextTagEnd: Int32Array;
  /** The last `\}` in the text (index of the `}`), or -1. */
  lastEscaped: number;
}

const indexes = new WeakMap<object, { src: string; index: BraceIndex }>();

/** The brace index of `src`, built once per parse state (`owner`) in one backward pass. */
function braceIndex(owner: object, src: string): BraceIndex {
  const hit = indexes.get(owner);
  if (hit && hit.src === src) return hit.index;
  const n = src.length;
  const nextBare = new Int32Array(n + 1).fill(-1);
  const nextTagEnd = new Int32Array(n + 1).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    const bare = src.charCodeAt(i) === 0x7d && (i === 0 || src.charCodeAt(i - 1) !== 0x5c);
    nextBare[i] = bare ? i : nextBare[i + 1];
    nextTagEnd[i] = bare || (src.charCodeAt(i) === 0x2f && src.charCodeAt(i + 1) === 0x7d) ? i : nextTagEnd[i + 1];
  }
  const escaped = src.lastIndexOf('\\}');
  const index = { nextBare, nextTagEnd, lastEscaped: escaped < 0 ? -1 : escaped + 1 };
  indexes.set(owner, { src, index });
  return index;
}

/**
 * `\{:((?:\\\}|[^}])+)\}` at `pos` (a span IAL): the index just past its `}`, or -1. The content runs to
 * the first bare `}`; with none, backtracking ends it at the last `\}`.
 */
export function spanIalEnd(owner: object, src: string, pos: number): number {
  const { nextBare, lastEscaped } = braceIndex(owner, src);
  const start = pos + 2;
  const bare = nextBare[start];
  if (bare >= 0) return bare > start ? bare + 1 : -1;
  return lastEscaped > start ? lastEscaped + 1 : -1;
}

/**
 * The end of an extension tag's options (`{::name options}` / `{::name options/}`), for the lazy
 * `((?:\s(?:\\\}|[^}])*?)?)(\/)?\}` after the name at `pos`: where the closing `/}` or `}` starts and
 * whether it self-closes, or null.
 */
export function extensionTagEnd(owner: object, src: string, pos: number): { options: string; end: number; selfClosing: boolean } | null {
  const at = (i: number) => ({ end: i + (src[i] === '/' ? 2 : 1), selfClosing: src[i] === '/' });
  const c = src[pos];
  if (c === '}' || (c === '/' && src[pos + 1] === '}')) return { options: '', ...at(pos) };
  if (c === undefined || !/\s/.test(c)) return null;
  const { nextTagEnd, lastEscaped } = braceIndex(owner, src);
  const stop = nextTagEnd[pos + 1];
  if (stop >= 0) return { options: src.slice(pos, stop), ...at(stop) };
  // No closer ahead: the regular expression backtracks to the last `\}` and ends there.
  if (lastEscaped > pos) return { options: src.slice(pos, lastEscaped), end: lastEscaped + 1, selfClosing: false };
  return null;
}

/**
 * A block IAL or ALD line, `{:…}` (optionally `{:name:…}`) with only spaces or tabs after the closing
 * brace: its content, or null. Same rule as above: no bare `}` inside; the last `}` on the line ends it.
 */
export function attributeLineContent(line: string, from: number): string | null {
  let end = line.length - 1;
  while (end >= 0 && (line[end] === ' ' || line[end] === '\t')) end--;
  if (end <= from || line[end] !== '}') return null;
  for (let i = from; i < end; i++) if (line.charCodeAt(i) === 0x7d && line.charCodeAt(i - 1) !== 0x5c) return null;
  return line.slice(from, end);
}
