/**
 * The sidebar: doc pages in one group per doc content type (MDX pages join the `api-doc` group), each by
 * `order`; then each object with its endpoints in the object's `available-methods` order; then data
 * structures, client functions and forms; in a site of several products, one section per
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
import type { Labels } from '../schemas/labels.ts';

export type { Crumb, Nav, NavGroup, NavLink } from './nav-index.ts';

export function buildNavGroups(
  entries: ReferenceEntry[],
  prose: ProseEntry[],
  products: Record<string, ProductConfig>,
  labels?: Labels,
): NavGroup[] {
  return navGroups(
    siteProducts(entries, products),
    prose.map((p) => ({ label: p.title, path: p.path, order: p.order })),
    labels,
  );
}

const memo = new WeakMap<ReferenceEntry[], { prose: ProseEntry[]; products: Record<string, ProductConfig>; labels?: Labels; nav: Nav }>();

/** The navigation for this set of entries; computed once per build, again only when the entries change (dev). */
export function buildNav(entries: ReferenceEntry[], prose: ProseEntry[], products: Record<string, ProductConfig>, labels?: Labels): Nav {
  const hit = memo.get(entries);
  if (hit && sameProse(hit.prose, prose) && hit.products === products && hit.labels === labels) return hit.nav;
  const nav = indexNav(buildNavGroups(entries, prose, products, labels));
  memo.set(entries, { prose, products, labels, nav });
  return nav;
}

function sameProse(a: ProseEntry[], b: ProseEntry[]): boolean {
  return a.length === b.length && a.every((p, i) => p.path === b[i].path && p.title === b[i].title);
}

export { neighbours } from './nav-index.ts';
