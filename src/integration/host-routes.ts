/**
 * What the reference needs from the host site's routing, checked before anything is built:
 *
 * - `build.format: 'directory'`. The reference's pages are folders (`reference/parcels/index.html`) and
 *   every link it makes (sidebar, canonical URLs, sitemap.xml, links inside its Markdown, the machine-
 *   readable files) ends in `/`; under `file` or `preserve` Astro writes `reference/parcels.html` and
 *   those links would 404, so those formats are refused with the one to use.
 * - No route clash. Astro keeps only one page per URL: a host's own `src/pages/index.astro` silently
 *   replaces the reference's home page at prefix `/` (Astro prints a warning and builds on). Every URL the
 *   reference makes is checked against the host's static routes, and a route of the host's with the very
 *   pattern of one of ours is a clash too. Host routes with parameters are left alone: which URLs they
 *   make is known only once they run, and Astro then reports the clash itself.
 */
import path from 'node:path';
import type { IntegrationResolvedRoute } from 'astro';
import { AstroError } from 'astro/errors';
import type { BuildResult } from '../core/model/build.ts';
import { REFERENCE_PATH } from '../core/model/paths.ts';

export function checkBuildFormat(format: string): void {
  if (format === 'directory') return;
  throw new AstroError(
    `api-reference does not support build.format: '${format}'. The reference's pages are written as folders ` +
      `(reference/parcels/index.html) and every link it makes ends in "/"; with '${format}' Astro writes ` +
      `reference/parcels.html and those links would lead nowhere.`,
    "Use build.format: 'directory' (Astro's default): remove `build.format` from astro.config.mjs, or set it to 'directory'.",
  );
}

/** A route the reference injects: its Astro pattern, the file (absolute) that serves it, and what it is. */
export interface OwnRoute {
  pattern: string;
  entrypoint: string;
  what: string;
}

/** A page the reference builds: its path under the prefix (`reference/parcels/`, '' for home) and its source. */
export interface ReferencePage {
  path: string;
  /** What makes it, for the message: a content file relative to the project, or a description. */
  what: string;
}

/** The host's routes: all but Astro's own and the reference's. `dirs` are where Astro resolves entrypoints from. */
export function hostRoutes(routes: IntegrationResolvedRoute[], own: OwnRoute[], dirs: string[]): IntegrationResolvedRoute[] {
  const ours = (r: IntegrationResolvedRoute) =>
    own.some((o) => o.pattern === r.pattern && dirs.some((d) => path.resolve(d, r.entrypoint) === o.entrypoint));
  return routes.filter((r) => r.origin !== 'internal' && !ours(r));
}

const parentOf = (p: string) => p.replace(/[^/]+\/$/, '');

/** Every page of the model (the catch-all's and the home page), with what makes it. */
export function referencePages(result: Pick<BuildResult, 'entries' | 'prose' | 'config'>, projectRoot: string): ReferencePage[] {
  const shown = (file: string) => path.relative(projectRoot, path.join(result.config.root, file)).split(path.sep).join('/');
  const pages: ReferencePage[] = [{ path: '', what: "the reference's home page" }];
  const lists = new Map<string, string>();
  for (const e of result.entries) {
    pages.push({ path: e.path, what: shown(e.source) });
    // The list pages (src/utils/routes.ts lists()): a product's objects, the data structures, the forms,
    // each in the folder that holds its items' pages; `reference/` whenever there is any object.
    if (e.kind === 'object' && e.latest) {
      lists.set(parentOf(e.path), "the reference's list of objects");
      lists.set(`${REFERENCE_PATH}/`, "the reference's list of objects");
    }
    if (e.kind === 'structure') lists.set(parentOf(e.path), "the reference's list of data structures");
    if (e.kind === 'form') lists.set(parentOf(e.path), "the reference's list of forms");
  }
  for (const p of result.prose) pages.push({ path: p.path, what: shown(p.file) });
  for (const [p, what] of lists) pages.push({ path: p, what });
  return pages;
}

/** Astro's route for a URL path: no trailing slash, `/` for the root. */
const routeOf = (url: string) => url.replace(/\/+$/, '') || '/';

/**
 * Every clash between the host's routes and the reference's, as message lines; `pages` absent (dev,
 * where the model is built later) checks the routes' patterns only.
 */
export function routeClashes(host: IntegrationResolvedRoute[], own: OwnRoute[], prefix: string, pages?: ReferencePage[]): string[] {
  const lines: string[] = [];
  const claimed = new Set<IntegrationResolvedRoute>();
  const clash = (r: IntegrationResolvedRoute, url: string, ours: string) => {
    claimed.add(r);
    lines.push(`${url}: the site's ${r.entrypoint} and ${ours}`);
  };
  for (const r of host) {
    const same = own.find((o) => o.pattern === r.pattern);
    if (same) clash(r, r.pattern, same.what);
  }
  // Static routes make exactly the URL of their pattern.
  const statics = new Map(host.filter((r) => r.pathname !== undefined && !claimed.has(r)).map((r) => [routeOf(r.pattern), r]));
  const at = (rel: string) => statics.get(routeOf(`${prefix}${rel}`));
  for (const page of pages ?? []) {
    const r = at(page.path);
    if (r) clash(r, routeOf(`${prefix}${page.path}`), page.what);
    const twin = at(`${page.path}index.md`);
    if (twin) clash(twin, routeOf(`${prefix}${page.path}index.md`), `the Markdown twin of ${page.what}`);
  }
  for (const [url, r] of statics) {
    if (claimed.has(r) || !url.startsWith(prefix)) continue;
    const rel = url.slice(prefix.length);
    if (/^(llms|llms-full)\.txt$|^openapi[\w.-]*\.(json|yaml)$/.test(rel)) clash(r, url, `the reference's machine-readable ${rel}`);
  }
  return lines;
}

export function routeClashError(lines: string[]): AstroError {
  return new AstroError(
    `The reference and the site's own pages claim the same URLs; Astro would keep only one page at each:\n` +
      lines.map((l) => `  - ${l}`).join('\n'),
    "Give the reference a prefix of its own (apiReference({ prefix: '/api/' })), or move the site's page.",
  );
}
