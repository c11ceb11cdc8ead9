/**
 * The sidebar as one HTML string, rendered once per build. A site with thousands of endpoints would
 * otherwise re-render thousands of links for every page; here a page only splices `aria-current` into its
 * own link, `open` into the groups that contain it, and the parts of a large site's sidebar that only its
 * own pages carry (offsets found once, when the string is built).
 */
import { escapeHtml } from '../core/html.ts';
import { methodBadgeHtml } from './method.ts';
import type { Nav, NavGroup, NavLink } from './nav.ts';

export interface SidebarTemplate {
  html: string;
  /**
   * Insertions per page href: sorted offsets into `html` and the text to insert there. A page's own copy of
   * its group is made when that page renders: made up front, they would hold every group once per endpoint.
   */
  marks: Map<string, Mark[]>;
}

export interface Mark {
  at: number;
  text: string | (() => string);
}

export interface SidebarLimits {
  /** Above this many endpoint links, closed object groups ship empty (filled on demand). */
  maxLinks?: number;
  /**
   * Above this many objects (or plain links) in a group, or children in a row, the list itself ships only
   * on the group's (row's) list page.
   */
  maxObjects?: number;
}

/**
 * Above this many endpoint links, closed object groups ship without their endpoints, which the sidebar
 * script fetches from the object page when a group is opened; the current page's group is always complete.
 * An endpoint link weighs ~160 bytes, so 250 of them (~40 KB) already match the rest of a typical endpoint
 * page (~45 KB): past that the sidebar would outweigh the page, and a build writes it once per page.
 */
export const FULL_SIDEBAR_MAX_LINKS = 250;

/**
 * Above this many objects, even the closed object rows (~250 bytes each, 60 ≈ 15 KB) grow every page with
 * the site: the group then inlines only its list page link, the current page's object and an "All N
 * objects" disclosure whose rows live only in the list page's sidebar, fetched on first open. The same
 * holds for every group of plain links that has a list page (data structures, forms) and for every row of
 * more children than this (a product's forms or structures in a site of several products): a page carries
 * its own link and a disclosure, never the whole list.
 */
export const FULL_SIDEBAR_MAX_OBJECTS = 60;

export function buildSidebarTemplate(nav: Nav, href: (path: string) => string, limits: SidebarLimits = {}): SidebarTemplate {
  const { maxLinks = FULL_SIDEBAR_MAX_LINKS, maxObjects = FULL_SIDEBAR_MAX_OBJECTS } = limits;
  let html = '';
  const marks = new Map<string, Mark[]>();
  const mark = (key: string, at: number, text: Mark['text']) => {
    const list = marks.get(key) ?? marks.set(key, []).get(key)!;
    list.push({ at, text });
  };
  // Offsets where `open` goes for each <details> we are inside, so a page can open its whole chain.
  const openStack: number[] = [];
  const childCount = nav.groups.reduce((n, g) => n + g.links.reduce((m, l) => m + (l.children?.length ?? 0), 0), 0);
  const lazy = childCount > maxLinks;
  const key = (path: string) => normalise(href(path));

  const linkHtml = (l: NavLink, current: boolean) =>
    `<a href="${escapeHtml(href(l.path))}"${current ? ' aria-current="page"' : ''}>${l.method ? methodBadgeHtml(l.method, 'small') : ''}<span>${escapeHtml(l.label)}</span></a>`;
  const link = (l: NavLink) => {
    html += `<a href="${escapeHtml(href(l.path))}"`;
    for (const at of openStack) mark(key(l.path), at, ' open');
    mark(key(l.path), html.length, ' aria-current="page"');
    html += `>${l.method ? methodBadgeHtml(l.method, 'small') : ''}<span>${escapeHtml(l.label)}</span></a>`;
  };
  // Object groups: collapsed except around the current page. The object's own link sits beside the toggle,
  // not inside it: a link inside <summary> is a control nested in a control.
  const rowStart = '<li><div class="object">';
  /** A row of more children than maxObjects: its pages carry only their own link of it (see bigRowItems). */
  const big = (l: NavLink) => (l.children?.length ?? 0) > maxObjects;
  const onDemand = (l: NavLink) => lazy || big(l);
  const detailsTag = (l: NavLink) => (onDemand(l) ? `<details data-children="${escapeHtml(href(l.path))}"` : '<details');
  // Object rows hold endpoints; a product's "Data structures" row holds pages.
  const detailsBody = (l: NavLink) =>
    `><summary><span class="visually-hidden">${escapeHtml(l.label)}: ${l.children?.some((c) => c.method) ? 'endpoints' : 'pages'}</span></summary><ul class="children">`;
  const rowEnd = '</ul></details></div></li>';
  // Each endpoint's item is escaped once; a page's copy of its group swaps in only its own marked item.
  const plainItems = new Map<NavLink, string[]>();
  const items = (l: NavLink, current?: NavLink) => {
    const plain =
      plainItems.get(l) ??
      plainItems
        .set(
          l,
          l.children!.map((c) => `<li>${linkHtml(c, false)}</li>`),
        )
        .get(l)!;
    return current
      ? plain.map((li, i) => (l.children![i] === current ? `<li>${linkHtml(current, true)}</li>` : li)).join('')
      : plain.join('');
  };
  /** A child page's part of a big row: its own link, then every child on demand from the row's page. */
  const bigRowItems = (l: NavLink, current: NavLink) =>
    `<li>${linkHtml(current, true)}</li><li><details class="all-objects" data-children="${escapeHtml(href(l.path))}">` +
    `<summary>All ${l.children!.length} ${l.children!.some((c) => c.method) ? 'endpoints' : 'pages'}</summary><ul></ul></details></li>`;
  /** A closed row as a page outside the object shows it. */
  const closedRow = (l: NavLink) =>
    l.children?.length
      ? `${rowStart}${linkHtml(l, false)}${detailsTag(l)}${detailsBody(l)}${onDemand(l) ? '' : items(l)}${rowEnd}`
      : `<li>${linkHtml(l, false)}</li>`;

  const objectRow = (l: NavLink) => {
    html += rowStart;
    link(l);
    html += detailsTag(l);
    const at = html.length;
    mark(key(l.path), at, ' open');
    openStack.push(at);
    html += detailsBody(l);
    if (onDemand(l)) {
      // Only pages of this group carry its endpoints, with their own link marked; of a big row, a child page
      // carries only its own link and the disclosure (the row's own page has them all, for it to borrow).
      const ul = html.length;
      mark(key(l.path), ul, items(l));
      for (const child of l.children!) {
        for (const open of openStack) mark(key(child.path), open, ' open');
        mark(key(child.path), ul, big(l) ? () => bigRowItems(l, child) : () => items(l, child));
      }
    } else {
      for (const child of l.children!) {
        html += '<li>';
        link(child);
        html += '</li>';
      }
    }
    html += rowEnd;
    openStack.pop();
  };

  /** A group of many objects: each page carries only its own object; the list page carries them all. */
  const splitGroup = (group: NavGroup & { path: string }) => {
    for (const l of group.links.filter((l) => l.path === group.path)) {
      html += '<li>';
      link(l);
      html += '</li>';
    }
    const others = group.links.filter((l) => l.path !== group.path);
    // The current page's object goes here, complete and open, its own link marked.
    const slot = html.length;
    for (const l of others) {
      if (!l.children?.length) {
        mark(key(l.path), slot, `<li>${linkHtml(l, true)}</li>`);
        continue;
      }
      const head = `${detailsTag(l)} open${detailsBody(l)}`;
      const row = (current?: NavLink) => `${rowStart}${linkHtml(l, !current)}${head}${items(l, current)}${rowEnd}`;
      mark(key(l.path), slot, () => row());
      for (const child of l.children) mark(key(child.path), slot, () => row(child));
    }
    const [groupOpen] = openStack.slice(-1);
    for (const l of others) for (const p of [l, ...(l.children ?? [])]) mark(key(p.path), groupOpen, ' open');
    const list = key(group.path);
    html += `<li><details class="all-objects" data-objects="${escapeHtml(href(group.path))}"`;
    mark(list, html.length, ' open');
    html += `><summary>All ${others.length} ${others.some((l) => l.children) ? 'objects' : 'pages'}</summary><ul>`;
    mark(list, html.length, others.map(closedRow).join(''));
    html += '</ul></details></li>';
  };

  for (const group of nav.groups) {
    html += `<details class="group"${group.collapsed ? '' : ' open'}`;
    openStack.push(html.length);
    html += `><summary>${escapeHtml(group.label)}</summary><ul>`;
    // Objects, or the plain links of a group such as forms; the list page's own link is not counted.
    const listed = group.links.filter((l) => l.path !== group.path).length;
    if (group.path && listed > maxObjects) splitGroup(group as NavGroup & { path: string });
    else {
      for (const l of group.links) {
        if (l.children?.length) objectRow(l);
        else {
          html += '<li>';
          link(l);
          html += '</li>';
        }
      }
    }
    html += '</ul></details>';
    openStack.pop();
  }
  // An already-open group needs no second `open`, and a page listed twice is marked once.
  for (const [k, list] of marks) {
    const seen = new Set<number>();
    const current = list.findIndex((m) => m.text === ' aria-current="page"');
    marks.set(
      k,
      list
        .filter((m, i) =>
          m.text === ' open' ? !/ open$/.test(html.slice(m.at - 5, m.at)) : m.text !== ' aria-current="page"' || i === current,
        )
        .filter((m) => !seen.has(m.at) && seen.add(m.at))
        .sort((a, b) => a.at - b.at),
    );
  }
  return { html, marks };
}

/** The sidebar for the page at `pathname`: the shared string with this page's link and groups marked. */
export function renderSidebar(template: SidebarTemplate, pathname: string): string {
  const list = template.marks.get(normalise(pathname));
  if (!list) return template.html;
  let out = '';
  let last = 0;
  for (const { at, text } of list) {
    out += template.html.slice(last, at) + (typeof text === 'string' ? text : text());
    last = at;
  }
  return out + template.html.slice(last);
}

function normalise(pathname: string): string {
  return pathname.replace(/\/?$/, '/');
}

const templates = new WeakMap<Nav, SidebarTemplate>();

/** One template per navigation (so once per build). */
export function sidebarTemplate(nav: Nav, href: (path: string) => string): SidebarTemplate {
  let t = templates.get(nav);
  if (!t) templates.set(nav, (t = buildSidebarTemplate(nav, href)));
  return t;
}
