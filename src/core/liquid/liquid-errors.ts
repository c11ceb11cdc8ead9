/**
 * Turns liquidjs errors into content errors that name the file, the field, the line and the variable or
 * filter. A failure deep inside nested `flatify` calls is reported against the field being rendered, with
 * the inner string quoted, because that is the text the writer has to go and find.
 */
import { ContentError } from '../errors.ts';
import { MissingDataKey } from './data-keys.ts';
import type { RenderLocation } from './engine.ts';

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
  /** Runaway `flatify` recursion: an error in every mode. */
  readonly runaway: boolean;
  /** A missing key under `site.data`: the look-up as written (`site.data.nope.x`). */
  readonly dataKey?: string;
  constructor(
    location: RenderLocation & { line?: number },
    reason: string,
    lenient: boolean,
    hint?: string,
    runaway = false,
    dataKey?: string,
  ) {
    super(location, reason, hint);
    this.reason = reason;
    this.lenient = lenient;
    this.runaway = runaway;
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
