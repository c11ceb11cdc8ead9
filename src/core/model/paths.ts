/**
 * Where each page lives, relative to the site base. Paths end with `/` (Astro's directory format), so
 * a built site works from any static host.
 */
import { slugify } from '../liquid/jekyll-filters.ts';

export interface SitePaths {
  reference: string;
}

function seg(s: string): string {
  return slugify(s, 'pretty').replace(/[!$&'()+,;=@]/g, '') || 'untitled';
}

export function objectPath(p: SitePaths, object: string, version: string, latest: boolean): string {
  return latest ? `${p.reference}/${seg(object)}/` : `${p.reference}/${seg(object)}/v${seg(version)}/`;
}

export function endpointPath(p: SitePaths, object: string, key: string, version: string, latest: boolean): string {
  return `${objectPath(p, object, version, latest)}${seg(key)}/`;
}

export function structurePath(key: string): string {
  return `structures/${seg(key)}/`;
}

export function formPath(key: string): string {
  return `forms/${seg(key)}/`;
}

export function guidePath(slug: string): string {
  return `guides/${seg(slug)}/`;
}

export function functionPath(key: string): string {
  return `functions/${seg(key)}/`;
}
