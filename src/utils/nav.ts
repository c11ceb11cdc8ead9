/**
 * The sidebar: guides (MDX pages and api-doc pages, by `order`), then each object with its endpoints in
 * the object's `available-methods` order, then data structures and connection forms.
 */
import type { ReferenceEntry } from '../schemas/reference.ts';
import { docs, latestObjects, type ProseEntry } from './entries.ts';

export interface NavLink {
  label: string;
  path: string;
  method?: string;
  children?: NavLink[];
}

export interface NavGroup {
  label: string;
  links: NavLink[];
  /** Long lists (hundreds of forms) start collapsed. */
  collapsed?: boolean;
}

export function buildNav(entries: ReferenceEntry[], prose: ProseEntry[]): NavGroup[] {
  const guides = [
    ...prose.map((p) => ({ label: p.data.title, path: p.path, order: p.order })),
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
  if (objects.length) groups.push({ label: 'API reference', links: [{ label: 'All objects', path: 'reference/' }, ...objects] });
  if (structures.length) groups.push({ label: 'Data structures', links: structures });
  if (forms.length) groups.push({ label: 'Connection properties', links: forms, collapsed: forms.length > 20 });
  return groups;
}
