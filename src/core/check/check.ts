/**
 * `npm run check`: validates a content root without building pages. It runs the same model build as the
 * site (so schema, strict Liquid, links and anchors are judged exactly as a build judges them) and adds the
 * cross-file checks a build tolerates but a writer wants to hear about. Errors are what would stop a build;
 * warnings are what a build accepts.
 */
import { loadSiteConfig } from '../config.ts';
import { ContentError, ContentErrors, WarningSink, type ContentWarning } from '../errors.ts';
import type { SourceDocument } from '../front-matter.ts';
import { buildReference, type BuildOptions } from '../model/build.ts';
import { collectDocuments } from '../model/collect.ts';
import { groupDocuments, type Groups } from '../model/groups.ts';
import { ParseCache } from '../parse-cache.ts';
import { parseFieldPath } from '../yaml.ts';
import type { ReferenceEntry } from '../../schemas/reference.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Relative to the content root, `/`-separated. */
  file: string;
  line?: number;
  field?: string;
  message: string;
  hint?: string;
  /** See ContentWarning.code. */
  code?: ContentWarning['code'];
}

export interface CheckOptions {
  /**
   * `--strict`: every warning fails the check, and in a native site (site.yml) unknown keys are errors:
   * nothing else reads them, so they are typos. A Jekyll tree's templates may read any key.
   */
  strict?: boolean;
}

export interface CheckReport {
  problems: Problem[];
  errors: number;
  warnings: number;
  /** Reference pages the content would produce (0 when it has errors). */
  pages: number;
}

/** The same words a failed build prints for the problem (errors.ts), so a writer can search for either. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}${p.field ? ` (field "${p.field}")` : ''}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

function fromError(e: ContentError): Problem {
  return { severity: 'error', ...e.location, message: e.detail, ...(e.hint ? { hint: e.hint } : {}) };
}

function fromWarning(w: ContentWarning): Problem {
  return { severity: 'warning', file: w.file, line: w.line, field: w.field, message: w.message, ...(w.code ? { code: w.code } : {}) };
}

function contentErrors(error: unknown): ContentError[] | undefined {
  if (error instanceof ContentErrors) return error.errors;
  if (error instanceof ContentError) return [error];
  return undefined;
}

/** `available-methods` entries no endpoint file provides (the build skips them silently). */
function unimplementedMethods(groups: Groups): Problem[] {
  const out: Problem[] = [];
  for (const g of groups.objects) {
    const keys = new Set([...g.endpoints.values()].flatMap((byKey) => [...byKey.keys()]));
    (g.fm['available-methods'] ?? []).forEach((m, i) => {
      if (keys.has(m.id)) return;
      out.push({
        severity: 'warning',
        file: g.doc.file,
        line: g.doc.lineOf(['available-methods', i, 'id']) ?? g.doc.lineOf(['available-methods', i]),
        field: `available-methods[${i}].id`,
        message: `"${m.id}" has no api-endpoint file (endpoint: "${g.fm.endpoint}", key: "${m.id}"); it is not shown`,
      });
    });
  }
  return out;
}

/** The same `id` twice in one object's `available-methods`: only the first entry's title and order count. */
function duplicateMethodIds(groups: Groups): Problem[] {
  const out: Problem[] = [];
  for (const g of groups.objects) {
    const first = new Map<string, number>();
    (g.fm['available-methods'] ?? []).forEach((m, i) => {
      const prior = first.get(m.id);
      if (prior === undefined) return void first.set(m.id, i);
      out.push({
        severity: 'error',
        file: g.doc.file,
        line: g.doc.lineOf(['available-methods', i, 'id']),
        field: `available-methods[${i}].id`,
        message: `duplicate id "${m.id}" (also available-methods[${prior}])`,
      });
    });
  }
  return out;
}

/** An id used twice on one page: anchors to it land on the first, and the HTML is invalid. */
function duplicateAnchors(entries: ReferenceEntry[]): Problem[] {
  const out: Problem[] = [];
  for (const e of entries) {
    const seen = new Set<string>();
    const dupes = new Set(e.anchors.filter((id) => seen.size === seen.add(id).size));
    for (const id of dupes)
      out.push({ severity: 'warning', file: e.source, message: `id "${id}" is used more than once on page /${e.path}` });
  }
  return out;
}

/**
 * Parse and schema problems of every file, even when some files do not parse (a build stops at the first
 * stage with errors; a checker should list what it can).
 */
function structuralProblems(options: BuildOptions): { problems: Problem[]; groups?: Groups; documents: SourceDocument[] } {
  const { paths, root, boundaries, config, warnings: configWarnings } = loadSiteConfig(options.root, options.configFile);
  const parseErrors: ContentError[] = [];
  const read = { boundaries, limits: config.limits };
  const documents = collectDocuments(paths.reference, root, parseErrors, options.parseCache, read).flatMap((c) => c.documents);
  const problems = [...parseErrors.map(fromError), ...configWarnings.map(fromWarning)];
  // Warnings of files the build never reached (it stopped at an error) are still worth listing.
  const sink = new WarningSink();
  try {
    const groups = groupDocuments(documents, sink, { knownKeys: config['front-matter']['known-keys'] });
    problems.push(...sink.list.map(fromWarning));
    problems.push(...duplicateMethodIds(groups));
    return { problems, groups: parseErrors.length ? undefined : groups, documents };
  } catch (error) {
    const errors = contentErrors(error);
    if (!errors) throw error;
    problems.push(...sink.list.map(fromWarning), ...errors.map(fromError));
    return { problems, documents };
  }
}

/** Some problems (broken links) know the field but not the line; the parsed file does. */
function addLines(problems: Problem[], documents: SourceDocument[]): void {
  const byFile = new Map(documents.map((d) => [d.file, d]));
  for (const p of problems) {
    if (p.line || !p.field) continue;
    const line = byFile.get(p.file)?.lineOf(parseFieldPath(p.field));
    if (line) p.line = line;
  }
}

export function checkContent(buildOptions: BuildOptions, checkOptions: CheckOptions = {}): CheckReport {
  // The build and the structural pass read the same files: parse each once.
  const options = { ...buildOptions, parseCache: buildOptions.parseCache ?? new ParseCache() };
  const problems: Problem[] = [];
  let entries: ReferenceEntry[] = [];
  let configOk = true;
  try {
    const result = buildReference(options);
    entries = result.entries;
    problems.push(...result.warnings.map(fromWarning));
  } catch (error) {
    const errors = contentErrors(error);
    if (!errors) throw error;
    problems.push(...errors.map(fromError));
    if (error instanceof ContentErrors) problems.push(...error.warnings.map(fromWarning));
    try {
      loadSiteConfig(options.root, options.configFile);
    } catch {
      configOk = false;
    }
  }
  if (configOk) {
    const structural = structuralProblems(options);
    problems.push(...structural.problems);
    if (structural.groups) problems.push(...unimplementedMethods(structural.groups));
    addLines(problems, structural.documents);
  }
  problems.push(...duplicateAnchors(entries));

  if (checkOptions.strict && configOk && loadSiteConfig(options.root, options.configFile).layout === 'native') {
    for (const p of problems) if (p.code === 'unknown-key') p.severity = 'error';
  }
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = formatProblem(p);
    return seen.size !== seen.add(key).size;
  });
  const errors = unique.filter((p) => p.severity === 'error').length;
  return { problems: unique, errors, warnings: unique.length - errors, pages: errors ? 0 : entries.length };
}
