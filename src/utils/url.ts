/** Page paths in the model are relative to the site base; these helpers make them links. */
const base = import.meta.env.BASE_URL.replace(/\/+$/, '');

export function href(path: string): string {
  return `${base}/${path.replace(/^\/+/, '')}`;
}

export function isCurrent(path: string, current: URL): boolean {
  return current.pathname.replace(/\/?$/, '/') === href(path).replace(/\/?$/, '/');
}
