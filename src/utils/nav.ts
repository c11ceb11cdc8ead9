/**
 * The sidebar: doc pages in one group per doc content type (MDX pages join the `api-doc` group), each by
 * `order`; then each object with its endpoints in the object's `available-methods` order; then data
 * structures, client functions and connection forms; in a site of several products, one section per
 * product (nav-groups.ts).
 *
 * Built once per build (memoised on the entries array, which the static build memoises too), together with
 * the reading order (previous/next) and each page's trail (breadcrumbs), so per-page work is map look-ups.
 */
import type { ReferenceEntry } from '../schemas/reference.ts';
import type { ProseEntry } from './entries.ts';
import { indexNav, type Nav, type NavGroup } from './nav-index.ts';
import { navGroups } from './nav-groups.ts';
import { siteProducts } from './products.ts';
import type { ProductConfig } from '../schemas/site-config.ts';

export type { Crumb, Nav, NavGroup, NavLink } from './nav-index.ts';

export function buildNavGroups(entries: ReferenceEntry[], prose: ProseEntry[], products: Record<string, ProductConfig>): NavGroup[] {
  return navGroups(
    siteProducts(entries, products),
    prose.map((p) => ({ label: p.data.title, path: p.path, order: p.order })),
  );
}

const memo = new WeakMap<ReferenceEntry[], { prose: ProseEntry[]; products: Record<string, ProductConfig>; nav: Nav }>();

/** The navigation for this set of entries; computed once per build, again only when the entries change (dev). */
export function buildNav(entries: ReferenceEntry[], prose: ProseEntry[], products: Record<string, ProductConfig>): Nav {
  const hit = memo.get(entries);
  if (hit && sameProse(hit.prose, prose) && hit.products === products) return hit.nav;
  const nav = indexNav(buildNavGroups(entries, prose, products));
  memo.set(entries, { prose, products, nav });
  return nav;
}

function sameProse(a: ProseEntry[], b: ProseEntry[]): boolean {
  return a.length === b.length && a.every((p, i) => p.path === b[i].path && p.data.title === b[i].data.title);
}

export { neighbours } from './nav-index.ts';
