/** Page paths in the model are relative to the reference's root (the site's base plus the prefix); these helpers make them links. */
import config from 'virtual:api-reference/config';

const root = config.pageRoot.replace(/\/+$/, '');

export function href(path: string): string {
  const url = `${root}/${path.replace(/^\/+/, '')}`;
  // A site whose pages are served without a trailing slash links them that way (the home page keeps its `/`).
  return config.noTrailingSlash && url !== '/' ? url.replace(/\/(?=$|#)/, '') : url;
}

export function isCurrent(path: string, current: URL): boolean {
  return current.pathname.replace(/\/?$/, '/') === href(path).replace(/\/?$/, '/');
}

/** The model path (`reference/parcels/`, '' for the home page) of the page at `url`. */
export function pagePath(url: URL): string {
  const path = decodeURI(url.pathname).replace(/\/?$/, '/');
  const rest = path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path.replace(/^\//, '');
  return rest === '' || rest === '/' ? '' : rest;
}

/** Absolute URL of a page for <link rel="canonical"> and the sitemap; undefined without a site url. */
export function canonical(url: URL, site: URL | undefined): string | undefined {
  if (!site) return undefined;
  return new URL(url.pathname.replace(/\/?$/, '/'), site).href;
}
