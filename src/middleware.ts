/**
 * Dev only: while the content has errors, every page shows them in Astro's error overlay (file, field,
 * line, and the code around it) instead of the last good render, so a writer cannot mistake stale pages
 * for the result of their save. The loader clears the errors and reloads the page once the file is fixed.
 */
import path from 'node:path';
import { AstroError } from 'astro/errors';
import { defineMiddleware } from 'astro:middleware';
import { ContentErrors } from './core/errors.ts';
import { currentContentErrors } from './utils/content-status.ts';

export const onRequest = defineMiddleware((_context, next) => {
  if (!import.meta.env.DEV) return next();
  const status = currentContentErrors();
  if (!status) return next();
  const { errors, root } = status;
  const first = errors[0];
  const error = new AstroError(
    new ContentErrors([...errors]).message,
    first.hint ?? 'Fix the file named above; this page reloads by itself once it is fixed.',
  );
  error.name = 'ContentError';
  // The overlay shows the file and the lines around `loc`. Astro re-derives `loc` from the stack (which
  // only points here) and resolves it against the project root, so: no stack, and a location only for
  // content inside the project; the message names the file and line either way.
  error.stack = '';
  const file = path.join(root, first.location.file);
  if (first.location.line && !path.relative(process.cwd(), file).startsWith('..')) {
    Object.assign(error, { loc: { file, line: first.location.line, column: 1 } });
  }
  throw error;
});
