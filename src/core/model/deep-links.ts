/**
 * Every id a reference page renders is made here, and nowhere else: components render the ids the model
 * gives them, and the link index (links.ts) and the link checker read the same ids from each entry's
 * `anchors` (anchors.ts). Ids of arguments and attributes derive from the names alone (never from row
 * positions), so a link keeps working when rows are added or reordered: `arg-customs.items.quantity`.
 */
import { slugify } from '../liquid/jekyll-filters.ts';
import type { ExampleTab, Param } from '../../schemas/reference.ts';

/** A name as an id piece: anything outside letters, digits, `_`, `.` and `-` becomes `-`. */
export function idPart(name: string): string {
  return (
    name
      .trim()
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || '_'
  );
}

/** `prefix-parent.child` for a parameter at `path` (its own name last). */
export function paramId(prefix: string, path: string[]): string {
  return `${prefix}-${path.map(idPart).join('.')}`;
}

/**
 * Ids the page layout itself uses around the content (DocsLayout's `main`, the sidebar, the "On this page"
 * title, the search results). Content ids are never these, so a section titled "Content" cannot take the
 * skip link's target.
 */
export const LAYOUT_IDS = ['content', 'site-nav', 'toc-title', 'site-search-results'] as const;

/** Hands out ids unique within one page: a repeated id gets `-2`, `-3`, … in document order. */
export class PageIds {
  private readonly seen = new Set<string>(LAYOUT_IDS);

  constructor(taken: Iterable<string> = []) {
    for (const id of taken) this.seen.add(id);
  }

  claim(id: string): string {
    let out = id;
    for (let n = 2; this.seen.has(out); n++) out = `${id}-${n}`;
    this.seen.add(out);
    return out;
  }
}

/** The rows of one parameter table with their ids, claimed in the order the page shows them. */
export function withParamIds(params: Param[], prefix: string, ids: PageIds, path: string[] = []): Param[] {
  return params.map((p) => ({
    ...p,
    id: ids.claim(paramId(prefix, [...path, p.name])),
    children: withParamIds(p.children, prefix, ids, [...path, p.name]),
  }));
}

/** A section of a page: `create-a-parcel--arguments`. Jekyll's pages used the same `<key>--<section>` ids. */
export function sectionId(key: string, section: string): string {
  return `${key}--${section}`;
}

/** The stem of an endpoint version's tab ids: `create-a-parcel-v1`. */
export function versionStem(key: string, version: string): string {
  return `${key}-v${version}`.replace(/[^\w-]/g, '');
}

/** An example tab and its panel: panel `create-a-parcel-v1-request`, tab `create-a-parcel-v1-request-tab`. */
export function exampleTab(stem: string, type: ExampleTab['type'], ids: PageIds): ExampleTab {
  const panelId = ids.claim(`${stem}-${type.toLowerCase()}`);
  return { type, panelId, tabId: ids.claim(`${panelId}-tab`) };
}

/** A language tab of a request sample: panel `<group>-curl`, tab `<group>-curl-tab`. */
export function snippetTab(group: string, language: string, ids: PageIds): { panelId: string; tabId: string } {
  const panelId = ids.claim(`${group}-${language}`);
  return { panelId, tabId: ids.claim(`${panelId}-tab`) };
}

/** Jekyll's id for a titled example (`{{ key | append: "-" | append: type | slugify }}`). */
export function exampleId(key: string, type: string): string {
  return slugify(`${key}-${type}`);
}
