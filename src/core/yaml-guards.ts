/**
 * YAML that cannot run away. Two attacks on a YAML reader, and how they are stopped here:
 * - nesting: the `yaml` library composes documents recursively, so 10,000 nested lists overflow the stack
 *   (and reached the writer as "malformed YAML: Maximum call stack size exceeded"). The parser's own token
 *   stack is watched while it reads, and a document deeper than the limit stops there, with its line.
 * - alias expansion (a "billion laughs" bomb): each alias is counted as the library's `maxAliasCount`
 *   counts it, so the limit is reported at the alias that crosses it, with its line and field.
 * Anchors are looked up in one pass over the document (the library's `Alias.resolve` walks the whole
 * document for every alias, which is quadratic in a big data file).
 */
import {
  Composer,
  isAlias,
  isCollection,
  isPair,
  isScalar,
  Parser,
  Scalar,
  visit,
  YAMLParseError,
  type Document,
  type LineCounter,
} from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { ContentError, type ContentWarning } from './errors.ts';
import { limitName, type Limits } from '../schemas/limits.ts';

export type YamlLimits = Pick<Limits, 'yaml-alias-count' | 'yaml-depth'>;

/** Parser stack entries that are not collections: the stream's document and the value being read. */
const STACK_OVERHEAD = 2;

/** Thrown while parsing when the document nests deeper than allowed; `offset` is where it happened. */
class TooDeep extends Error {
  readonly offset: number;
  constructor(offset: number) {
    super('too deep');
    this.offset = offset;
  }
}

interface ParseSource {
  text: string;
  file: string;
  lineCounter: LineCounter;
  line(offset: number): number;
  limits: YamlLimits;
}

/** `parseDocument`, with the nesting depth checked token by token while the parser reads. */
export function parseDocumentGuarded({ text, file, lineCounter, line, limits }: ParseSource): Document {
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ uniqueKeys: false, merge: true });
  const next = parser.next.bind(parser);
  const max = limits['yaml-depth'] + STACK_OVERHEAD;
  parser.next = function* (source: string) {
    yield* next(source);
    if (parser.stack.length > max) throw new TooDeep(parser.offset);
  };
  let doc: Document | undefined;
  try {
    for (const composed of composer.compose(parser.parse(text), true, text.length)) {
      if (!doc) doc = composed as Document;
      else {
        // What parseDocument reports for a second document in the same text.
        const range = composed.range;
        doc.errors.push(
          new YAMLParseError(
            [range[0], range[1]],
            'MULTIPLE_DOCS',
            'Source contains multiple documents; please use YAML.parseAllDocuments()',
          ),
        );
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    throw new ContentError(
      { file, line: line(error.offset) },
      `YAML nested more than ${limits['yaml-depth']} levels deep (${limitName('yaml-depth', limits)})`,
      'Flatten the structure; if the nesting is real, raise the limit under `limits:` in the site config.',
    );
  }
  return doc!;
}

interface AnchorUse {
  /** Times the anchored value has been used: 1 for the anchor itself, plus one per alias so far. */
  count: number;
  /** The library's "alias count" of the anchored value, taken when it is first aliased. */
  aliasCount: number;
}

/**
 * Resolves every alias in document order. An alias whose anchor is not in the text (Jekyll's SafeYAML
 * reads it as nil) becomes null with a warning; an alias that takes the expansion past the limit stops
 * the parse with its line and field.
 */
export function resolveAliases(doc: Document, file: string, line: (offset: number) => number, limits: YamlLimits): ContentWarning[] {
  const warnings: ContentWarning[] = [];
  const latest = new Map<string, YamlNode>();
  const uses = new Map<YamlNode, AnchorUse>();
  const max = limits['yaml-alias-count'];
  const aliasCount = (node: unknown): number => {
    if (isAlias(node)) {
      const source = latest.get(node.source);
      const use = source && uses.get(source);
      return use ? use.count * use.aliasCount : 0;
    }
    if (isCollection(node)) return (node.items as unknown[]).reduce<number>((most, item) => Math.max(most, aliasCount(item)), 0);
    if (isPair(node)) return Math.max(aliasCount(node.key), aliasCount(node.value));
    return 1;
  };
  visit(doc, {
    Node(_key, node, path) {
      if (!isAlias(node)) {
        if (node.anchor) {
          latest.set(node.anchor, node);
          uses.set(node, { count: 1, aliasCount: 0 });
        }
        return undefined;
      }
      const at = node.range ? line(node.range[0]) : undefined;
      const source = latest.get(node.source);
      if (!source) {
        warnings.push({
          file,
          line: at,
          message: `alias *${node.source} has no anchor &${node.source} in this file; it is read as null (as Jekyll does)`,
        });
        return new Scalar(null);
      }
      const use = uses.get(source)!;
      use.count += 1;
      if (use.aliasCount === 0) use.aliasCount = aliasCount(source);
      if (max === 0 || use.count * use.aliasCount > max) {
        throw new ContentError(
          { file, field: fieldOf(path, node), line: at },
          `YAML aliases expand too far at *${node.source} (more than ${max} uses, counting the aliases inside &${node.source}; ${limitName('yaml-alias-count', limits)})`,
          'Repeat the value instead of nesting aliases of aliases; if the data is real, raise the limit under `limits:` in the site config.',
        );
      }
      return undefined;
    },
  });
  return warnings;
}

/** `examples[2].code` for the alias at the end of a `visit` path. */
function fieldOf(path: readonly unknown[], node: unknown): string | undefined {
  const parts: string[] = [];
  const chain = [...path, node];
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (isPair(parent) && child === parent.value) {
      const key = isScalar(parent.key) ? String(parent.key.value) : '?';
      parts.push(parts.length ? `.${key}` : key);
    } else if (isCollection(parent) && !isPair(child)) {
      parts.push(`[${parent.items.indexOf(child as never)}]`);
    }
  }
  return parts.length ? parts.join('') : undefined;
}
