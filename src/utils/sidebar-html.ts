/**
 * The sidebar as one HTML string, rendered once per build. A site with thousands of endpoints would
 * otherwise re-render thousands of links for every page; here a page only splices `aria-current` into its
 * own link and `open` into the groups that contain it (offsets found once, when the string is built).
 */
import type { Nav, NavLink } from './nav.ts';

export interface SidebarTemplate {
  html: string;
  /** Insertions per page href: sorted offsets into `html` and the text to insert there. */
  marks: Map<string, { at: number; text: string }[]>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Same text as the MethodBadge component's small size, so the sidebar and pages agree. */
function badge(method: string): string {
  const name = method.toUpperCase();
  return `<span class="method small ${escapeHtml(name.toLowerCase())}">${name === 'DELETE' ? 'DEL' : escapeHtml(name)}</span>`;
}

/**
 * Above this many endpoint links the sidebar would outweigh the page (and a build would write it out once
 * per page, quadratic in site size): closed object groups then ship without their endpoints, which the
 * sidebar script fetches when a group is opened. The current page's group is always complete.
 */
export const FULL_SIDEBAR_MAX_LINKS = 1000;

export function buildSidebarTemplate(nav: Nav, href: (path: string) => string, maxLinks = FULL_SIDEBAR_MAX_LINKS): SidebarTemplate {
  let html = '';
  const marks = new Map<string, { at: number; text: string }[]>();
  const mark = (key: string, at: number, text: string) => {
    const list = marks.get(key) ?? marks.set(key, []).get(key)!;
    list.push({ at, text });
  };
  // Offsets where `open` goes for each <details> we are inside, so a page can open its whole chain.
  const openStack: number[] = [];
  const childCount = nav.groups.reduce((n, g) => n + g.links.reduce((m, l) => m + (l.children?.length ?? 0), 0), 0);
  const lazy = childCount > maxLinks;

  const linkHtml = (l: NavLink, current: boolean) =>
    `<a href="${escapeHtml(href(l.path))}"${current ? ' aria-current="page"' : ''}>${l.method ? badge(l.method) : ''}<span>${escapeHtml(l.label)}</span></a>`;
  const link = (l: NavLink) => {
    const url = href(l.path);
    html += `<a href="${escapeHtml(url)}"`;
    const key = normalise(url);
    for (const at of openStack) mark(key, at, ' open');
    mark(key, html.length, ' aria-current="page"');
    html += `>${l.method ? badge(l.method) : ''}<span>${escapeHtml(l.label)}</span></a>`;
  };

  for (const group of nav.groups) {
    html += `<details class="group"${group.collapsed ? '' : ' open'}`;
    openStack.push(html.length);
    html += `><summary>${escapeHtml(group.label)}</summary><ul>`;
    for (const l of group.links) {
      html += '<li>';
      if (l.children?.length) {
        // Object groups: collapsed except around the current page. The object's own link sits beside the
        // toggle, not inside it: a link inside <summary> is a control nested in a control.
        html += '<div class="object">';
        link(l);
        const objectKey = normalise(href(l.path));
        html += lazy ? `<details data-children="${escapeHtml(href(l.path))}"` : '<details';
        const at = html.length;
        mark(objectKey, at, ' open');
        openStack.push(at);
        html += `><summary><span class="visually-hidden">${escapeHtml(l.label)}: endpoints</span></summary><ul class="children">`;
        if (lazy) {
          // Only pages of this group carry its endpoints, with their own link marked.
          const ul = html.length;
          const plain = l.children.map((c) => `<li>${linkHtml(c, false)}</li>`);
          const items = (current?: NavLink) => plain.map((li, i) => (l.children![i] === current ? `<li>${linkHtml(current, true)}</li>` : li)).join('');
          mark(objectKey, ul, items());
          for (const child of l.children) {
            const key = normalise(href(child.path));
            for (const open of openStack) mark(key, open, ' open');
            mark(key, ul, items(child));
          }
        } else {
          for (const child of l.children) {
            html += '<li>';
            link(child);
            html += '</li>';
          }
        }
        html += '</ul></details></div>';
        openStack.pop();
      } else {
        link(l);
      }
      html += '</li>';
    }
    html += '</ul></details>';
    openStack.pop();
  }
  // An already-open group needs no second `open`, and a page listed twice is marked once.
  for (const [key, list] of marks) {
    const seen = new Set<number>();
    const current = list.findIndex((m) => m.text.startsWith(' aria-current'));
    marks.set(
      key,
      list
        .filter((m, i) => (m.text === ' open' ? !/ open$/.test(html.slice(m.at - 5, m.at)) : m.text.startsWith('<li>') || i === current))
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
    out += template.html.slice(last, at) + text;
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
