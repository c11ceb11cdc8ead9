/**
 * What a build knows about the whole site rather than one page: which products have pages, which alias
 * names a Jekyll tree binds to nil, and the site-wide problems (aliases that find nothing, `products`
 * entries no file names); two pages at one path are model/collisions.ts.
 */
import type { WarningSink } from '../errors.ts';
import type { groupDocuments } from './groups.ts';
import { productKey, type Product } from './products.ts';

/**
 * Products that have a page: objects, structures, docs with sections or an include, forms, functions
 * (endpoints follow their object).
 */
export function renderedProducts(groups: ReturnType<typeof groupDocuments>): string[] {
  const docs = groups.docs.filter((d) => d.fm.sections?.length || d.fm.include);
  return [
    ...groups.objects.map((g) => g.product),
    ...[...groups.structures, ...groups.forms, ...docs, ...groups.functions].map((t) => productKey(t.doc.data)),
  ];
}

/**
 * Every name an alias may bind (site-wide and for any product the config names, present or not), for
 * binding to nil where it finds nothing.
 */
export function aliasNames(aliases: Record<string, string>, products: Array<{ aliases: Record<string, string> }>): string[] {
  return [...new Set([...Object.keys(aliases), ...products.flatMap((p) => Object.keys(p.aliases))])];
}

/**
 * In a native site an alias that finds nothing on any page points at data that does not exist (a typo in
 * `site.data.urlz`, a removed file). A Jekyll preset binds every name the tree's layouts bound, whether or
 * not this tree has the data, so it is not warned about.
 */
export function unusedAliases(
  aliases: Record<string, string>,
  products: Product[],
  resolved: Set<string>,
  file: string,
  warnings: WarningSink,
) {
  const report = (name: string, expression: string, scope: string, field: string) => {
    if (resolved.has(`${scope}\0${name}`)) return;
    warnings.add({ file, field, message: `alias "${name}" (${expression}) finds nothing on any page: no such site data` });
  };
  for (const [name, expression] of Object.entries(aliases)) report(name, expression, '', `aliases.${name}`);
  for (const p of products) {
    for (const [name, expression] of Object.entries(p.aliases)) report(name, expression, p.key, `products.${p.key}.aliases.${name}`);
  }
}

/** A `products` entry no file names is a typo or a leftover (a preset may name products a tree lacks). */
export function unknownProducts(
  config: Record<string, unknown>,
  collections: Array<{ documents: Array<{ data: Record<string, unknown> }> }>,
  file: string,
  warnings: WarningSink,
) {
  const used = new Set(collections.flatMap((c) => c.documents.map((d) => productKey(d.data))));
  const named = [...used].filter(Boolean).sort();
  for (const key of Object.keys(config)) {
    if (used.has(key)) continue;
    const found = named.length ? `the files name ${named.map((k) => `"${k}"`).join(', ')}` : 'no file has a product-type';
    warnings.add({ file, field: `products.${key}`, message: `no file has product-type "${key}" (${found})` });
  }
}
