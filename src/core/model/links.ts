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
  for (const entry of entries) {
    for (const id of entry.anchors) if (!anchors.has(id)) anchors.set(id, entry.path);
  }
  return { anchors, pages: new Set([...entries.map((e) => e.path), ...extraPages, '']), base, legacyUrl };
}

/** Resolves one href as seen from `page`; returns the new href, or undefined when it is broken. */
export function resolveHref(href: string, page: ReferenceEntry, index: LinkIndex): string | undefined {
  if (href.startsWith('#')) {
    const id = decodeURIComponent(href.slice(1));
    if (!id || page.anchors.includes(id)) return href;
    const target = index.anchors.get(id);
    return target === undefined ? undefined : `${index.base}/${target}${href}`;
  }
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const [pathPart, fragment] = href.split('#', 2);
  const inBase = index.base && (pathPart === index.base || pathPart.startsWith(`${index.base}/`));
  const rel = (inBase ? pathPart.slice(index.base.length) : index.base ? null : pathPart)?.replace(/^\//, '');
  if (rel !== null && rel !== undefined) {
    const normal = rel === '' || rel.endsWith('/') || /\.[a-z0-9]+$/i.test(rel) ? rel : `${rel}/`;
    if (index.pages.has(normal) || /\.[a-z0-9]+$/i.test(rel)) {
      if (fragment === undefined) return href;
      const owner = index.anchors.get(fragment);
      return owner === undefined || owner === normal ? href : undefined;
    }
  }
  return index.legacyUrl ? `${index.legacyUrl}${href}` : undefined;
}

function rewriteHtml(html: string, page: ReferenceEntry, index: LinkIndex, broken: BrokenLink[], field: string): string {
  if (!html.includes('href')) return html;
  return html.replace(HREF_ATTR, (whole, prefix: string, dq?: string, sq?: string) => {
    const href = dq ?? sq ?? '';
    const resolved = resolveHref(href, page, index);
    if (resolved === undefined) {
      broken.push({ file: page.source, field, href, message: brokenMessage(href, page) });
      return whole;
    }
    return `${prefix}"${resolved.replace(/"/g, '&quot;')}"`;
  });
}

function brokenMessage(href: string, page: ReferenceEntry): string {
  return href.startsWith('#')
    ? `broken link "${href}" on page /${page.path}: no page has an element with id "${href.slice(1)}"`
    : `broken link "${href}" on page /${page.path}: this site builds no such page (set legacy-url in the site config if it lives on the old site)`;
}

function rewriteParams(params: Param[], page: ReferenceEntry, index: LinkIndex, broken: BrokenLink[], field: string): Param[] {
  return params.map((p) => {
    const typeHref = p.typeHref === undefined ? undefined : resolveHref(p.typeHref, page, index);
    if (p.typeHref !== undefined && typeHref === undefined) {
      broken.push({ file: page.source, field: `${field}.${p.name}.url`, href: p.typeHref, message: brokenMessage(p.typeHref, page) });
    }
    return {
      ...p,
      ...(p.typeHref !== undefined ? { typeHref: typeHref ?? p.typeHref } : {}),
      descriptionHtml: rewriteHtml(p.descriptionHtml, page, index, broken, `${field}.${p.name}`),
      children: rewriteParams(p.children, page, index, broken, `${field}.${p.name}`),
    };
  });
}

/** Rewrites every link of one entry; broken links are appended to `broken`. */
export function rewriteEntryLinks(entry: ReferenceEntry, index: LinkIndex, broken: BrokenLink[]): ReferenceEntry {
  const html = (s: string, field: string) => rewriteHtml(s, entry, index, broken, field);
  switch (entry.kind) {
    case 'endpoint':
      return {
        ...entry,
        shortHtml: html(entry.shortHtml, 'short'),
        descriptionHtml: html(entry.descriptionHtml, 'description'),
        notesHtml: html(entry.notesHtml, 'notes'),
        returnsHtml: html(entry.returnsHtml, 'returns'),
        arguments: rewriteParams(entry.arguments, entry, index, broken, 'arguments'),
        responseAttributes: rewriteParams(entry.responseAttributes, entry, index, broken, 'response-attributes'),
        errors: entry.errors.map((e) => ({ ...e, conditionHtml: html(e.conditionHtml, 'errors'), bodyHtml: html(e.bodyHtml, 'errors') })),
      };
    case 'object':
      return {
        ...entry,
        descriptionHtml: html(entry.descriptionHtml, 'description'),
        methods: entry.methods.map((m) => ({ ...m, shortHtml: html(m.shortHtml, `available-methods.${m.key}.short`) })),
        attributes: rewriteParams(entry.attributes, entry, index, broken, 'object-attributes'),
      };
    case 'structure':
    case 'form':
      return {
        ...entry,
        descriptionHtml: html(entry.descriptionHtml, 'description'),
        attributes: rewriteParams(entry.attributes, entry, index, broken, 'object-attributes'),
      };
    case 'doc':
      return { ...entry, sections: entry.sections.map((s, i) => ({ ...s, html: html(s.html, `sections[${i}].content`) })) };
  }
}
