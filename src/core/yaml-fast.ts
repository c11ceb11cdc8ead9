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
 * here only in the simple case: no alias inside an anchored node (so nothing expands more than once over)
 * and no anchor used more often than `maxAliases` allows. Then js-yaml gives what the `yaml` path gives
 * (an alias is the anchored value itself, the latest anchor of that name), and the `yaml` path keeps every
 * case where its alias rules report something (nested aliases, too many uses, an alias with no anchor,
 * which js-yaml refuses).
 */
export function parseYamlFast(text: string, maxDepth: number, maxAliases = 100): { data: unknown } | undefined {
  if (DECLINE.test(text)) return undefined;
  let data: unknown;
  const opened: number[] = [];
  const aliases: number[] = [];
  const uses = new Map<string, number>();
  const anchored: Array<[start: number, end: number]> = [];
  // js-yaml tells a listener where each node opens and closes; an anchored node has `anchor` set on its
  // parser state when it closes (a field js-yaml's types omit), and an alias node's text starts with `*`.
  const listener = (event: string, state: ParserState) => {
    if (event === 'open') {
      opened.push(state.position);
      return;
    }
    const start = opened.pop()!;
    if (state.anchor != null) anchored.push([start, state.position]);
    else if (state.kind === null) {
      const alias = ALIAS_START.exec(text.slice(start, state.position));
      if (alias) {
        aliases.push(start);
        uses.set(alias[1]!, (uses.get(alias[1]!) ?? 0) + 1);
      }
    }
  };
  try {
    data = load(text, { schema: SCHEMA, json: false, listener });
  } catch {
    return undefined;
  }
  if (aliases.length) {
    if (maxAliases === 0 || [...uses.values()].some((n) => n + 1 > maxAliases)) return undefined;
    if (anchored.some(([start, end]) => aliases.some((at) => at > start && at < end))) return undefined;
  }
  // An empty document: null, as the `yaml` library has it (js-yaml: undefined).
  return plain(data, 0, Math.floor(maxDepth / 2)) ? { data: data === undefined ? null : data } : undefined;
}

/** Every key a plain string, and nesting well inside the limit (the `yaml` path reports it with a line). */
function plain(value: unknown, depth: number, max: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth >= max) return false;
  if (Array.isArray(value)) return value.every((v) => plain(v, depth + 1, max));
  for (const [k, v] of Object.entries(value)) if (TYPED_KEY.test(k) || !plain(v, depth + 1, max)) return false;
  return true;
}
