/**
 * The sidebar's groups turned into what every page needs: the reading order (previous/next) and each
 * page's breadcrumb trail. Pure, so it is unit-tested without Astro.
 */
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

/** Previous and next pages in sidebar order. */
export function neighbours(nav: Nav, path: string): { prev?: NavLink; next?: NavLink } {
  const at = nav.index.get(path);
  if (at === undefined) return {};
  return { prev: nav.order[at - 1], next: nav.order[at + 1] };
}
