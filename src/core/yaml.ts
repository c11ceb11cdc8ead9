/**
 * YAML as Jekyll reads it. Deliberate differences from a plain `yaml.parse`:
 * - an alias whose anchor is not in the same file (Jekyll's SafeYAML turns it into nil) becomes null with a
 *   warning instead of aborting the build;
 * - the parsed document is kept so callers can map a field path back to a line for error messages;
 * - nesting depth, alias expansion and parse time are bounded (yaml-guards.ts, `limits:` in the site config);
 * - plain YAML (most files) is read by js-yaml instead (yaml-fast.ts), the document parsed only when a message
 *   needs a line.
 */
import { isMap, isScalar, LineCounter, Scalar, visit, type Document } from 'yaml';
import { ContentError, type ContentWarning } from './errors.ts';
import { parseYamlFast } from './yaml-fast.ts';
import { parseDocumentGuarded, resolveAliases, type YamlLimits } from './yaml-guards.ts';
import { DEFAULT_LIMITS, limitName, type Limits } from '../schemas/limits.ts';

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
  const started = performance.now();
  const fast = parseYamlFast(text, limits['yaml-depth']);
  if (!fast) return parseYamlDocument(source);
  checkTime(started, file, limits);
  // Line numbers are wanted only for a message, so the document is parsed then, once.
  let slow: ParsedYaml | undefined;
  return {
    data: fast.data ?? {},
    warnings: [],
    lineOf: (path, options) => (slow ??= parseYamlDocument(source)).lineOf(path, options),
  };
}

function checkTime(started: number, file: string, limits: Pick<Limits, 'page-seconds'>): void {
  const seconds = (performance.now() - started) / 1000;
  if (seconds > limits['page-seconds']) {
    throw new ContentError(
      { file },
      `reading this file took ${seconds.toFixed(seconds < 1 ? 3 : 1)} s, over the time budget (${limitName('page-seconds', limits)})`,
      'Split the file; if it is simply big, raise the limit under `limits:` in the site config.',
    );
  }
}

/** The `yaml` library's document: Jekyll's alias and duplicate-key rules, the guards, line numbers. */
function parseYamlDocument({ text, file, lineOffset = 0, limits = DEFAULT_LIMITS }: YamlSource): ParsedYaml {
  const started = performance.now();
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

  warnings.push(...resolveAliases(doc, file, line, limits));
  // The library's own alias guard stays on behind ours (never -1, which would turn it off).
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits['yaml-alias-count'] }) ?? {};
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new ContentError({ file }, `YAML aliases expand too far: ${error.message} (${limitName('yaml-alias-count', limits)})`);
  }
  checkTime(started, file, limits);

  return {
    data,
    warnings,
    lineOf(path, options) {
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
    },
  };
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

/** A field as messages name it (`examples[0].code`) back to a path (['examples', 0, 'code']) for lineOf. */
export function parseFieldPath(field: string): FieldPath {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}
