/**
 * Links written for a one-page Jekyll site point at bare anchors (`#create-a-source`). Once the reference
 * is split into pages, each such link must go to the page that now holds the anchor. We collect the ids of
 * every page, then rewrite every `href` in the rendered HTML; a link that lands nowhere is reported.
 */
import type { ReferenceEntry, Param } from '../../schemas/reference.ts';
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

/** Resolves one href as seen from `page`; returns the new href, or undefined when it is broken. */
export function resolveHref(href: string, page: ReferenceEntry, index: LinkIndex): string | undefined {
  if (href.startsWith('#')) {
    const id = decodeURIComponent(href.slice(1));
    if (!id || page.anchors.includes(id)) return href;
    const target = index.productAnchors?.get(page.product)?.get(id) ?? index.anchors.get(id);
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

function rewriteHtml(html: string, r: Rewrite, field: string): string {
  const { page, index, broken } = r;
  if (!html.includes('href')) return html;
  return html.replace(HREF_ATTR, (whole, prefix: string, dq?: string, sq?: string) => {
    const href = dq ?? sq ?? '';
    const resolved = resolveHref(href, page, index);
    if (resolved === undefined) {
      broken.push({ file: page.source, field, href, message: brokenMessage(href, page) });
      return r.unlinkBroken ? ` data-broken-href="${href.replace(/"/g, '&quot;')}"` : whole;
    }
    return `${prefix}"${resolved.replace(/"/g, '&quot;')}"`;
  });
}

function brokenMessage(href: string, page: ReferenceEntry): string {
  return href.startsWith('#')
    ? `broken link "${href}" on page /${page.path}: no page has an element with id "${href.slice(1)}"`
    : `broken link "${href}" on page /${page.path}: this site builds no such page (set legacy-url in the site config if it lives on the old site)`;
}

function rewriteParams(params: Param[], r: Rewrite, field: string): Param[] {
  return params.map((p) => {
    const { typeHref: original, ...rest } = p;
    const typeHref = original === undefined ? undefined : resolveHref(original, r.page, r.index);
    if (original !== undefined && typeHref === undefined) {
      r.broken.push({ file: r.page.source, field: `${field}.${p.name}.url`, href: original, message: brokenMessage(original, r.page) });
    }
    const kept = typeHref ?? (r.unlinkBroken ? undefined : original);
    return {
      ...rest,
      ...(kept !== undefined ? { typeHref: kept } : {}),
      descriptionHtml: rewriteHtml(p.descriptionHtml, r, `${field}.${p.name}`),
      children: rewriteParams(p.children, r, `${field}.${p.name}`),
    };
  });
}

/** Rewrites every link of one entry; broken links are appended to `broken`. */
export function rewriteEntryLinks(entry: ReferenceEntry, index: LinkIndex, broken: BrokenLink[], unlinkBroken = false): ReferenceEntry {
  const r: Rewrite = { page: entry, index, broken, unlinkBroken };
  const html = (s: string, field: string) => rewriteHtml(s, r, field);
  switch (entry.kind) {
    case 'endpoint':
      return {
        ...entry,
        shortHtml: html(entry.shortHtml, 'short'),
        descriptionHtml: html(entry.descriptionHtml, 'description'),
        notesHtml: html(entry.notesHtml, 'notes'),
        returnsHtml: html(entry.returnsHtml, 'returns'),
        arguments: rewriteParams(entry.arguments, r, 'arguments'),
        responseAttributes: rewriteParams(entry.responseAttributes, r, 'response-attributes'),
        errors: entry.errors.map((e) => ({ ...e, conditionHtml: html(e.conditionHtml, 'errors'), bodyHtml: html(e.bodyHtml, 'errors') })),
      };
    case 'object':
      return {
        ...entry,
        descriptionHtml: html(entry.descriptionHtml, 'description'),
        methods: entry.methods.map((m) => ({ ...m, shortHtml: html(m.shortHtml, `available-methods.${m.key}.short`) })),
        attributes: rewriteParams(entry.attributes, r, 'object-attributes'),
      };
    case 'structure':
    case 'form':
      return {
        ...entry,
        descriptionHtml: html(entry.descriptionHtml, 'description'),
        attributes: rewriteParams(entry.attributes, r, 'object-attributes'),
      };
    case 'doc':
      return { ...entry, sections: entry.sections.map((s, i) => ({ ...s, html: html(s.html, `sections[${i}].content`) })) };
  }
}
