/**
 * Prose (MDX) pages were often written for the one-page Jekyll original too, so they link to bare
 * `#anchors` of the reference. This Markdown (hast) plugin points each such link at the page holding the anchor,
 * using the index the reference loader publishes after every sync. The loader and the Markdown pipeline
 * are loaded in different module graphs, so the index travels through a global symbol.
 */
import type { LinkIndex } from '../core/model/links.ts';

const KEY = Symbol.for('api-reference.link-index');
type Registry = { [KEY]?: LinkIndex };

export function publishLinkIndex(index: LinkIndex): void {
  (globalThis as Registry)[KEY] = index;
}

interface Node {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function text(node: Node): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(text).join('');
}

/** github-slugger's rule (Astro's MDX heading ids), enough to tell a same-page anchor from a reference one. */
function headingSlug(s: string): string {
  return s
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A Sätteri hast plugin (Astro 7's Markdown processor) that rewrites bare `#anchor` links. */
export const referenceLinksPlugin = {
  name: 'api-reference-links',
  before(root: unknown, ctx: { data: Record<string, unknown> }) {
    const local = new Set<string>();
    walk(root as Node, (n) => {
      if (n.type !== 'element') return;
      if (typeof n.properties?.id === 'string') local.add(n.properties.id);
      if (/^h[1-6]$/.test(n.tagName ?? '')) local.add(headingSlug(text(n)));
    });
    ctx.data.localAnchors = local;
  },
  element: {
    filter: ['a'],
    visit(node: Node, ctx: { data: Record<string, unknown>; setProperty(n: Node, k: string, v: unknown): void }) {
      const index = (globalThis as Registry)[KEY];
      const href = node.properties?.href;
      if (!index || typeof href !== 'string' || !href.startsWith('#')) return;
      const id = decodeURIComponent(href.slice(1));
      if ((ctx.data.localAnchors as Set<string> | undefined)?.has(id)) return;
      const page = index.anchors.get(id);
      if (page !== undefined) ctx.setProperty(node, 'href', `${index.base}/${page}${href}`);
    },
  },
};
