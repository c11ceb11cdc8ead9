/**
 * Unknown keys in front matter and config: a typo such as `argumnets:` or `titel:` used to drop its
 * content without a word. The known keys are read from the zod schemas themselves (there is no second
 * list to keep in step), nested objects included: an argument's `subarguments` entries, examples,
 * versions. A Jekyll tree's templates read keys this generator does not, so a config overlay may declare
 * extra known keys (`front-matter.known-keys`).
 */
import type { z } from 'zod';
import { didYouMean } from './suggest.ts';
import type { FieldPath } from './yaml.ts';

/** The keys of a mapping; for each key, the tree of its value when that is (a list of) mappings. */
export interface KeyTree {
  keys: Map<string, KeyTree | undefined>;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const trees = new WeakMap<z.ZodType, KeyTree | undefined>();

function merge(into: KeyTree, from: KeyTree): void {
  for (const [key, child] of from.keys) {
    const prior = into.keys.get(key);
    if (prior && child && prior !== child) merge(prior, child);
    else if (!prior) into.keys.set(key, child);
  }
}

/**
 * The key tree of a schema, or undefined when its values are not mappings with a fixed set of keys
 * (strings, records). Memoised per schema, which also ends recursion through self-referencing schemas.
 */
export function keyTree(schema: z.ZodType): KeyTree | undefined {
  if (trees.has(schema)) return trees.get(schema);
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const tree: KeyTree = { keys: new Map() };
      trees.set(schema, tree);
      for (const [key, value] of Object.entries(def.shape ?? {})) tree.keys.set(key, keyTree(value));
      return tree;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return remember(schema, keyTree(def.innerType!));
    case 'array':
      return remember(schema, keyTree(def.element!));
    case 'pipe':
      return remember(schema, keyTree(def.in!));
    case 'lazy':
      return remember(schema, keyTree(def.getter!()));
    case 'union':
    case 'intersection': {
      const parts = (def.options ?? [def.left!, def.right!]).map(keyTree).filter((t): t is KeyTree => !!t);
      if (!parts.length) return remember(schema, undefined);
      const tree: KeyTree = { keys: new Map() };
      trees.set(schema, tree);
      parts.forEach((p) => merge(tree, p));
      return tree;
    }
    default:
      return remember(schema, undefined);
  }
}

function remember(schema: z.ZodType, tree: KeyTree | undefined): KeyTree | undefined {
  trees.set(schema, tree);
  return tree;
}

/**
 * A copy of `tree` with extra keys: dotted paths such as `deprecated` or `object-attributes.applies-to`
 * (list items are looked through, so a path names keys, not indexes). The copy keeps the tree's sharing:
 * an attribute is one node wherever attributes appear (nested ones included), so a key declared for
 * `object-attributes` is known in `subattributes` too.
 */
export function withExtraKeys(tree: KeyTree, extra: readonly string[]): KeyTree {
  if (!extra.length) return tree;
  const copies = new Map<KeyTree, KeyTree>();
  const copy = (t: KeyTree): KeyTree => {
    const known = copies.get(t);
    if (known) return known;
    const out: KeyTree = { keys: new Map() };
    copies.set(t, out);
    for (const [key, child] of t.keys) out.keys.set(key, child && copy(child));
    return out;
  };
  const root = copy(tree);
  for (const dotted of extra) {
    let node = root;
    const parts = dotted.split('.');
    for (const part of parts.slice(0, -1)) {
      let child = node.keys.get(part);
      if (!child) node.keys.set(part, (child = { keys: new Map() }));
      node = child;
    }
    const last = parts.at(-1)!;
    if (!node.keys.has(last)) node.keys.set(last, undefined);
  }
  return root;
}

export interface UnknownKey {
  path: Array<string | number>;
  key: string;
  /** `; did you mean "title"?` or ''. */
  suggestion: string;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Every key in `data` that `tree` does not know, depth first, with a did-you-mean from its siblings. */
export function findUnknownKeys(data: unknown, tree: KeyTree, at: FieldPath = []): UnknownKey[] {
  const out: UnknownKey[] = [];
  const visit = (value: unknown, node: KeyTree, path: Array<string | number>) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, node, [...path, i]));
      return;
    }
    if (!isMapping(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (!node.keys.has(key)) {
        out.push({ path: [...path, key], key, suggestion: didYouMean(key, node.keys.keys()) });
        continue;
      }
      const sub = node.keys.get(key);
      if (sub) visit(child, sub, [...path, key]);
    }
  };
  visit(data, tree, [...at]);
  return out;
}
