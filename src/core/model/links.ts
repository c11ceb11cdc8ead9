/**
 * Links written for a one-page Jekyll site point at bare anchors (`#create-a-source`). Once the reference
 * is split into pages, each such link must go to the page that now holds the anchor. We collect the ids of
 * every page, then rewrite every `href` in the rendered HTML; a link that lands nowhere is reported.
 */
import type { Origin, Param, ReferenceEntry } from '../../schemas/reference.ts';
import type { ContentWarning } from '../errors.ts';

const ID_ATTR = /\sid\s*=\s*(?:"([^"]+)"|'([^']+)')/g;
const HREF_ATTR = /(\shref\s*=\s*)(?:"([^"]*)"|'([^']*)')/g;

export function idsIn(html: string): string[] {
  return [...html.matchAll(ID_ATTR)].map((m) => m[1] ?? m[2]);
}

export interface LinkIndex {
  /** Anchor id → the page path (under base) that holds it; the first page to claim an id keeps it. */
  anchors: Map<string, string>;
  /**
   * The same per product: a bare `#anchor` on a product's page goes to that product's page first, so two
   * products may both have `#webhooks` (absent in indexes made before products existed).
   */
  productAnchors?: Map<string, Map<string, string>>;
  /** Page path → its ids, for reference pages (prose pages' ids are not known here). */
  pageAnchors: Map<string, Set<string>>;
  /** Every page path this site builds, e.g. `reference/sources/`. */
  pages: Set<string>;
  base: string;
  /** Origin of the replaced site, for root-relative links to pages we do not build. */
  legacyUrl: string;
}

export interface BrokenLink extends ContentWarning {
  href: string;
}

export function buildLinkIndex(entries: ReferenceEntry[], extraPages: string[], base: string, legacyUrl: string): LinkIndex {
  const anchors = new Map<string, string>();
  const productAnchors = new Map<string, Map<string, string>>();
  for (const entry of entries) {
    const own = productAnchors.get(entry.product) ?? productAnchors.set(entry.product, new Map()).get(entry.product)!;
    for (const id of entry.anchors) {
      if (!anchors.has(id)) anchors.set(id, entry.path);
      if (!own.has(id)) own.set(id, entry.path);
    }
  }
  const pageAnchors = new Map(entries.map((e) => [e.path, new Set(e.anchors)]));
  return { anchors, productAnchors, pageAnchors, pages: new Set([...entries.map((e) => e.path), ...extraPages, '']), base, legacyUrl };
}

/**
 * Resolves one href as seen from a page whose own ids are `page.anchors` (a reference entry, or an MDX
 * page's ids); a bare `#anchor` goes to the page's own product first. Returns the new href, or undefined
 * when it is broken.
 */
export function resolveHref(href: string, page: { anchors: readonly string[]; product?: string }, index: LinkIndex): string | undefined {
  if (href.startsWith('#')) {
    const id = decodeURIComponent(href.slice(1));
    if (!id || page.anchors.includes(id)) return href;
    const target = index.productAnchors?.get(page.product ?? '')?.get(id) ?? index.anchors.get(id);
    return target === undefined ? undefined : `${index.base}/${target}${href}`;
  }
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const [pathPart, fragment] = href.split('#', 2);
  const inBase = index.base && (pathPart === index.base || pathPart.startsWith(`${index.base}/`));
  const rel = (inBase ? pathPart.slice(index.base.length) : index.base ? null : pathPart)?.replace(/^\//, '');
  if (rel !== null && rel !== undefined) {
    const normal = rel === '' || rel.endsWith('/') || /\.[a-z0-9]+$/i.test(rel) ? rel : `${rel}/`;
    if (index.pages.has(normal) || /\.[a-z0-9]+$/i.test(rel)) {
      if (fragment === undefined || fragment === '') return href;
      const known = index.pageAnchors.get(normal);
      // Reference pages' ids are all known; prose pages' are not, so a fragment there is trusted. The
      // home page has no content ids at all.
      if (known) return known.has(decodeURIComponent(fragment)) ? href : undefined;
      return normal === '' ? undefined : href;
    }
  }
  return index.legacyUrl ? `${index.legacyUrl}${href}` : undefined;
}

interface Rewrite {
  page: ReferenceEntry;
  index: LinkIndex;
  broken: BrokenLink[];
  /** Best-effort pages drop the href of a broken link (keeping its text) instead of shipping it. */
  unlinkBroken: boolean;
}

/** Where a piece of rendered HTML came from: a field of the page's own file unless `from` says otherwise. */
type Source = string | Origin;

function origin(r: Rewrite, source: Source): Origin {
  return typeof source === 'string' ? { file: r.page.source, field: source } : source;
}

function rewriteHtml(html: string, r: Rewrite, source: Source): string {
  const { page, index, broken } = r;
  if (!html.includes('href')) return html;
  return html.replace(HREF_ATTR, (whole, prefix: string, dq?: string, sq?: string) => {
    const href = dq ?? sq ?? '';
    const resolved = resolveHref(href, page, index);
    if (resolved === undefined) {
      broken.push({ ...origin(r, source), href, message: brokenMessage(href, page.path) });
      return r.unlinkBroken ? ` data-broken-href="${href.replace(/"/g, '&quot;')}"` : whole;
    }
    return `${prefix}"${resolved.replace(/"/g, '&quot;')}"`;
  });
}

export function brokenMessage(href: string, pagePath: string): string {
  return href.startsWith('#')
    ? `broken link "${href}" on page /${pagePath}: no page has an element with id "${href.slice(1)}"`
    : `broken link "${href}" on page /${pagePath}: this site builds no such page (set legacy-url in the site config if it lives on the old site)`;
}

function rewriteParams(params: Param[], r: Rewrite): Param[] {
  return params.map((p) => {
    const { typeHref: original, ...rest } = p;
    const typeHref = original === undefined ? undefined : resolveHref(original, r.page, r.index);
    if (original !== undefined && typeHref === undefined) {
      r.broken.push({ ...origin(r, `${p.field}.url`), href: original, message: brokenMessage(original, r.page.path) });
    }
    const kept = typeHref ?? (r.unlinkBroken ? undefined : original);
    return {
      ...rest,
      ...(kept !== undefined ? { typeHref: kept } : {}),
      descriptionHtml: rewriteHtml(p.descriptionHtml, r, `${p.field}.description`),
      children: rewriteParams(p.children, r),
    };
  });
}

/** Rewrites every link of one entry; broken links are appended to `broken`. */
export function rewriteEntryLinks(entry: ReferenceEntry, index: LinkIndex, broken: BrokenLink[], unlinkBroken = false): ReferenceEntry {
  const r: Rewrite = { page: entry, index, broken, unlinkBroken };
  const html = (s: string, source: Source) => rewriteHtml(s, r, source);
  switch (entry.kind) {
    case 'endpoint':
      return {
        ...entry,
        shortHtml: html(entry.shortHtml, entry.shortFrom ?? 'short'),
        descriptionHtml: html(entry.descriptionHtml, 'description'),
        notesHtml: html(entry.notesHtml, entry.notesFrom ?? 'notes'),
        // Rows come from site data; the message names the row, the line is the endpoint's `key`.
        resourceList: entry.resourceList.map((row) => ({ ...row, html: html(row.html, `resource-list row "${row.name}"`) })),
        requestBodyHtml: html(entry.requestBodyHtml, 'request-body'),
        returnsHtml: html(entry.returnsHtml, 'returns'),
        arguments: rewriteParams(entry.arguments, r),
        responseAttributes: rewriteParams(entry.responseAttributes, r),
        errors: entry.errors.map((e) => ({ ...e, conditionHtml: html(e.conditionHtml, e.field), bodyHtml: html(e.bodyHtml, e.field) })),
      };
    case 'object':
      return {
        ...entry,
        descriptionHtml: html(entry.descriptionHtml, 'description'),
        methods: entry.methods.map((m, i) => ({ ...m, shortHtml: html(m.shortHtml, m.shortFrom ?? `available-methods[${i}].short`) })),
        attributes: rewriteParams(entry.attributes, r),
      };
    case 'structure':
      return {
        ...entry,
        descriptionHtml: html(entry.descriptionHtml, 'description'),
        attributes: rewriteParams(entry.attributes, r),
        subStructures: entry.subStructures.map((s, i) => ({ ...s, summaryHtml: html(s.summaryHtml, `sub-structures[${i}]`) })),
      };
    case 'form':
      return {
        ...entry,
        descriptionHtml: html(entry.descriptionHtml, 'description'),
        attributes: rewriteParams(entry.attributes, r),
      };
    case 'doc':
      return {
        ...entry,
        sections: entry.sections.map((s) => ({ ...s, html: html(s.html, s.field === 'include' ? 'include' : `${s.field}.content`) })),
      };
    case 'function':
      return {
        ...entry,
        descriptionHtml: html(entry.descriptionHtml, 'description'),
        options: rewriteParams(entry.options, r),
        examples: entry.examples.map((x) => ({ ...x, descriptionHtml: html(x.descriptionHtml, `${x.field}.description`) })),
      };
  }
}
