/**
 * Every page of the site except the home page: one per reference entry, one per prose page, and the
 * list pages (objects, structures, forms). The catch-all route only renders what this returns.
 */
import type { ReferenceEntry } from '../schemas/reference.ts';
import { latestObjects, proseEntries, referenceEntries, type ProseEntry } from './entries.ts';
import type { ListItem } from '../components/pages/ListPage.astro';

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
    ...entries.map((entry): Route => ({ kind: 'entry', path: entry.path, title: entry.title, entry })),
    ...prose.map((page): Route => ({ kind: 'prose', path: page.path, title: page.data.title, page })),
    ...lists(entries),
  ];
}
