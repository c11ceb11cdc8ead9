/**
 * The sidebar: doc pages in one group per doc content type (MDX pages join the `api-doc` group), each by
 * `order`; then each object with its endpoints in the object's `available-methods` order; then data
 * structures, client functions and connection forms.
 *
 * Built once per build (memoised on the entries array, which the static build memoises too), together with
 * the reading order (previous/next) and each page's trail (breadcrumbs), so per-page work is map look-ups.
 */
import type { ReferenceEntry } from '../schemas/reference.ts';
import { docs, latestObjects, type ProseEntry } from './entries.ts';
import { indexNav, type Nav, type NavGroup } from './nav-index.ts';

export type { Crumb, Nav, NavGroup, NavLink } from './nav-index.ts';

function docGroups(entries: ReferenceEntry[], prose: ProseEntry[]): NavGroup[] {
  const all = docs(entries);
  const proseGroup = all.find((d) => d.docType === 'api-doc') ?? { group: 'Guides', groupOrder: -1 };
  const byGroup = new Map<string, { order: number; links: Array<{ label: string; path: string; order: number }> }>();
  const add = (group: string, order: number, link: { label: string; path: string; order: number }) => {
    const g = byGroup.get(group) ?? byGroup.set(group, { order, links: [] }).get(group)!;
    g.order = Math.min(g.order, order);
    g.links.push(link);
  };
  for (const p of prose) add(proseGroup.group, proseGroup.groupOrder, { label: p.data.title, path: p.path, order: p.order });
  for (const d of all) add(d.group, d.groupOrder, { label: d.title, path: d.path, order: d.order });
  return [...byGroup]
    .sort((a, b) => a[1].order - b[1].order)
    .map(([label, g]) => ({ label, links: g.links.sort((a, b) => a.order - b.order).map(({ label, path }) => ({ label, path })) }));
}

export function buildNavGroups(entries: ReferenceEntry[], prose: ProseEntry[]): NavGroup[] {
  const objects = latestObjects(entries).map((o) => ({
    label: o.heading,
    path: o.path,
    children: o.methods.filter((m) => m.path && m.available).map((m) => ({ label: m.title, path: m.path, method: m.method })),
  }));
  const structures = entries
    .filter((e) => e.kind === 'structure')
    .map((s) => ({ label: s.title, path: s.path }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const functions = entries
    .filter((e) => e.kind === 'function')
    .sort((a, b) => a.order - b.order)
    .map((f) => ({ label: f.definition, path: f.path }));
  const forms = entries
    .filter((e) => e.kind === 'form')
    .map((f) => ({ label: f.title, path: f.path }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const groups: NavGroup[] = docGroups(entries, prose);
  if (objects.length) {
    groups.push({ label: 'API reference', path: 'reference/', links: [{ label: 'All objects', path: 'reference/' }, ...objects] });
  }
  if (structures.length) groups.push({ label: 'Data structures', path: 'structures/', links: structures });
  if (functions.length) groups.push({ label: 'Functions', links: functions });
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
  return a.length === b.length && a.every((p, i) => p.path === b[i].path && p.data.title === b[i].data.title);
}

export { neighbours } from './nav-index.ts';
