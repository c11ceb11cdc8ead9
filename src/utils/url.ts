/** Page paths in the model are relative to the site base; these helpers make them links. */
const base = import.meta.env.BASE_URL.replace(/\/+$/, '');

export function href(path: string): string {
  return `${base}/${path.replace(/^\/+/, '')}`;
}

export function isCurrent(path: string, current: URL): boolean {
  return current.pathname.replace(/\/?$/, '/') === href(path).replace(/\/?$/, '/');
}

/** The model path (`reference/parcels/`, '' for the home page) of the page at `url`. */
export function pagePath(url: URL): string {
  const path = decodeURI(url.pathname).replace(/\/?$/, '/');
  const rest = path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path.replace(/^\//, '');
  return rest === '' || rest === '/' ? '' : rest;
}

/** Absolute URL of a page for <link rel="canonical"> and the sitemap; undefined without a site url. */
export function canonical(url: URL, site: URL | undefined): string | undefined {
  if (!site) return undefined;
  return new URL(url.pathname.replace(/\/?$/, '/'), site).href;
}
