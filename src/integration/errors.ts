/** Content errors as Astro shows errors: the message (every problem, with file, field and line) and a hint. */
import { AstroError } from 'astro/errors';
import { ContentError, ContentErrors } from '../core/errors.ts';

export function toAstroError(error: unknown): unknown {
  if (error instanceof ContentErrors || error instanceof ContentError) {
    const all = error instanceof ContentError ? new ContentErrors([error]) : error;
    return new AstroError(all.message, 'Fix the file named above; the build writes nothing until every content error is gone.');
  }
  return error;
}
