/**
 * The sidebar's groups. A single-product site: guides, then "API reference" with every object, then data
 * structures and connection forms. A site of several products: guides (prose pages and docs that name no
 * product), then one section per product holding its index, docs, objects, data structures and forms.
 * Pure, so it is unit-tested without Astro.
 */
import type { NavGroup, NavLink } from './nav-index.ts';
import { formsPath, structuresPath, type ProductSection, type SiteProducts } from './products.ts';
import type { ObjectEntry } from '../schemas/reference.ts';

export interface GuideLink {
  label: string;
  path: string;
  order: number;
}

function objectLink(o: ObjectEntry): NavLink {
  return {
    label: o.heading,
    path: o.path,
    children: o.methods.filter((m) => m.path && m.available).map((m) => ({ label: m.title, path: m.path, method: m.method })),
  };
}

const plain = (list: Array<{ title: string; path: string }>): NavLink[] => list.map((e) => ({ label: e.title, path: e.path }));

function singleProduct(sections: ProductSection[], prose: GuideLink[]): NavGroup[] {
  const docs = sections.flatMap((s) => s.docs);
  const guides = [...prose, ...docs.map((d) => ({ label: d.title, path: d.path, order: d.order }))].sort((a, b) => a.order - b.order);
  const objects = sections.flatMap((s) => s.objects).sort((a, b) => a.order - b.order);
  const structures = plain(sections.flatMap((s) => s.structures)).sort((a, b) => a.label.localeCompare(b.label));
  const forms = plain(sections.flatMap((s) => s.forms)).sort((a, b) => a.label.localeCompare(b.label));
  const groups: NavGroup[] = [];
  if (guides.length) groups.push({ label: 'Guides', links: guides.map(({ label, path }) => ({ label, path })) });
  if (objects.length) {
    groups.push({
      label: 'API reference',
      path: 'reference/',
      links: [{ label: 'All objects', path: 'reference/' }, ...objects.map(objectLink)],
    });
  }
  if (structures.length) groups.push({ label: 'Data structures', path: 'structures/', links: structures });
  if (forms.length) groups.push({ label: 'Connection properties', path: 'forms/', links: forms, collapsed: forms.length > 20 });
  return groups;
}

function productGroup(s: ProductSection): NavGroup | undefined {
  const links: NavLink[] = [
    ...(s.indexPath ? [{ label: 'All objects', path: s.indexPath }] : []),
    ...plain(s.docs),
    ...s.objects.map(objectLink),
  ];
  if (s.structures.length) links.push({ label: 'Data structures', path: structuresPath(s.product.segment), children: plain(s.structures) });
  if (s.forms.length) links.push({ label: 'Connection properties', path: formsPath(s.product.segment), children: plain(s.forms) });
  if (!links.length) return undefined;
  return { label: s.product.title, ...(s.indexPath ? { path: s.indexPath } : {}), links };
}

export function navGroups(products: SiteProducts, prose: GuideLink[]): NavGroup[] {
  if (!products.several) return singleProduct(products.sections, prose);
  // Docs that name no product are guides for the whole site, next to the prose pages.
  const shared = products.byKey.get('');
  const guides = [...prose, ...(shared?.docs ?? []).map((d) => ({ label: d.title, path: d.path, order: d.order }))].sort(
    (a, b) => a.order - b.order,
  );
  const groups: NavGroup[] = [];
  if (guides.length) groups.push({ label: 'Guides', links: guides.map(({ label, path }) => ({ label, path })) });
  for (const s of products.sections) {
    const group = productGroup(s.product.key ? s : { ...s, docs: [] });
    if (group) groups.push(group);
  }
  return groups;
}
