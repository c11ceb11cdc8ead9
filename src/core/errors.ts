/**
 * Errors and warnings about content. Every problem a writer can cause points at a file, and where we can
 * tell, the front-matter field path and the line, so the message is actionable without a stack trace.
 */

export interface ContentLocation {
  /** Path of the offending file, relative to the content root where possible. */
  file: string;
  /** Front-matter or data field path, e.g. `examples[0].code`. */
  field?: string;
  /** 1-based line in `file`. */
  line?: number;
}

export type Severity = 'error' | 'warning';

/**
 * One problem with the content, as every reporter has it: the build, `check` (and its --json), the dev
 * server's log and error overlay, and the loader.
 */
export interface Problem extends ContentLocation {
  severity: Severity;
  /** What is wrong, without the location. */
  message: string;
  hint?: string;
  /**
   * What kind of problem, for callers that treat some differently: `unknown-key` warnings of a native
   * site are errors under `npm run check --strict`.
   */
  code?: 'unknown-key';
}

/**
 * The one line every reporter prints for a problem: `file:line (field "x"): message`, a warning's message
 * prefixed `warning: `. The hint, when shown, goes on a line of its own.
 */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}${p.field ? ` (field "${p.field}")` : ''}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

export class ContentError extends Error {
  readonly location: ContentLocation;
  /** The message without the location and hint, for tools that format those themselves. */
  readonly detail: string;
  readonly hint?: string;

  constructor(location: ContentLocation, message: string, hint?: string) {
    super(`${formatProblem({ severity: 'error', ...location, message })}${hint ? `\n  Hint: ${hint}` : ''}`);
    this.name = 'ContentError';
    this.location = location;
    this.detail = message;
    this.hint = hint;
  }

  get problem(): Problem {
    return { severity: 'error', ...this.location, message: this.detail, ...(this.hint ? { hint: this.hint } : {}) };
  }
}

/** Several content errors found in one pass, reported together so a writer can fix them in one go. */
export class ContentErrors extends Error {
  readonly errors: ContentError[];
  /** Warnings the failed pass had found by then, for a checker that lists both. */
  warnings: ContentWarning[] = [];

  constructor(all: ContentError[]) {
    // One message per problem: an error every page meets (a bad alias in the site config) is listed once.
    const seen = new Set<string>();
    const errors = all.filter((e) => seen.size !== seen.add(e.message).size);
    super(
      `${errors.length} content error${errors.length === 1 ? '' : 's'}:\n` +
        errors.map((e) => `  - ${e.message.replace(/\n/g, '\n    ')}`).join('\n'),
    );
    this.name = 'ContentErrors';
    this.errors = errors;
  }
}

/** A warning as the model collects it (a Problem of severity `warning`). */
export type ContentWarning = Omit<Problem, 'severity'>;

export function warningProblem(w: ContentWarning): Problem {
  return { severity: 'warning', ...w };
}

export function formatWarning(w: ContentWarning): string {
  return formatProblem(warningProblem(w));
}

/** Collects warnings during a build and de-duplicates repeats (one data string can be rendered many times). */
export class WarningSink {
  private seen = new Set<string>();
  readonly list: ContentWarning[] = [];
  /** Sees every warning added, repeats included (the dev render cache keeps each page's own). */
  tap?: (w: ContentWarning) => void;

  add(w: ContentWarning): void {
    this.tap?.(w);
    const key = formatWarning(w);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(w);
  }
}
