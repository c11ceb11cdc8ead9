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

function describe(loc: ContentLocation): string {
  const where = loc.line ? `${loc.file}:${loc.line}` : loc.file;
  return loc.field ? `${where} (field "${loc.field}")` : where;
}

export class ContentError extends Error {
  readonly location: ContentLocation;
  /** The message without the location and hint, for tools that format those themselves. */
  readonly detail: string;
  readonly hint?: string;

  constructor(location: ContentLocation, message: string, hint?: string) {
    super(`${describe(location)}: ${message}${hint ? `\n  Hint: ${hint}` : ''}`);
    this.name = 'ContentError';
    this.location = location;
    this.detail = message;
    this.hint = hint;
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

export interface ContentWarning extends ContentLocation {
  message: string;
  /**
   * What kind of problem, for callers that treat some differently: `unknown-key` warnings of a native
   * site are errors under `npm run check --strict`.
   */
  code?: 'unknown-key';
}

export function formatWarning(w: ContentWarning): string {
  return `${describe(w)}: ${w.message}`;
}

/** Collects warnings during a build and de-duplicates repeats (one data string can be rendered many times). */
export class WarningSink {
  private seen = new Set<string>();
  readonly list: ContentWarning[] = [];

  add(w: ContentWarning): void {
    const key = formatWarning(w);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(w);
  }
}
