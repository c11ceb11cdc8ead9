/**
 * Every page of the site except the home page: one per reference entry, one per prose page, and the
 * list pages (objects, structures, forms). The catch-all route only renders what this returns.
 */
import type { ObjectEntry, ReferenceEntry } from '../schemas/reference.ts';
import { proseEntries, referenceEntries, type ProseEntry } from './entries.ts';
import { formsPath, siteProducts, structuresPath, type ProductSection, type SiteProducts } from './products.ts';
import { siteConfig } from './site.ts';
import type { SiteConfig } from '../schemas/site-config.ts';
import { DEFAULT_LABELS, type Labels } from '../schemas/labels.ts';
import type { Crumb } from './nav.ts';
import { plainText, summary } from './text.ts';

/** A row of a list page (objects, structures, forms). */
export interface ListItem {
  title: string;
  path: string;
  summary?: string;
  meta?: string;
}

export type Route =
  | { kind: 'entry'; path: string; title: string; entry: ReferenceEntry }
  | { kind: 'prose'; path: string; title: string; page: ProseEntry }
  | { kind: 'list'; path: string; title: string; intro: string; items: ListItem[] };

/** "1 endpoint", "3 endpoints": interface text, not content (content names its own plurals). */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const objectItem = (o: ObjectEntry): ListItem => ({
  title: o.heading,
  path: o.path,
  summary: o.introShort || undefined,
  meta: count(o.methods.filter((m) => m.available).length, 'endpoint'),
});

/**
 * The list pages: one index of objects per product (`reference/` for a single product), and in a site of
 * several products an overview of them at `reference/`; data structures and forms, per product too.
 * Sections that share a path (a product kept at the top, with files that name no product) share a page.
 */
export function lists(products: SiteProducts, labels: Labels = DEFAULT_LABELS): Route[] {
  const pages = new Map<string, Extract<Route, { kind: 'list' }>>();
  const add = (path: string, title: string, intro: string, items: ListItem[]) => {
    if (!items.length) return;
    const page = pages.get(path);
    if (page) page.items.push(...items);
    else pages.set(path, { kind: 'list', path, title, intro, items: [...items] });
  };
  const named = (s: ProductSection) => products.several && s.product.key !== '';
  for (const s of products.sections) {
    if (!s.indexPath) continue;
    const what = named(s) ? `the ${s.product.title}` : 'the API';
    add(
      s.indexPath,
      named(s) ? s.product.title : 'API reference',
      `Every object ${what} exposes, with its endpoints.`,
      s.objects.map(objectItem),
    );
  }
  // `reference/` lists the products, unless one of them is kept there (then the sidebar and home page do).
  const overview = products.sections.filter((s) => named(s) && s.indexPath && s.indexPath !== 'reference/');
  const topProduct = products.sections.some((s) => named(s) && s.indexPath === 'reference/');
  if (overview.length && !topProduct) {
    const items = overview.map((s) => ({ title: s.product.title, path: s.indexPath!, meta: count(s.objects.length, 'object') }));
    const top = pages.get('reference/');
    if (top) top.items.unshift(...items);
    else add('reference/', 'API reference', 'Every API documented here, with its objects.', items);
  }
  const byTitle = (items: ListItem[]) => items.sort((a, b) => a.title.localeCompare(b.title));
  for (const s of products.sections) {
    const of = named(s) ? ` of the ${s.product.title}` : '';
    add(
      structuresPath(s.product.segment),
      named(s) ? `${s.product.title}: data structures` : 'Data structures',
      `Objects that appear inside other objects and responses${of}.`,
      s.structures.map((e) => ({ title: e.title, path: e.path })),
    );
    // What the forms are called is the site's (`labels.forms`): no wording here knows what they describe.
    const forms = labels.forms;
    add(
      formsPath(s.product.segment),
      named(s) ? `${s.product.title}: ${forms.title}` : forms.title,
      `${forms.intro.replace(/\.$/, '')}${of}.`,
      s.forms.map((e) => ({ title: e.title, path: e.path })),
    );
  }
  for (const page of pages.values()) if (!page.path.startsWith('reference/')) byTitle(page.items);
  return [...pages.values()];
}

export async function routes(): Promise<Route[]> {
  const entries = await referenceEntries();
  const prose = await proseEntries();
  const config = await siteConfig();
  return [
    // An object page's <title> matches its h1 and the sidebar: the plural heading ("Parcels").
    ...entries.map((entry): Route => ({
      kind: 'entry',
      path: entry.path,
      title: entry.kind === 'object' ? entry.heading : entry.kind === 'function' ? entry.definition : entry.title,
      entry,
    })),
    ...prose.map((page): Route => ({ kind: 'prose', path: page.path, title: page.title, page })),
    ...lists(siteProducts(entries, config.products), config.labels),
  ];
}

/** The <meta name="description"> of a route: the entry's own short description, as plain text. */
export function routeDescription(route: Route): string | undefined {
  if (route.kind === 'prose') return route.page.description || undefined;
  if (route.kind === 'list') return route.intro;
  const e = route.entry;
  const html =
    e.kind === 'endpoint'
      ? e.shortHtml || e.descriptionHtml
      : e.kind === 'object'
        ? e.introShort || e.descriptionHtml
        : e.kind === 'doc'
          ? (e.sections[0]?.html ?? '')
          : e.descriptionHtml;
  return summary(plainText(html)) || undefined;
}

/**
 * Breadcrumbs for pages the sidebar does not list (older versions, list pages); listed pages take
 * their trail from the sidebar.
 */
export function fallbackTrail(route: Route, entries: ReferenceEntry[], config: SiteConfig): Crumb[] {
  const self = { label: route.title, path: route.path };
  if (route.kind !== 'entry') return [self];
  const e = route.entry;
  const products = siteProducts(entries, config.products);
  const section = products.byKey.get(e.product);
  const named = products.several && e.product !== '' && section;
  const api = { label: named ? section.product.title : 'API reference', path: section?.indexPath ?? 'reference/' };
  const segment = section?.product.segment ?? '';
  if (e.kind === 'endpoint') {
    const object = objectsByPath(entries).get(e.objectPath);
    return [api, { label: object?.heading ?? e.objectTitle, path: e.objectPath }, { ...self, label: `${e.title} (v${e.version})` }];
  }
  if (e.kind === 'object') return [api, { ...self, label: `${e.heading} (v${e.version})` }];
  if (e.kind === 'structure') return [{ label: 'Data structures', path: structuresPath(segment) }, self];
  if (e.kind === 'form') return [{ label: config.labels.forms.group, path: formsPath(segment) }, self];
  if (e.kind === 'function') return [{ label: 'Functions' }, self];
  return [self];
}

const objectIndex = new WeakMap<ReferenceEntry[], Map<string, ObjectEntry>>();

/** Object entries by page path, built once per set of entries (one look-up per page, not a scan). */
function objectsByPath(entries: ReferenceEntry[]): Map<string, ObjectEntry> {
  let map = objectIndex.get(entries);
  if (!map) {
    map = new Map(entries.filter((e): e is ObjectEntry => e.kind === 'object').map((o) => [o.path, o]));
    objectIndex.set(entries, map);
  }
  return map;
}
