/**
 * Link checking of a built site with linkinator, served so that its `/docs/...` URLs resolve: the site folder
 * is symlinked as `<tmp>/docs` and linkinator's own static server serves `<tmp>`.
 *
 * Two passes, both linkinator:
 * 1. Links: every HTML page on disk is a start page (`recurse: false`), so every page is read, even one that
 *    nothing links to, and every internal link target is requested once. External links are skipped.
 * 2. Fragments: one check per page, `checkFragments: true`, restricted to that page and the internal targets it
 *    links to with a `#fragment`. linkinator 7.6.1 validates a fragment only while it fetches the target, and
 *    fetches each URL once per check, so in one site-wide check a fragment found after its target was fetched
 *    is never validated (linkinator PRs #880/#881, "validate fragments discovered after their target page was
 *    checked"); its reports then also name the target's first parent, not the page holding the link. One check
 *    per page gives every fragment its fetch and the right page.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check, LinkState, type LinkResult } from 'linkinator';
import { parseHtml } from './html.ts';
import { BASE, listHtmlFiles, pagePathOf } from './site.ts';

export interface BrokenLink {
  /** The broken URL as the site path (`/docs/...`), with its fragment for a broken anchor. */
  url: string;
  /** The page that holds the link (`/docs/...`). */
  page: string;
  status?: number;
  reason: string;
}

export interface SiteLinkReport {
  pages: number;
  /** Distinct internal URLs requested in pass 1 (pages and their link targets). */
  internalChecked: number;
  /** Distinct external URLs seen and skipped. */
  externalSkipped: number;
  /** Distinct (page, internal URL with fragment) pairs validated in pass 2. */
  fragmentsChecked: number;
  brokenLinks: BrokenLink[];
  brokenFragments: BrokenLink[];
}

const isLocal = (url: string): boolean => {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1';
};

/** linkinator reports local URLs relative to its server root (`docs/x/`); show them as site paths. */
const sitePath = (url: string | undefined): string => {
  if (!url) return '';
  if (/^[a-z]+:/i.test(url)) {
    const u = new URL(url);
    return isLocal(url) ? `${u.pathname}${u.search}${u.hash}`.replace(/\/index\.html(?=#|$)/, '/') : url;
  }
  return `/${url.replace(/^\/+/, '')}`.replace(/\/index\.html(?=#|$)/, '/');
};

const reasonOf = (r: LinkResult): string =>
  (r.failureDetails ?? [])
    .map((d) => (d instanceof Error ? d.message : `HTTP ${d.status}`))
    .filter(Boolean)
    .join('; ') || `HTTP ${r.status ?? 0}`;

/** Internal targets a page links to with a fragment, as `pathname+search` of the fragmentless URL. */
function fragmentTargets(html: string, pageUrl: URL): { targets: Set<string>; pairs: number } {
  const targets = new Set<string>();
  const pairs = new Set<string>();
  for (const el of parseHtml(html).querySelectorAll('[href]')) {
    const href = el.getAttribute('href') ?? '';
    if (!href.includes('#')) continue;
    let url: URL;
    try {
      url = new URL(href, pageUrl);
    } catch {
      continue; // pass 1 reports unparsable links
    }
    if (url.host !== pageUrl.host || url.hash.length <= 1) continue;
    pairs.add(url.href);
    url.hash = '';
    targets.add(`${url.pathname}${url.search}`);
  }
  return { targets, pairs: pairs.size };
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (queue.length) await work(queue.shift()!);
    }),
  );
}

/** `base` is the path the site is served under (`/docs`, or '' for the root). */
export async function checkSite(dist: string, base = BASE): Promise<SiteLinkReport> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'site-links-'));
  const prefix = base.replace(/^\/+|\/+$/g, '');
  const served = (file: string) => (prefix ? `${prefix}/${file}` : file);
  try {
    if (prefix) symlinkSync(dist, path.join(root, prefix), 'dir');
    const serverRoot = prefix ? root : dist;
    const files = listHtmlFiles(dist);
    const startPaths = files.map(served);

    // Pass 1: every page and every link target once.
    const links = await check({
      path: startPaths,
      serverRoot,
      recurse: false,
      checkFragments: false,
      concurrency: 50,
      timeout: 20_000,
      linksToSkip: async (url) => !isLocal(url),
    });
    const brokenLinks = dedupe(
      links.links
        .filter((r) => r.state === LinkState.BROKEN)
        .map((r) => ({ url: sitePath(r.url), page: sitePath(r.parent), status: r.status, reason: reasonOf(r) })),
    );
    const internal = new Set(links.links.filter((r) => r.state !== LinkState.SKIPPED).map((r) => r.url));
    const external = new Set(links.links.filter((r) => r.state === LinkState.SKIPPED).map((r) => r.url));

    // Pass 2: fragments, one check per page.
    const brokenFragments: BrokenLink[] = [];
    let fragmentsChecked = 0;
    await pool(files, 8, async (file) => {
      const pagePath = `${prefix ? `/${prefix}` : ''}/${pagePathOf(file)}`;
      const { targets, pairs } = fragmentTargets(readFileSync(path.join(dist, file), 'utf8'), new URL(pagePath, 'http://localhost'));
      if (!pairs) return;
      fragmentsChecked += pairs;
      const start = served(file);
      targets.add(`/${start}`);
      const result = await check({
        path: start,
        serverRoot,
        recurse: false,
        checkFragments: true,
        timeout: 20_000,
        linksToSkip: async (url) => {
          if (!isLocal(url)) return true;
          const u = new URL(url);
          return !targets.has(`${u.pathname}${u.search}`);
        },
      });
      for (const r of result.links) {
        const fragmentFailure = (r.failureDetails ?? []).some((d) => d instanceof Error && d.message.startsWith('Fragment identifier'));
        if (r.state === LinkState.BROKEN && fragmentFailure) {
          brokenFragments.push({ url: sitePath(r.url), page: pagePath, status: r.status, reason: reasonOf(r) });
        }
      }
    });

    return {
      pages: files.length,
      internalChecked: internal.size,
      externalSkipped: external.size,
      fragmentsChecked,
      brokenLinks,
      brokenFragments: dedupe(brokenFragments),
    };
  } finally {
    // Removes the symlink, not the site it points to.
    rmSync(root, { recursive: true, force: true });
  }
}

function dedupe(list: BrokenLink[]): BrokenLink[] {
  const seen = new Map<string, BrokenLink>();
  for (const b of list) seen.set(`${b.url}|${b.page}`, b);
  return [...seen.values()].sort((a, b) => a.page.localeCompare(b.page) || a.url.localeCompare(b.url));
}

export function formatBroken(list: BrokenLink[]): string {
  return list.map((b) => `  ${b.url}  (on ${b.page || '?'}; ${b.reason})`).join('\n');
}
