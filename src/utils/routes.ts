/**
 * Every page of the site except the home page: one per reference entry, one per prose page, and the
 * list pages (objects, structures, forms). The catch-all route only renders what this returns.
 */
import type { ObjectEntry, ReferenceEntry } from '../schemas/reference.ts';
import { latestObjects, proseEntries, referenceEntries, type ProseEntry } from './entries.ts';
import type { ListItem } from '../components/pages/ListPage.astro';
import type { Crumb } from './nav.ts';
import { plainText, summary } from './text.ts';

export type Route =
  | { kind: 'entry'; path: string; title: string; entry: ReferenceEntry }
  | { kind: 'prose'; path: string; title: string; page: ProseEntry }
  | { kind: 'list'; path: string; title: string; intro: string; items: ListItem[] };

function lists(entries: ReferenceEntry[]): Route[] {
  const out: Route[] = [];
  const objects = latestObjects(entries);
  if (objects.length) {
    out.push({
      kind: 'list',
      path: 'reference/',
      title: 'API reference',
      intro: 'Every object the API exposes, with its endpoints.',
      items: objects.map((o) => ({
        title: o.heading,
        path: o.path,
        summary: o.introShort || undefined,
        meta: `${o.methods.filter((m) => m.available).length} endpoints`,
      })),
    });
  }
  const byKind = (kind: 'structure' | 'form', path: string, title: string, intro: string) => {
    const items = entries
      .filter((e) => e.kind === kind)
      .map((e) => ({ title: e.title, path: e.path }))
      .sort((a, b) => a.title.localeCompare(b.title));
    if (items.length) out.push({ kind: 'list', path, title, intro, items });
  };
  byKind('structure', 'structures/', 'Data structures', 'Objects that appear inside other objects and responses.');
  byKind('form', 'forms/', 'Connection property objects', 'The properties each source or destination type accepts.');
  return out;
}

export async function routes(): Promise<Route[]> {
  const entries = await referenceEntries();
  const prose = await proseEntries();
  return [
    // An object page's <title> matches its h1 and the sidebar: the plural heading ("Parcels").
    ...entries.map((entry): Route => ({
      kind: 'entry',
      path: entry.path,
      title: entry.kind === 'object' ? entry.heading : entry.kind === 'function' ? entry.definition : entry.title,
      entry,
    })),
    ...prose.map((page): Route => ({ kind: 'prose', path: page.path, title: page.data.title, page })),
    ...lists(entries),
  ];
}

/** The <meta name="description"> of a route: the entry's own short description, as plain text. */
export function routeDescription(route: Route): string | undefined {
  if (route.kind === 'prose') return route.page.data.description || undefined;
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
export function fallbackTrail(route: Route, entries: ReferenceEntry[]): Crumb[] {
  const self = { label: route.title, path: route.path };
  if (route.kind !== 'entry') return [self];
  const e = route.entry;
  const api = { label: 'API reference', path: 'reference/' };
  if (e.kind === 'endpoint') {
    const object = objectsByPath(entries).get(e.objectPath);
    return [api, { label: object?.heading ?? e.objectTitle, path: e.objectPath }, { ...self, label: `${e.title} (v${e.version})` }];
  }
  if (e.kind === 'object') return [api, { ...self, label: `${e.heading} (v${e.version})` }];
  if (e.kind === 'structure') return [{ label: 'Data structures', path: 'structures/' }, self];
  if (e.kind === 'form') return [{ label: 'Connection properties', path: 'forms/' }, self];
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
