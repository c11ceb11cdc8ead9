/**
 * The sidebar: guides (MDX pages and api-doc pages, by `order`), then each object with its endpoints in
 * the object's `available-methods` order, then data structures and connection forms.
 *
 * Built once per build (memoised on the entries array, which the static build memoises too), together with
 * the reading order (previous/next) and each page's trail (breadcrumbs), so per-page work is map look-ups.
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
  /** The list page that stands for the whole group in breadcrumbs, when there is one. */
  path?: string;
}

export interface Crumb {
  label: string;
  path?: string;
}

export interface Nav {
  groups: NavGroup[];
  /** Every linked page in sidebar order: the reading order for previous/next links. */
  order: NavLink[];
  /** Position in `order` by page path. */
  index: Map<string, number>;
  /** Breadcrumb trail (ending with the page itself) by page path. */
  trails: Map<string, Crumb[]>;
}

export function buildNavGroups(entries: ReferenceEntry[], prose: ProseEntry[]): NavGroup[] {
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
  if (objects.length) {
    groups.push({ label: 'API reference', path: 'reference/', links: [{ label: 'All objects', path: 'reference/' }, ...objects] });
  }
  if (structures.length) groups.push({ label: 'Data structures', path: 'structures/', links: structures });
  if (forms.length) groups.push({ label: 'Connection properties', path: 'forms/', links: forms, collapsed: forms.length > 20 });
  return groups;
}

export function indexNav(groups: NavGroup[]): Nav {
  const order: NavLink[] = [];
  const index = new Map<string, number>();
  const trails = new Map<string, Crumb[]>();
  const visit = (link: NavLink, parents: Crumb[]) => {
    if (!index.has(link.path)) {
      index.set(link.path, order.length);
      order.push(link);
    }
    const trail = [...parents, { label: link.label, path: link.path }];
    // A group's own list page ("All objects") is the group crumb itself, not a child of it.
    if (!trails.has(link.path)) trails.set(link.path, parents.at(-1)?.path === link.path ? parents : trail);
    for (const child of link.children ?? []) visit(child, trail);
  };
  for (const group of groups) {
    for (const link of group.links) visit(link, [{ label: group.label, path: group.path }]);
  }
  return { groups, order, index, trails };
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

/** Previous and next pages in sidebar order. */
export function neighbours(nav: Nav, path: string): { prev?: NavLink; next?: NavLink } {
  const at = nav.index.get(path);
  if (at === undefined) return {};
  return { prev: nav.order[at - 1], next: nav.order[at + 1] };
}
