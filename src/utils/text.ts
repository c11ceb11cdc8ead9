/** Plain text from our rendered HTML, for <meta> descriptions and the "On this page" list. */
import { decodeEntities } from '../core/html.ts';

/** Tags dropped, entities decoded, whitespace collapsed. The result is text for Astro to escape again. */
export function plainText(html: string): string {
  // Block boundaries separate words; inline tags do not (`<a>type</a>’s` stays "type’s").
  const text = html.replace(BLOCK_TAG, ' ').replace(/<[^>]*>/g, '');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|table|tr|td|th|pre|blockquote|section|article|aside|figure|figcaption)\b[^>]*>/gi;

/** The first sentence or so, cut at a word boundary: search engines show about 160 characters. */
export function summary(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sentence = cut.match(/^.*[.!?](?=\s)/)?.[0];
  if (sentence && sentence.length > max / 2) return sentence;
  return `${cut.replace(/\s+\S*$/, '')}…`;
}

/**
 * Words a search index can match for an endpoint path: the path itself (standing alone, so it is one
 * token) and each segment (`/v1/parcels/{parcel_id}` → `v1 parcels parcel_id`), because Pagefind would
 * otherwise glue the path to whatever inline text sits next to it in the page.
 */
export function pathSearchText(path: string): string {
  const segments = path.split(/[^\p{L}\p{N}_-]+/u).filter(Boolean);
  return [path.trim(), ...segments].join(' ');
}
