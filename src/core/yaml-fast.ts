/**
 * The fast path of parseYaml (yaml.ts): js-yaml, about ten times faster than the `yaml` library's document
 * parser, for the plain YAML most files are. It reads scalars exactly as the `yaml` library's core schema
 * does (same patterns for null, booleans, integers and floats; no timestamps), and it declines, returning
 * undefined, wherever the two could differ or where the `yaml` path does more than parse: anchors and
 * aliases (cross-file aliases, alias-expansion limits), merge keys, directives, several documents,
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

/** The parsed data, or undefined where the `yaml` library must read the text. */
export function parseYamlFast(text: string, maxDepth: number): { data: unknown } | undefined {
  if (DECLINE.test(text)) return undefined;
  let data: unknown;
  // A node with an anchor: the `yaml` path owns aliases (expansion limits, Jekyll's rules). An alias with no
  // anchor before it is a js-yaml error, so it declines too.
  let anchored = false;
  // js-yaml sets `anchor` on its parser state while it closes an anchored node (its types omit the field).
  const listener = (event: string, state: yaml.State) => {
    if (event === 'close' && (state as yaml.State & { anchor?: string | null }).anchor != null) anchored = true;
  };
  try {
    data = load(text, { schema: SCHEMA, json: false, listener });
  } catch {
    return undefined;
  }
  if (anchored) return undefined;
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
