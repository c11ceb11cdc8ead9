/**
 * The sidebar: guides (MDX pages and api-doc pages, by `order`), then each object with its endpoints in
 * the object's `available-methods` order, then data structures and connection forms.
 *
 * Built once per build (memoised on the entries array, which the static build memoises too), together with
 * the reading order (previous/next) and each page's trail (breadcrumbs), so per-page work is map look-ups.
 */
import type { ReferenceEntry } from '../schemas/reference.ts';
import { docs, latestObjects, type ProseEntry } from './entries.ts';
import { indexNav, type Nav, type NavGroup } from './nav-index.ts';

export type { Crumb, Nav, NavGroup, NavLink } from './nav-index.ts';

export function buildNavGroups(entries: ReferenceEntry[], prose: ProseEntry[]): NavGroup[] {
  const guides = [
    ...prose.map((p) => ({ label: p.title, path: p.path, order: p.order })),
    ...docs(entries).map((d) => ({ label: d.title, path: d.path, order: d.order })),
  ].sort((a, b) => a.order - b.order);
  const objects = latestObjects(entries).map((o) => ({
    label: o.heading,
    path: o.path,
    children: o.methods.filter((m) => m.path && m.available).map((m) => ({ label: m.title, path: m.path, method: m.method })),
  }));
  const structures = entries
    .filter((e) => e.kind === 'structure')
    .map((s) => ({ label: s.title, path: s.path }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const forms = entries
    .filter((e) => e.kind === 'form')
    .map((f) => ({ label: f.title, path: f.path }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const groups: NavGroup[] = [];
  if (guides.length) groups.push({ label: 'Guides', links: guides.map(({ label, path }) => ({ label, path })) });
  if (objects.length) {
    groups.push({ label: 'API reference', path: 'reference/', links: [{ label: 'All objects', path: 'reference/' }, ...objects] });
  }
  if (structures.length) groups.push({ label: 'Data structures', path: 'structures/', links: structures });
  if (forms.length) groups.push({ label: 'Connection properties', path: 'forms/', links: forms, collapsed: forms.length > 20 });
  return groups;
}

const memo = new WeakMap<ReferenceEntry[], { prose: ProseEntry[]; nav: Nav }>();

/** The navigation for this set of entries; computed once per build, again only when the entries change (dev). */
export function buildNav(entries: ReferenceEntry[], prose: ProseEntry[]): Nav {
  const hit = memo.get(entries);
  if (hit && sameProse(hit.prose, prose)) return hit.nav;
  const nav = indexNav(buildNavGroups(entries, prose));
  memo.set(entries, { prose, nav });
  return nav;
}

function sameProse(a: ProseEntry[], b: ProseEntry[]): boolean {
  return a.length === b.length && a.every((p, i) => p.path === b[i].path && p.title === b[i].title);
}

export { neighbours } from './nav-index.ts';
