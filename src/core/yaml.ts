/**
 * YAML as Jekyll reads it. Deliberate differences from a plain `yaml.parse`:
 * - an alias whose anchor is not in the same file (Jekyll's SafeYAML turns it into nil) becomes null with a
 *   warning instead of aborting the build;
 * - the parsed document is kept so callers can map a field path back to a line for error messages;
 * - nesting depth, alias expansion and parse time are bounded (yaml-guards.ts, `limits:` in the site config);
 * - a tag the core schema does not know (`!!js/function`, `!!python/object:…`, `!foo`) is a warning, and the
 *   value is read as if it had no tag: plain text, list or mapping. Jekyll's SafeYAML reads them the same way.
 * - plain YAML (most files) is read by js-yaml instead (yaml-fast.ts), the document parsed only when a message
 *   needs a line.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, Scalar, visit, type Document, type Node } from 'yaml';
import { ContentError, type ContentWarning } from './errors.ts';
import { parseYamlFast } from './yaml-fast.ts';
import { parseDocumentGuarded, resolveAliases, type YamlLimits } from './yaml-guards.ts';
import { DEFAULT_LIMITS, limitName, type Limits } from '../schemas/limits.ts';
import { TimeBudget } from './time-budget.ts';

export type FieldPath = ReadonlyArray<string | number>;

export interface ParsedYaml {
  data: unknown;
  /**
   * 1-based line where the value at `path` starts, or where its text starts for block scalars (`|`, `>`);
   * with `key`, the line of the key itself (for messages about the key, such as an unknown one).
   */
  lineOf(path: FieldPath, options?: { key?: boolean }): number | undefined;
  warnings: ContentWarning[];
}

export interface YamlSource {
  text: string;
  /** For messages: the file the text comes from. */
  file: string;
  /** Lines before `text` in the file (front matter starts after the opening `---`). */
  lineOffset?: number;
  /** Site config `limits:`; the defaults when reading the site config itself. */
  limits?: YamlLimits & Pick<Limits, 'page-seconds'>;
}

/** The value at `path` in parsed data, or undefined where the path leads nowhere. */
export function getPath(data: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined), data);
}

export function formatFieldPath(path: FieldPath): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

export function parseYaml(source: YamlSource): ParsedYaml {
  const { text, file, limits = DEFAULT_LIMITS } = source;
  const time = new TimeBudget(limits['page-seconds'] * 1000);
  const fast = parseYamlFast(text, limits['yaml-depth'], limits['yaml-alias-count']);
  if (!fast) return parseYamlDocument(source);
  checkTime(time, file, limits);
  // Line numbers are wanted only for a message, so the document is parsed then, once.
  let lines: ParsedYaml['lineOf'] | undefined;
  return {
    data: fast.data ?? {},
    warnings: [],
    lineOf: (path, options) => (lines ??= lineIndex(source))(path, options),
  };
}

function checkTime(time: TimeBudget, file: string, limits: Pick<Limits, 'page-seconds'>): void {
  if (time.spent()) {
    const seconds = time.usedMs() / 1000;
    throw new ContentError(
      { file },
      `reading this file took ${seconds.toFixed(seconds < 1 ? 3 : 1)} s, over the time budget (${limitName('page-seconds', limits)})`,
      'Split the file; if it is simply big, raise the limit under `limits:` in the site config.',
    );
  }
}

/** The `yaml` library's document: Jekyll's alias and duplicate-key rules, the guards, line numbers. */
function parseYamlDocument({ text, file, lineOffset = 0, limits = DEFAULT_LIMITS }: YamlSource): ParsedYaml {
  const time = new TimeBudget(limits['page-seconds'] * 1000);
  const lineCounter = new LineCounter();
  const line = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  // Ruby's YAML lets a later duplicate key win, and real Jekyll trees rely on it: warn, do not fail.
  const doc: Document = parseDocumentGuarded({ text, file, lineCounter, line, limits });
  const warnings: ContentWarning[] = duplicateKeyWarnings(doc, file, line);

  const [firstError] = doc.errors;
  if (firstError) {
    const at = line(firstError.pos[0]);
    throw new ContentError(
      { file, line: at },
      `malformed YAML: ${firstError.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      'Check indentation and quoting on that line and the one before it.',
    );
  }

  warnings.push(...unknownTagWarnings(doc, file, line));
  warnings.push(...resolveAliases(doc, file, line, limits));
  // The library's own alias guard stays on behind ours (never -1, which would turn it off).
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits['yaml-alias-count'] }) ?? {};
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new ContentError({ file }, `YAML aliases expand too far: ${error.message} (${limitName('yaml-alias-count', limits)})`);
  }
  checkTime(time, file, limits);

  return {
    data,
    warnings,
    lineOf: lineFinder(doc, line),
  };
}

/** The line of a field: of its value (a block scalar's first text line), or with `key` of its key. */
function lineFinder(doc: Document, line: (offset: number) => number): ParsedYaml['lineOf'] {
  return (path, options) => {
    if (options?.key && path.length) {
      const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as (string | number)[], true) : doc.contents;
      const last = path[path.length - 1];
      const pair = isMap(parent) ? parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last) : undefined;
      const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (range) return line(range[0]);
    }
    const node = doc.getIn(path as (string | number)[], true) as { range?: [number, number, number]; type?: string } | undefined;
    if (!node?.range) return undefined;
    const start = line(node.range[0]);
    const block = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
    return block ? start + 1 : start;
  };
}

/**
 * Line numbers for text the fast path read: the document alone (no data, no alias or tag passes, which the
 * fast path's text does not need), parsed once, when the first message asks for a line.
 */
function lineIndex({ text, file, lineOffset = 0, limits = DEFAULT_LIMITS }: YamlSource): ParsedYaml['lineOf'] {
  const lineCounter = new LineCounter();
  const line = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  return lineFinder(parseDocumentGuarded({ text, file, lineCounter, line, limits }), line);
}

function duplicateKeyWarnings(doc: Document, file: string, line: (offset: number) => number): ContentWarning[] {
  const out: ContentWarning[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          const range = (pair.key as { range?: [number, number, number] } | null)?.range;
          out.push({
            file,
            line: range ? line(range[0]) : undefined,
            message: `duplicate key "${String(key)}"; the last one wins (as in Jekyll)`,
          });
        }
        seen.add(key);
      }
    },
  });
  return out;
}

/** `tag:yaml.org,2002:js/function` as it was written: `!!js/function`. */
const shownTag = (tag: string) => tag.replace(/^tag:yaml\.org,2002:/, '!!');

/**
 * One warning per tag the library could not resolve (it reports them in doc.warnings by the tag's
 * position, and keeps the value untagged); the field is that of the node the tag stands before.
 */
function unknownTagWarnings(doc: Document, file: string, line: (offset: number) => number): ContentWarning[] {
  const unresolved = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (!unresolved.length) return [];
  const tagged: Array<{ start: number; tag: string; path: FieldPath }> = [];
  visit(doc, {
    Node(_key, node, ancestry) {
      const { tag, range } = node as Node;
      if (!tag || !range) return;
      const path: Array<string | number> = [];
      const chain = [...ancestry, node];
      chain.forEach((a, i) => {
        if (isPair(a)) path.push(isScalar(a.key) ? String(a.key.value) : String(a.key));
        else if (isSeq(a) && i < chain.length - 1) path.push(a.items.indexOf(chain[i + 1] as Node));
      });
      tagged.push({ start: range[0], tag, path });
    },
  });
  return unresolved.map((w) => {
    const node = tagged.filter((t) => t.start >= w.pos[1]).sort((a, b) => a.start - b.start)[0];
    const tag = node?.tag ?? /Unresolved tag: (\S+)/.exec(w.message)?.[1] ?? '?';
    const field = node?.path.length ? { field: formatFieldPath(node.path) } : {};
    return {
      file,
      ...field,
      line: line(w.pos[0]),
      message: `unknown YAML tag "${shownTag(tag)}": the value is read as if it had no tag (content is never run as code)`,
    };
  });
}

/** A field as messages name it (`examples[0].code`) back to a path (['examples', 0, 'code']) for lineOf. */
export function parseFieldPath(field: string): FieldPath {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}
