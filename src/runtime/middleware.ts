/**
 * Dev only: while the content has errors, every page shows them in Astro's error overlay (file, field,
 * line, and the code around it) instead of the last good render, so a writer cannot mistake stale pages
 * for the result of their save. The next good rebuild clears them; the integration's watcher reloads the
 * page after every save, into the error and out of it.
 */
import path from 'node:path';
import { AstroError } from 'astro/errors';
import { defineMiddleware } from 'astro:middleware';
import config from 'virtual:api-reference/config';
import { ContentErrors } from '../core/errors.ts';
import { session } from './reference.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  if (!config.dev) return next();
  const errors = await session.problems();
  if (!errors?.length) return next();
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
  const file = path.join(config.root, first.location.file);
  if (first.location.line && !path.relative(config.projectRoot, file).startsWith('..')) {
    Object.assign(error, { loc: { file, line: first.location.line, column: 1 } });
  }
  throw error;
});
