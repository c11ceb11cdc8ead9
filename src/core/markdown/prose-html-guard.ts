/**
 * The raw-HTML guard (html-guard.ts) for prose pages. Astro compiles those itself (Sätteri for `.md`, MDX
 * for `.mdx`) and renders our components' own scripts into the same HTML, so there is no point between
 * the author's text and the page where we could take something out without also judging our own output.
 * Instead, as with `import`/`export` in MDX (prose-guard.ts), the build refuses a page that holds anything
 * the guard would remove, naming file and line, and `check` says the same.
 *
 * The author's HTML is a syntax-tree node: an `html` node (`.md`), a lower-case JSX element (`.mdx`), or a
 * link, image or link definition.
 */
import {
  attributeRemoval,
  elementRemoval,
  guardHtml,
  isBadAttribute,
  NOT_LINKED,
  REMOVED_ELEMENTS,
  shownUrl,
  type Removal,
} from './html-guard.ts';
import { isSafeUrl } from './safe-url.ts';

export interface ProseNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: ProseNode[];
  position?: { start: { line: number } };
}

export interface ProseRemoval extends Removal {
  line?: number;
}

/** Everything in the page's tree that could run code, with its line. */
export function unsafeProseNodes(tree: ProseNode): ProseRemoval[] {
  const out: ProseRemoval[] = [];
  const visit = (node: ProseNode): void => {
    const line = node.position?.start.line;
    const add = (r: Removal) => out.push({ ...r, ...(line ? { line } : {}) });
    let descend = true;
    switch (node.type) {
      case 'html':
        guardHtml(String(node.value ?? '')).removed.forEach(add);
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (node.url !== undefined && !isSafeUrl(node.url)) add({ what: `the link to "${shownUrl(node.url)}"`, why: NOT_LINKED });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        // A capitalised name is a component (checked elsewhere); lower case is an HTML element.
        if (!/^[a-z]/.test(name)) break;
        if (REMOVED_ELEMENTS.has(name.toLowerCase())) {
          add(elementRemoval(name));
          descend = false;
          break;
        }
        for (const a of node.attributes ?? []) {
          const attr = (a.name ?? '').toLowerCase();
          if (a.type === 'mdxJsxAttribute' && isBadAttribute(attr, a.value)) add(attributeRemoval(attr, a.value, name));
        }
        break;
      }
    }
    if (descend) node.children?.forEach(visit);
  };
  visit(tree);
  return out;
}
