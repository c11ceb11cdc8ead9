/** Plain text from our rendered HTML, for <meta> descriptions and the "On this page" list. */
export { htmlToText as plainText } from '../core/html.ts';

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
