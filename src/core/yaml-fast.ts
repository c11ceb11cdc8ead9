/**
 * The fast path of parseYaml (yaml.ts): js-yaml, about ten times faster than the `yaml` library's document
 * parser, for the plain YAML most files are. It reads scalars exactly as the `yaml` library's core schema
 * does (same patterns for null, booleans, integers and floats; no timestamps), and it declines, returning
 * undefined, wherever the two could differ or where the `yaml` path does more than parse: anchors and
 * aliases that nest or are used past the alias limit (cross-file aliases, alias-expansion limits), merge keys, directives, several documents,
 * duplicate keys (js-yaml throws; the `yaml` path warns, last wins), keys that are not plain strings, deep
 * nesting, and every js-yaml error. The caller then parses with the `yaml` library, which also gives
 * line numbers; tests/unit/yaml-fast.test.ts holds both paths to the same data on every YAML file of the
 * fixtures and the corpus.
 */
import yaml from 'js-yaml';

const { FAILSAFE_SCHEMA, Type, load } = yaml;

/** Scalar types with the `yaml` library's core-schema patterns (yaml/dist/schema/core). */
const scalar = (tag: string, test: RegExp, construct: (s: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: string | null) => test.test(s ?? ''),
    construct: (s) => construct(s ?? ''),
  });

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', NULL, () => null),
    scalar('bool', BOOL, (s) => s[0] === 't' || s[0] === 'T'),
    scalar('int', new RegExp(`${INT.source}|${OCT.source}|${HEX.source}`), (s) =>
      OCT.test(s) ? parseInt(s.slice(2), 8) : HEX.test(s) ? parseInt(s.slice(2), 16) : parseInt(s, 10),
    ),
    scalar('float', new RegExp(`${NAN.source}|${EXP.source}|${FLOAT.source}`), (s) =>
      NAN.test(s) ? (/nan/i.test(s) ? NaN : s[0] === '-' ? -Infinity : Infinity) : parseFloat(s),
    ),
  ],
});

/**
 * Text the fast path leaves to the `yaml` library: merge keys, directives, several documents. Anchors are
 * found by the parser itself (below), not in the text, where `*` and `&` are common in Markdown and URLs.
 */
const DECLINE = /<<\s*:|^%|^---[^\n]*\n[\s\S]*^(?:---|\.\.\.)/m;
/** Keys that a non-string plain scalar could have made (the libraries turn those into strings differently). */
const TYPED_KEY = new RegExp(
  `${NULL.source}|${BOOL.source}|${INT.source}|${OCT.source}|${HEX.source}|${NAN.source}|${EXP.source}|${FLOAT.source}`,
);

/** Before an alias node's `*`: the separation space and comments js-yaml skips after opening a node. */
const ALIAS_START = /^(?:\s|#[^\n]*)*\*([^\s,[\]{}]+)/;

type ParserState = yaml.State & { anchor?: string | null };

/**
 * The parsed data, or undefined where the `yaml` library must read the text. Anchors and aliases are read
 * here only in the simple case: no alias inside an anchored node (so nothing expands more than once over),
 * no anchor used more often than `maxAliases` allows, no anchor name defined twice, and no alias or
 * collection used as a key. Then js-yaml gives what the `yaml` path gives (an alias is the anchored value
 * itself), and the `yaml` path keeps every case where its alias rules report something (nested aliases,
 * too many uses, an alias with no anchor, which js-yaml refuses) or where the two read a text differently.
 */
export function parseYamlFast(text: string, maxDepth: number, maxAliases = 100): { data: unknown } | undefined {
  if (DECLINE.test(text)) return undefined;
  let data: unknown;
  const opened: number[] = [];
  const aliases: number[] = [];
  const uses = new Map<string, number>();
  const anchored: Array<[start: number, end: number]> = [];
  /** Where each anchor name's node ends: js-yaml reports one definition at up to two nested closes. */
  const definitions = new Map<string, number>();
  let declined = false;
  // js-yaml tells a listener where each node opens and closes; an anchored node has `anchor` set on its
  // parser state when it closes (a field js-yaml's types omit), and an alias node's text starts with `*`.
  const listener = (event: string, state: ParserState) => {
    if (event === 'open') {
      opened.push(state.position);
      return;
    }
    const start = opened.pop()!;
    let alias: RegExpExecArray | null = null;
    if (state.anchor != null) {
      anchored.push([start, state.position]);
      const end = definitions.get(state.anchor);
      if (end !== undefined && end !== state.position) declined = true;
      definitions.set(state.anchor, state.position);
    } else if (state.kind === null && (alias = ALIAS_START.exec(text.slice(start, state.position)))) {
      aliases.push(start);
      uses.set(alias[1]!, (uses.get(alias[1]!) ?? 0) + 1);
    }
    // A key that is an alias or a collection: the libraries turn it into different strings.
    if ((alias || state.kind === 'mapping' || state.kind === 'sequence') && KEY_AFTER.test(text.slice(state.position, state.position + 80)))
      declined = true;
  };
  try {
    data = load(text, { schema: SCHEMA, json: false, listener });
  } catch {
    return undefined;
  }
  if (declined) return undefined;
  if (aliases.length) {
    if (maxAliases === 0 || [...uses.values()].some((n) => n + 1 > maxAliases)) return undefined;
    // Alias starts come in document order: one search per anchored node.
    if (anchored.some(([start, end]) => (aliases[firstAfter(aliases, start)] ?? Infinity) < end)) return undefined;
  }
  // An empty document: null, as the `yaml` library has it (js-yaml: undefined).
  // Every key a plain string, and nesting well inside the limit (the `yaml` path reports it with a line).
  const max = Math.floor(maxDepth / 2);
  const h = heights(max)(data);
  return h >= 0 && h <= max ? { data: data === undefined ? null : data } : undefined;
}

/** After a node: `:` then space or the end of the line, so the node was a key. */
const KEY_AFTER = /^[ \t]*:(?:[ \t\r\n]|$)/;

/** Index of the first value in sorted `list` greater than `value` (list.length when none). */
function firstAfter(list: number[], value: number): number {
  let [low, high] = [0, list.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! > value) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * How many collection levels each value has (-1 when a key is not a plain string), measured once per
 * object: a value reached through several aliases is one object, and walking it once per alias would cost
 * uses × size. Stops counting past `max`.
 */
function heights(max: number): (value: unknown) => number {
  const known = new Map<object, number>();
  const height = (value: unknown): number => {
    if (value === null || typeof value !== 'object') return 0;
    const seen = known.get(value);
    if (seen !== undefined) return seen;
    known.set(value, max + 1); // while measuring; an alias cannot reach back into its own node
    let levels = 1;
    if (!Array.isArray(value) && Object.keys(value).some((k) => TYPED_KEY.test(k))) levels = -1;
    else
      for (const child of Array.isArray(value) ? value : Object.values(value)) {
        const h = height(child);
        if (h < 0) {
          levels = -1;
          break;
        }
        levels = Math.max(levels, h + 1);
        if (levels > max) break;
      }
    known.set(value, levels);
    return levels;
  };
  return height;
}
