/**
 * Turns liquidjs errors into content errors that name the file, the field, the line and the variable or
 * filter. A failure deep inside nested `flatify` calls is reported against the field being rendered, with
 * the inner string quoted, because that is the text the writer has to go and find.
 */
import { ContentError } from '../errors.ts';
import { MissingDataKey } from './data-keys.ts';
import type { RenderLocation } from './engine.ts';
import { IncludeRefused, LimitError } from './guards.ts';

/** Thrown by `flatify` when it nests deeper than allowed: a string that (indirectly) flatifies itself. */
export class FlatifyDepthError extends Error {
  readonly source: string;
  constructor(source: string, depth: number) {
    super(`flatify nested ${depth} levels deep while rendering "${snippet(source)}"`);
    this.name = 'FlatifyDepthError';
    this.source = source;
  }
}

/** Carries the innermost string being flatified when rendering it failed. */
export class NestedRenderError extends Error {
  readonly source: string;
  readonly cause: unknown;
  private constructor(source: string, cause: unknown) {
    super((cause as Error)?.message ?? String(cause));
    this.name = 'NestedRenderError';
    this.source = source;
    this.cause = cause;
  }
  static wrap(source: string, cause: unknown): NestedRenderError {
    return new NestedRenderError(source, cause);
  }
}

export class LiquidContentError extends ContentError {
  /** The short reason without location, e.g. `undefined variable "site.data.x"`. */
  readonly reason: string;
  /** True for problems that warn-mode may downgrade (undefined variable, unknown filter). */
  readonly lenient: boolean;
  /** Runaway `flatify` recursion, a limit reached, a refused include: an error in every mode. */
  readonly fatal: boolean;
  /** A missing key under `site.data`: the look-up as written (`site.data.nope.x`). */
  readonly dataKey?: string;
  constructor(
    location: RenderLocation & { line?: number },
    reason: string,
    lenient: boolean,
    hint?: string,
    fatal = false,
    dataKey?: string,
  ) {
    super(location, reason, hint);
    this.reason = reason;
    this.lenient = lenient;
    this.fatal = fatal;
    this.dataKey = dataKey;
  }
}

function snippet(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  let e: unknown = error;
  while (e && out.length < 50) {
    out.push(e);
    const next = (e as { originalError?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
    e = next === e ? undefined : next;
  }
  return out;
}

function positionOf(error: unknown): number | undefined {
  const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
  return token?.getPosition?.()[0];
}

export function explainLiquidError(error: unknown, location: RenderLocation, source: string): LiquidContentError {
  const links = chain(error);
  const templateLine = positionOf(links[0]);
  const line = location.line !== undefined && templateLine !== undefined ? location.line + templateLine - 1 : location.line;
  const at = { ...location, line };
  const nested = links.find((e): e is NestedRenderError => e instanceof NestedRenderError);
  const inside = nested && nested.source !== source ? ` (inside a string rendered by flatify: "${snippet(nested.source)}")` : '';
  const depth = links.find((e): e is FlatifyDepthError => e instanceof FlatifyDepthError);
  if (depth) {
    return new LiquidContentError(
      at,
      `runaway flatify recursion: ${depth.message}`,
      false,
      'A string reaches itself through `| flatify`; break the cycle in the data it references.',
      true,
    );
  }
  // A string flatify renders inside another is parsed on its own, so its error may already be explained.
  const known = links.find((e, i): e is LiquidContentError => i > 0 && e instanceof LiquidContentError);
  if (known) return new LiquidContentError(at, `${known.reason}${inside}`, known.lenient, known.hint, known.fatal, known.dataKey);
  const limit = links.find((e): e is LimitError => e instanceof LimitError);
  if (limit) {
    return new LiquidContentError(
      at,
      `${limit.message}${inside}`,
      false,
      'Content must not make the build do unbounded work; if this is real content, raise the limit under `limits:` in the site config.',
      true,
    );
  }
  const refused = links.find((e): e is IncludeRefused => e instanceof IncludeRefused);
  if (refused) {
    return new LiquidContentError(at, `${refused.message}${inside}`, false, 'Includes are read only from the includes folders.', true);
  }
  const missing = links.find((e): e is MissingDataKey => e instanceof MissingDataKey);
  if (missing) {
    return new LiquidContentError(
      at,
      `${missing.detail}${inside}`,
      true,
      'Check the key against the data file; guard a key that is optional with `{% if … %}` or `| default:`.',
      false,
      missing.written,
    );
  }
  const messages = links.map((e) => (e as Error)?.message ?? '');
  if (messages.includes('Invalid string length')) {
    return new LiquidContentError(at, `Liquid output grew past the longest string JavaScript can hold${inside}`, false, undefined, true);
  }
  const variable = messages.map((m) => /undefined variable: ([^,\s]+)/.exec(m)?.[1]).find(Boolean);
  if (variable) {
    return new LiquidContentError(
      at,
      `undefined variable "${variable}"${inside}`,
      true,
      'Check the spelling against the site data, or set `liquid.strict: false` in the site config to make this a warning.',
    );
  }
  const filter = messages.map((m) => /undefined filter: ([\w-]+)/.exec(m)?.[1]).find(Boolean);
  if (filter) {
    return new LiquidContentError(
      at,
      `unknown filter "${filter}"${inside}`,
      true,
      'Jekyll filters and the Liquid standard filters are available, plus flatify and markdownify.',
    );
  }
  const root = links.at(-1) as Error | undefined;
  const detail = (root?.message ?? String(error)).split('\n')[0].replace(/, line:\d+, col:\d+$/, '');
  return new LiquidContentError(at, `Liquid error: ${detail}${inside}`, false);
}
