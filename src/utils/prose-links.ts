/**
 * Prose (MDX) pages were often written for the one-page Jekyll original too, so they link to bare
 * `#anchors` of the reference. This Markdown (hast) plugin resolves every link of a prose page exactly as
 * the reference's own links are resolved (model/links.ts `resolveHref`, over the same anchor list): a bare
 * anchor goes to the page holding it, and a link that lands nowhere fails the build naming the file and
 * line (or, with `broken-links: warn`, is reported and kept). The loader and the Markdown pipeline are
 * loaded in different module graphs, so the index travels through a global symbol.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokenMessage, resolveHref, type LinkIndex } from '../core/model/links.ts';
import { guidePath } from '../core/model/paths.ts';

const KEY = Symbol.for('api-reference.link-index');

export interface PublishedLinks {
  index: LinkIndex;
  /** Content root, for file names in messages. */
  root: string;
  /** Folder of the prose pages, for each page's path. */
  pagesDir: string;
  brokenLinks: 'error' | 'warn';
}

type Registry = { [KEY]?: PublishedLinks };

export function publishLinkIndex(links: PublishedLinks): void {
  (globalThis as Registry)[KEY] = links;
}

interface Node {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
  position?: { start: { line: number } };
}

interface Ctx {
  data: Record<string, unknown>;
  fileURL?: URL;
  setProperty(n: Node, k: string, v: unknown): void;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function text(node: Node): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(text).join('');
}

/** github-slugger's rule (Astro's MDX heading ids), so links to the page's own headings are known. */
function headingSlug(s: string): string {
  return s
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The page's file (relative to the content root) and path, from the compile's file URL. */
function where(ctx: Ctx, links: PublishedLinks): { file: string; page: string } {
  if (!ctx.fileURL) return { file: '(MDX page)', page: '' };
  const absolute = fileURLToPath(ctx.fileURL);
  const slug = path
    .relative(links.pagesDir, absolute)
    .replace(/\.mdx?$/i, '')
    .split(path.sep)
    .join('/');
  return { file: path.relative(links.root, absolute).split(path.sep).join('/'), page: guidePath(slug) };
}

/** A Sätteri hast plugin (Astro 7's Markdown processor) that resolves and checks links in prose pages. */
export const referenceLinksPlugin = {
  name: 'api-reference-links',
  // Broken links are reported with their line.
  options: { position: true },
  before(root: unknown, ctx: Ctx) {
    const local = new Set<string>();
    walk(root as Node, (n) => {
      if (n.type !== 'element') return;
      if (typeof n.properties?.id === 'string') local.add(n.properties.id);
      if (/^h[1-6]$/.test(n.tagName ?? '')) local.add(headingSlug(text(n)));
    });
    ctx.data.localAnchors = [...local];
  },
  element: {
    filter: ['a'],
    visit(node: Node, ctx: Ctx) {
      const links = (globalThis as Registry)[KEY];
      const href = node.properties?.href;
      if (!links || typeof href !== 'string') return;
      const anchors = (ctx.data.localAnchors as string[] | undefined) ?? [];
      const resolved = resolveHref(href, { anchors }, links.index);
      if (resolved === href) return;
      if (resolved !== undefined) return ctx.setProperty(node, 'href', resolved);
      const { file, page } = where(ctx, links);
      const line = node.position?.start.line;
      const message = `${file}${line ? `:${line}` : ''}: ${brokenMessage(href, page)}`;
      if (links.brokenLinks === 'warn') console.warn(`warning: ${message}`);
      else throw new Error(message);
    },
  },
};
