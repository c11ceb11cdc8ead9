/**
 * Where each page lives, relative to the site base. Paths end with `/` (Astro's directory format), so
 * a built site works from any static host. In a site of several products, each product's pages sit under
 * its own segment (`reference/tracking/webhooks/`), so the same slug in two products does not collide.
 */
import { slugify } from '../liquid/jekyll-filters.ts';

/** Where the API reference lives under the base; fixed because the pages that link to it say so. */
export const REFERENCE_PATH = 'reference';

export interface SitePaths {
  reference: string;
  /** The product's URL segment (`Product.segment`); `''` or absent for none. */
  product?: string;
}

export function pathSegment(s: string): string {
  // A segment of only dots (`.`, `..`) would climb out of its folder when the page is written.
  return (
    slugify(s, 'pretty')
      .replace(/[!$&'()+,;=@]/g, '')
      .replace(/^\.+$/, '') || 'untitled'
  );
}

const seg = pathSegment;

/** `kind/` or `kind/<product>/`. */
function under(kind: string, product: string | undefined): string {
  return product ? `${kind}/${product}/` : `${kind}/`;
}

/** A product's index page (its objects); the whole reference's for a single-product site. */
export function productIndexPath(p: SitePaths): string {
  return under(p.reference, p.product);
}

export function objectPath(p: SitePaths, object: string, version: string, latest: boolean): string {
  const base = `${productIndexPath(p)}${seg(object)}/`;
  return latest ? base : `${base}v${seg(version)}/`;
}

export function endpointPath(p: SitePaths, object: string, key: string, version: string, latest: boolean): string {
  return `${objectPath(p, object, version, latest)}${seg(key)}/`;
}

export function structuresPath(product = ''): string {
  return under('structures', product);
}

export function structurePath(key: string, product = ''): string {
  return `${structuresPath(product)}${seg(key)}/`;
}

export function formsPath(product = ''): string {
  return under('forms', product);
}

export function formPath(key: string, product = ''): string {
  return `${formsPath(product)}${seg(key)}/`;
}

export function guidePath(slug: string, product = ''): string {
  return `${under('guides', product)}${seg(slug)}/`;
}

export function functionPath(key: string, product = ''): string {
  return `${under('functions', product)}${seg(key)}/`;
}
