/**
 * sitemap.xml and robots.txt, written after the build from the pages actually built (every
 * `<dir>/index.html`; the 404 page is `404.html` and stays out).
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Page paths relative to `dist`, with a trailing slash ('' for the home page), sorted. */
export function builtPages(dist: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const rel = path.relative(dist, entry.parentPath).split(path.sep).join('/');
    out.push(rel ? `${rel}/` : '');
  }
  return out.sort();
}

export function sitemapXml(pages: string[], siteBase: URL): string {
  const urls = pages.map((p) => {
    // Encoded as a browser (and so the pages' canonical links) would encode the path; only ? and # need help.
    const loc = new URL(p.replace(/[?#]/g, encodeURIComponent), siteBase).href;
    return `  <url><loc>${loc.replace(/[&<>"']/g, (c) => XML_ESCAPES[c])}</loc></url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * Writes both files; without a site url (no `url` in the config) there are no absolute URLs to list, so
 * nothing is written. Returns the number of pages listed.
 */
export function writeSitemap(dist: string, site: string | undefined, base: string): number {
  if (!site) return 0;
  const siteBase = new URL(`${base.replace(/\/?$/, '/')}`, site);
  const pages = builtPages(dist);
  writeFileSync(path.join(dist, 'sitemap.xml'), sitemapXml(pages, siteBase));
  const sitemap = new URL('sitemap.xml', siteBase).href;
  // A site's own robots.txt (from its public folder) stays as it is.
  if (!existsSync(path.join(dist, 'robots.txt')))
    writeFileSync(path.join(dist, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`);
  return pages.length;
}
