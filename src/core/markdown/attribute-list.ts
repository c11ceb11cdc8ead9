/**
 * kramdown's attribute-list grammar (parser/kramdown/attribute_list.rb), read in one pass. kramdown scans
 * with ALD_TYPE_ANY:
 *   (?:\A|\s)(?:(\w[\w-]*)=("|')((?:\\\}|\\\2|[^}])*?)\2|(\w[\w-]*)|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|\Z)
 * whose lazy quoted value, retried at every key, is quadratic on `a="a a="a …`. This reader gives the same
 * items: a value ends at the first closing quote that is not escaped and is followed by a space or the end,
 * before any unescaped `}`; failing that, where the expression's backtracking ends, at the last escaped one.
 */
export type AttrOp = { kind: 'class'; value: string } | { kind: 'set'; name: string; value: string };

export interface AttributeList {
  ops: AttrOp[];
  /** Names of attribute list definitions to apply first. */
  refs: string[];
}

const SPACE = /\s/;
const WORD = /\w/;
const ID_OR_CLASS = /#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g;

/** End (exclusive) of `\w[\w-]*` at `i`, or -1. */
function wordEnd(s: string, i: number): number {
  if (i >= s.length || !WORD.test(s[i])) return -1;
  let j = i + 1;
  while (j < s.length && (WORD.test(s[j]) || s[j] === '-')) j++;
  return j;
}

/** End (exclusive) of `(?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+` at `i`, or -1. */
function idsAndClassesEnd(s: string, i: number): number {
  let j = i;
  for (;;) {
    if (s[j] === '#' && /[A-Za-z]/.test(s[j + 1] ?? '')) {
      j += 2;
      while (j < s.length && /[\w:-]/.test(s[j])) j++;
    } else if (s[j] === '.' && j + 1 < s.length && !/[\s.#]/.test(s[j + 1])) {
      j += 2;
      while (j < s.length && !/[\s.#]/.test(s[j])) j++;
    } else return j > i ? j : -1;
  }
}

/** Per-text look-ups for quoted values, built once in a backward and a forward pass. */
function valueIndex(s: string) {
  const n = s.length;
  const endsHere = (j: number) => j + 1 === n || SPACE.test(s[j + 1]);
  const escaped = (j: number) => j > 0 && s.charCodeAt(j - 1) === 0x5c;
  const make = () => new Int32Array(n + 1).fill(-1);
  const firstGood = { '"': make(), "'": make() };
  const nextBare = make();
  for (let j = n - 1; j >= 0; j--) {
    for (const q of ['"', "'"] as const) firstGood[q][j] = s[j] === q && !escaped(j) && endsHere(j) ? j : firstGood[q][j + 1];
    nextBare[j] = s[j] === '}' && !escaped(j) ? j : nextBare[j + 1];
  }
  const lastEscapedGood = { '"': make(), "'": make() };
  for (let j = 0; j < n; j++) {
    for (const q of ['"', "'"] as const)
      lastEscapedGood[q][j] = s[j] === q && escaped(j) && endsHere(j) ? j : j > 0 ? lastEscapedGood[q][j - 1] : -1;
  }
  /** Index of the closing quote of a value opened with `q` just before `v`, or -1. */
  return (q: '"' | "'", v: number): number => {
    const dead = nextBare[v] < 0 ? n : nextBare[v];
    const good = firstGood[q][v];
    if (good >= 0 && good < dead) return good;
    const fallback = dead > 0 ? lastEscapedGood[q][dead - 1] : -1;
    return fallback >= v + 1 ? fallback : -1;
  };
}

export function parseAttributeList(source: string): AttributeList {
  const list: AttributeList = { ops: [], refs: [] };
  const trimmed = source.trim();
  if (trimmed === '' || trimmed === ':') return list;
  const s = source;
  const n = s.length;
  let closeOf: ReturnType<typeof valueIndex> | undefined;
  const endsItem = (j: number) => j === n || SPACE.test(s[j]);

  /** One item at `i` (after the `\A` or the space before it): its end, having recorded it, or -1. */
  const item = (i: number): number => {
    const key = wordEnd(s, i);
    if (key > 0 && s[key] === '=' && (s[key + 1] === '"' || s[key + 1] === "'")) {
      const q = s[key + 1] as '"' | "'";
      const close = (closeOf ??= valueIndex(s))(q, key + 2);
      if (close >= 0) {
        const value = s.slice(key + 2, close).replace(q === '"' ? /\\([}"])/g : /\\([}'])/g, '$1');
        list.ops.push({ kind: 'set', name: s.slice(i, key), value });
        return close + 1;
      }
    }
    if (key > 0 && endsItem(key)) {
      list.refs.push(s.slice(i, key));
      return key;
    }
    const ids = idsAndClassesEnd(s, i);
    if (ids > 0 && endsItem(ids)) {
      for (const part of s.slice(i, ids).matchAll(ID_OR_CLASS)) {
        if (part[2] !== undefined) list.ops.push({ kind: 'class', value: part[2] });
        else list.ops.push({ kind: 'set', name: 'id', value: part[1] ?? '' });
      }
      return ids;
    }
    return -1;
  };

  let pos = 0;
  while (pos < n) {
    let next = pos === 0 ? item(0) : -1;
    if (next < 0 && SPACE.test(s[pos])) next = item(pos + 1);
    pos = next >= 0 ? next : pos + 1;
  }
  return list;
}
