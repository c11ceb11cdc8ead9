/**
 * How the command reports what went wrong: one clear message (file, field and line where known) and an
 * exit code, never a stack trace, whichever command met the problem. Content and config errors, Astro's
 * user errors (a bad option, a route clash) and the command's own refusals all end here; only a genuine
 * bug still reaches Node's handler with its stack.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ContentError, ContentErrors } from '../core/errors.ts';
import { UsageError } from './args.ts';

/** A refusal of the command's own (a missing folder): the message, an optional hint, exit 1. */
export class CliError extends Error {
  readonly hint?: string;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'CliError';
    this.hint = hint;
  }
}

/** A build that failed with its reason already worded (src/cli/build.ts). */
export class BuildFailed extends Error {}

/**
 * The one text for a content root that is not there, the same from check, build, dev and preview, so a
 * typo in the folder reads the same whatever command met it.
 */
export function requireContentRoot(root: string, cwd: string): void {
  if (existsSync(root)) return;
  throw new CliError(
    `content root ${path.relative(cwd, root) || '.'} does not exist`,
    'Pass the content folder (the one holding site.yml or _config.yml) as the argument, or set CONTENT_ROOT.',
  );
}

/** Astro's own errors (astro/errors AstroError is an AstroUserError; Astro's internal ones are AstroErrors). */
function isAstroError(error: unknown): error is Error & { hint?: string } {
  const type = (error as { type?: unknown } | null)?.type;
  return error instanceof Error && (type === 'AstroUserError' || type === 'AstroError');
}

const withHint = (message: string, hint: string | undefined) => `${message}${hint ? `\nHint: ${hint}` : ''}`;

/**
 * Prints `error` as the command reports it and returns the exit code; undefined for an error that is not
 * the user's to fix (a bug), which the caller rethrows.
 */
export function reportError(error: unknown, print: (text: string) => void = console.error): number | undefined {
  if (error instanceof UsageError) {
    print(`\n${error.message}`);
    return 2;
  }
  if (error instanceof BuildFailed) {
    print(`\n${error.message}`);
    return 1;
  }
  if (error instanceof CliError) {
    print(`api-reference: ${withHint(error.message, error.hint)}`);
    return 1;
  }
  if (error instanceof ContentError || error instanceof ContentErrors) {
    // The message of a single error carries its own hint line already.
    print((error instanceof ContentError ? new ContentErrors([error]) : error).message);
    return 1;
  }
  if (isAstroError(error)) {
    print(withHint(error.message, error.hint));
    return 1;
  }
  return undefined;
}
