/**
 * Products: a tree's files say which product they document (`product-type: connect`), and each product is
 * its own API reference, with its own objects, index page, sidebar section, search filter, aliases and
 * heading rule. A site whose files name no product (or one) is a single product and gets no extra URL
 * segment. Pure, so the model and the Astro side (sidebar, index pages) resolve products identically.
 */
import type { ProductConfig } from '../../schemas/site-config.ts';
import { pathSegment } from './paths.ts';

export interface Product {
  /** The `product-type` value; `''` for files that name none. */
  key: string;
  title: string;
  /** URL segment after `reference/`, `structures/`, …; `''` for none. */
  segment: string;
  /** Names bound on this product's pages, on top of the site-wide aliases. */
  aliases: Record<string, string>;
  /** Liquid template for object headings (`object` bound); absent: the object's title. */
  objectHeading?: string;
}

/** The product a file belongs to. */
export function productKey(data: Record<string, unknown>): string {
  const value = data['product-type'];
  return value === undefined || value === null ? '' : String(value);
}

/** `import-api` → `Import Api`: a readable default until the site config gives a title. */
export function titleCase(key: string): string {
  return key
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/** Whether the site has several named products (files without a product-type do not make one). */
export function hasSeveralProducts(products: readonly Product[]): boolean {
  return products.filter((p) => p.key).length > 1;
}

/**
 * The default title of the files without a `product-type` in a site of several products: pages every
 * product shares (`products: { "": { title: … } }` renames it).
 */
export const UNNAMED_PRODUCT_TITLE = 'Shared';

/**
 * The products present in `keys`, in display order: by `order`, then as listed under `products` in the
 * site config, then by key. Products the config names but no file uses are left out.
 */
export function resolveProducts(config: Record<string, ProductConfig>, keys: Iterable<string>): Product[] {
  const declared = Object.keys(config);
  const rank = (key: string) => [config[key]?.order ?? Infinity, declared.includes(key) ? declared.indexOf(key) : Infinity];
  const ordered = [...new Set(keys)].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return compare(ra[0], rb[0]) || compare(ra[1], rb[1]) || a.localeCompare(b);
  });
  const several = ordered.filter(Boolean).length > 1;
  return ordered.map((key) => {
    const c = config[key];
    // Files without a product-type stay at the top: in a tree of products they are shared pages.
    const path = c?.path ?? (several ? key : '');
    return {
      key,
      title: c?.title ?? (key ? titleCase(key) : UNNAMED_PRODUCT_TITLE),
      segment: path.split('/').filter(Boolean).map(pathSegment).join('/'),
      aliases: c?.aliases ?? {},
      ...(c?.['object-heading'] !== undefined ? { objectHeading: c['object-heading'] } : {}),
    };
  });
}

function compare(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
