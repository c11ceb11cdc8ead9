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
 * Writes both files, each unless the output already holds the site's own (from its `public/` folder, or
 * written by another integration): a host's file is never replaced. Returns a line per file for the build
 * log. Without a site url (no `url` in the config) there are no absolute URLs to list: nothing is written.
 */
export function writeSitemap(dist: string, site: string | undefined, base: string): string[] {
  if (!site) return ['no sitemap.xml: the site has no `site` URL'];
  const siteBase = new URL(`${base.replace(/\/?$/, '/')}`, site);
  const own = (file: string) => existsSync(path.join(dist, file));
  const log: string[] = [];
  if (own('sitemap.xml')) {
    log.push("sitemap.xml: the site's own is kept");
  } else {
    const pages = builtPages(dist);
    writeFileSync(path.join(dist, 'sitemap.xml'), sitemapXml(pages, siteBase));
    log.push(`sitemap.xml: ${pages.length} page${pages.length === 1 ? '' : 's'}`);
  }
  if (own('robots.txt')) {
    log.push("robots.txt: the site's own is kept");
  } else {
    const sitemap = new URL('sitemap.xml', siteBase).href;
    writeFileSync(path.join(dist, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`);
  }
  return log;
}
