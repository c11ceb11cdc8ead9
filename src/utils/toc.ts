/**
 * "On this page": the h2/h3 headings that carry an id, read from the page's rendered HTML at build time,
 * so every page kind (endpoint, object, guide, MDX) gets one without knowing its own structure.
 */
import { plainText } from './text.ts';

export interface TocItem {
  id: string;
  text: string;
  level: 2 | 3;
}

const HEADING = /<h([23])\b([^>]*)>([\s\S]*?)<\/h\1>/gi;

export function tableOfContents(html: string): TocItem[] {
  const items: TocItem[] = [];
  for (const [, level, attrs, inner] of html.matchAll(HEADING)) {
    const id = attrs.match(/\sid=(?:"([^"]*)"|'([^']*)')/);
    const text = plainText(inner);
    const value = id?.[1] ?? id?.[2];
    if (value && text) items.push({ id: plainText(value), text, level: Number(level) as 2 | 3 });
  }
  return items;
}
