/**
 * The products of the built site, for the pages that group by product: the home page, the sidebar, the
 * index pages and the search filter. Pure (no `astro:*`), so it is unit-tested with the navigation.
 */
import { formsPath, productIndexPath, REFERENCE_PATH, structuresPath } from '../core/model/paths.ts';
import { hasSeveralProducts, resolveProducts, type Product } from '../core/model/products.ts';
import type {
  DocEntry,
  EndpointEntry,
  FormEntry,
  FunctionEntry,
  ObjectEntry,
  ReferenceEntry,
  StructureEntry,
} from '../schemas/reference.ts';
import type { ProductConfig } from '../schemas/site-config.ts';

export interface ProductSection {
  product: Product;
  /** The product's index page (its objects), when it has objects. */
  indexPath?: string;
  objects: ObjectEntry[];
  docs: DocEntry[];
  structures: StructureEntry[];
  forms: FormEntry[];
  functions: FunctionEntry[];
}

export interface SiteProducts {
  /** More than one named product: pages are grouped and filtered by product. */
  several: boolean;
  /** Every product with pages, in display order (the unnamed one included, when files lack a product-type). */
  sections: ProductSection[];
  byKey: Map<string, ProductSection>;
}

const byOrder = <T extends { order: number }>(list: T[]) => [...list].sort((a, b) => a.order - b.order);
const byTitle = <T extends { title: string }>(list: T[]) => [...list].sort((a, b) => a.title.localeCompare(b.title));

const memo = new WeakMap<ReferenceEntry[], Map<Record<string, ProductConfig>, SiteProducts>>();

export function siteProducts(entries: ReferenceEntry[], config: Record<string, ProductConfig>): SiteProducts {
  const perConfig = memo.get(entries) ?? memo.set(entries, new Map()).get(entries)!;
  const hit = perConfig.get(config);
  if (hit) return hit;
  const products = resolveProducts(
    config,
    entries.map((e) => e.product),
  );
  const sections = products.map((product): ProductSection => {
    const own = entries.filter((e) => e.product === product.key);
    const objects = byOrder(own.filter((e): e is ObjectEntry => e.kind === 'object' && e.latest));
    return {
      product,
      ...(objects.length ? { indexPath: productIndexPath({ reference: REFERENCE_PATH, product: product.segment }) } : {}),
      objects,
      docs: byOrder(own.filter((e): e is DocEntry => e.kind === 'doc')),
      structures: byTitle(own.filter((e): e is StructureEntry => e.kind === 'structure')),
      forms: byTitle(own.filter((e): e is FormEntry => e.kind === 'form')),
      functions: byOrder(own.filter((e): e is FunctionEntry => e.kind === 'function')),
    };
  });
  const result = { several: hasSeveralProducts(products), sections, byKey: new Map(sections.map((s) => [s.product.key, s])) };
  perConfig.set(config, result);
  return result;
}

/** The title a page is filtered by in search, in a site of several products. */
export function searchProduct(products: SiteProducts, key: string | undefined): string | undefined {
  if (!products.several || !key) return undefined;
  return products.byKey.get(key)?.product.title;
}

/**
 * The endpoint an MDX component names: the latest version unless one is asked for, in the product asked
 * for. A key two products share must say which (`product="tracking"`).
 */
export function pickEndpoint(entries: ReferenceEntry[], key: string, version?: string, product?: string): EndpointEntry {
  const all = entries.filter(
    (e): e is EndpointEntry => e.kind === 'endpoint' && e.key === key && (product === undefined || e.product === product),
  );
  const owners = [...new Set(all.map((e) => e.product))];
  if (owners.length > 1) {
    throw new Error(`Endpoint "${key}" exists in several products (${owners.join(', ')}); add product="…" to the component.`);
  }
  const match = version ? all.find((e) => e.version === version) : (all.find((e) => e.latest) ?? all[0]);
  if (!match) {
    const known = `${version ? ` version ${version}` : ''}${product !== undefined ? ` in product "${product}"` : ''}`;
    throw new Error(`No endpoint with key "${key}"${known}; check the endpoint="…" prop of the component.`);
  }
  return match;
}

export { formsPath, structuresPath };
