/**
 * The Markdown twin of an MDX prose page: its Markdown as written, front matter replaced by a title and
 * description, import/export lines dropped, and the reference components (`<EndpointSummary>`,
 * `<RequestSample>`) replaced by the Markdown they stand for, so the twin reads without a renderer.
 */
import type { EndpointEntry } from '../../schemas/reference.ts';
import { fence, type MarkdownOptions } from './page-markdown.ts';
import { htmlToMarkdown, onPage } from './html-to-markdown.ts';

/** Finds the endpoint a component names by its props (`endpoint`, `version`, `product`, …). */
export type FindEndpoint = (props: Record<string, string>) => EndpointEntry | undefined;

// Props as MDX writes plain values: "text", 'text', {"text"}, {2}.
const VALUE = `(?:"[^"]*"|'[^']*'|\\{"[^"]*"\\}|\\{\\d+\\})`;
const COMPONENT = new RegExp(`<(EndpointSummary|RequestSample)\\b((?:\\s+[\\w-]+=${VALUE})*)\\s*/>`, 'g');
// A fenced block is left as written: a component name inside one is an example, not a component.
const FENCED = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;

function props(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of attrs.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|\{"([^"]*)"\}|\{(\d+)\})/g)) out[m[1]] = m[2] ?? m[3] ?? m[4] ?? m[5];
  return out;
}

function component(name: string, e: EndpointEntry, o: MarkdownOptions, index: number): string {
  if (name === 'RequestSample') {
    const sample = e.requests[index] ?? e.requests[0];
    return sample ? fence(sample.code, sample.lang) : '';
  }
  const short = htmlToMarkdown(e.shortHtml, o.resolve).replace(/\s*\n\s*/g, ' ');
  return `**\`${e.method.toUpperCase()} ${e.shortUrl}\`** [${e.title}](${o.pageUrl(e.path)}index.md)${short ? `: ${short}` : ''}`;
}

export interface ProsePageSource {
  title: string;
  description?: string;
  /** The MDX file's text. */
  text: string;
}

/** Which page holds an anchor id (the model's link index), for bare `#links` in the MDX text. */
export type AnchorPage = (id: string) => string | undefined;

export function proseMarkdown(
  page: ProsePageSource,
  find: FindEndpoint,
  options: MarkdownOptions,
  path: string,
  anchorPage: AnchorPage = () => undefined,
): string {
  const o = { ...options, resolve: onPage(options.pageUrl(path), options.resolve) };
  // Bare #links go to the page that holds the anchor, as on the site; root-relative ones get the origin.
  const link = (href: string) => {
    const target = href.startsWith('#') ? anchorPage(decodeURIComponent(href.slice(1))) : undefined;
    return target !== undefined ? `${options.pageUrl(target)}${href}` : o.resolve(href);
  };
  // Front matter is the first block between --- lines; the title and description above replace it.
  const body = page.text.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, '');
  const replace = (part: string) =>
    part
      .replace(/^(import|export)\s.*$/gm, '')
      .replace(/\]\(((?:#|\/(?!\/))[^)\s]*)\)/g, (_, href: string) => `](${link(href)})`)
      .replace(COMPONENT, (whole, name: string, attrs: string) => {
        const p = props(attrs);
        const e = find(p);
        return e ? component(name, e, o, Number(p.index ?? 0)) : whole;
      });
  let text = '';
  let last = 0;
  for (const m of body.matchAll(FENCED)) {
    text += replace(body.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  text += replace(body.slice(last));
  const head = [`# ${page.title}`, ...(page.description ? [`> ${page.description}`] : [])];
  return `${[...head, text.replace(/\n{3,}/g, '\n\n').trim(), `---\n\nHTML version: ${o.pageUrl(path)}`].join('\n\n')}\n`;
}
