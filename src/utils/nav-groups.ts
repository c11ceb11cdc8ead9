/**
 * The sidebar's groups. A single-product site: one group per doc content type (prose pages join the
 * `api-doc` group), then "API reference" with every object, then data structures, client functions and
 * forms (named by the site config's `labels.forms`). A site of several products: the doc groups of docs that name no product (with the
 * prose pages), then one section per product holding its index, docs, objects, data structures, functions
 * and forms. Pure, so it is unit-tested without Astro.
 */
import type { NavGroup, NavLink } from './nav-index.ts';
import { formsPath, structuresPath, type ProductSection, type SiteProducts } from './products.ts';
import type { DocEntry, ObjectEntry } from '../schemas/reference.ts';
import { DEFAULT_LABELS, type Labels } from '../schemas/labels.ts';

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

/**
 * Docs in one group per doc content type, each by `order` (the site config's `doc-groups` titles and
 * orders them); prose pages join the `api-doc` group.
 */
function docGroups(docs: DocEntry[], prose: GuideLink[]): NavGroup[] {
  const proseGroup = docs.find((d) => d.docType === 'api-doc') ?? { group: 'Guides', groupOrder: -1 };
  const byGroup = new Map<string, { order: number; links: GuideLink[] }>();
  const add = (group: string, order: number, link: GuideLink) => {
    const g = byGroup.get(group) ?? byGroup.set(group, { order, links: [] }).get(group)!;
    g.order = Math.min(g.order, order);
    g.links.push(link);
  };
  for (const p of prose) add(proseGroup.group, proseGroup.groupOrder, p);
  for (const d of docs) add(d.group, d.groupOrder, { label: d.title, path: d.path, order: d.order });
  return [...byGroup]
    .sort((a, b) => a[1].order - b[1].order)
    .map(([label, g]) => ({ label, links: g.links.sort((a, b) => a.order - b.order).map(({ label, path }) => ({ label, path })) }));
}

function singleProduct(sections: ProductSection[], prose: GuideLink[], labels: Labels): NavGroup[] {
  const objects = sections.flatMap((s) => s.objects).sort((a, b) => a.order - b.order);
  const structures = plain(sections.flatMap((s) => s.structures)).sort((a, b) => a.label.localeCompare(b.label));
  const functions = sections.flatMap((s) => s.functions).map((f) => ({ label: f.definition, path: f.path }));
  const forms = plain(sections.flatMap((s) => s.forms)).sort((a, b) => a.label.localeCompare(b.label));
  const groups: NavGroup[] = docGroups(
    sections.flatMap((s) => s.docs),
    prose,
  );
  if (objects.length) {
    groups.push({
      label: 'API reference',
      path: 'reference/',
      links: [{ label: 'All objects', path: 'reference/' }, ...objects.map(objectLink)],
    });
  }
  if (structures.length) groups.push({ label: 'Data structures', path: 'structures/', links: structures });
  if (functions.length) groups.push({ label: 'Functions', links: functions });
  if (forms.length) groups.push({ label: labels.forms.group, path: 'forms/', links: forms, collapsed: forms.length > 20 });
  return groups;
}

function productGroup(s: ProductSection, labels: Labels): NavGroup | undefined {
  const links: NavLink[] = [
    ...(s.indexPath ? [{ label: 'All objects', path: s.indexPath }] : []),
    ...plain(s.docs),
    ...s.objects.map(objectLink),
  ];
  if (s.structures.length) links.push({ label: 'Data structures', path: structuresPath(s.product.segment), children: plain(s.structures) });
  links.push(...s.functions.map((f) => ({ label: f.definition, path: f.path })));
  if (s.forms.length) links.push({ label: labels.forms.group, path: formsPath(s.product.segment), children: plain(s.forms) });
  if (!links.length) return undefined;
  return { label: s.product.title, ...(s.indexPath ? { path: s.indexPath } : {}), links };
}

/** `labels`: the site config's (what its forms are called). */
export function navGroups(products: SiteProducts, prose: GuideLink[], labels: Labels = DEFAULT_LABELS): NavGroup[] {
  if (!products.several) return singleProduct(products.sections, prose, labels);
  // Docs that name no product are guides for the whole site, next to the prose pages.
  const groups: NavGroup[] = docGroups(products.byKey.get('')?.docs ?? [], prose);
  for (const s of products.sections) {
    const group = productGroup(s.product.key ? s : { ...s, docs: [] }, labels);
    if (group) groups.push(group);
  }
  return groups;
}
