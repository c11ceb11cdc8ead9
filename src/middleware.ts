/**
 * Dev only: while the content has errors, every page shows them in Astro's error overlay (file, field,
 * line, and the lines around it) instead of the last good render, so a writer cannot mistake stale pages
 * for the result of their save. The loader clears the errors and reloads the page once the file is fixed.
 *
 * The overlay is served as a page of its own rather than thrown: Astro logs every error a request throws
 * (twice), so a thrown error repeated the problem in the terminal on every page view, where the loader has
 * already reported it once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineMiddleware } from 'astro:middleware';
import { ContentErrors } from './core/errors.ts';
import { escapeHtml } from './core/html.ts';
import { currentContentErrors, type ContentStatus } from './utils/content-status.ts';

/** The lines of the file, the failing one marked as Astro's overlay expects; empty when unreadable. */
function codeAround(file: string, line: number): string {
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    const body = lines.map((text, i) => `<span class="line${i + 1 === line ? ' error-line' : ''}">${escapeHtml(text)}</span>`);
    return `<pre class="shiki"><code>${body.join('\n')}</code></pre>`;
  } catch {
    return '';
  }
}

/** What Astro's overlay element (the patched `ErrorOverlay` of Vite's client) shows; `message` is HTML. */
function overlayPayload({ errors, root }: ContentStatus) {
  const first = errors[0];
  const file = path.join(root, first.location.file);
  const line = first.location.line;
  return {
    name: 'ContentError',
    message: escapeHtml(new ContentErrors([...errors]).message),
    hint: escapeHtml(first.hint ?? 'Fix the file named above; this page reloads by itself once it is fixed.'),
    stack: '',
    ...(line ? { loc: { file, line, column: 1 }, highlightedCode: codeAround(file, line) } : {}),
  };
}

export const onRequest = defineMiddleware((_context, next) => {
  if (!import.meta.env.DEV) return next();
  const status = currentContentErrors();
  if (!status) return next();
  // JSON inside <script type="application/json"> must not contain `</script`; `<` as \u003c keeps it inert.
  const payload = JSON.stringify(overlayPayload(status)).replace(/</g, '\\u003c');
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Content error</title></head>
<body>
<script type="application/json" id="content-error">${payload}</script>
<script type="module">
import { ErrorOverlay } from '/@vite/client';
document.body.appendChild(new ErrorOverlay(JSON.parse(document.getElementById('content-error').textContent)));
</script>
</body>
</html>
`;
  return new Response(html, { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
});
