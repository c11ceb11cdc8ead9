/**
 * Which URLs may become links. markdown-it refuses `javascript:`, `vbscript:`, `file:` and `data:` (except
 * images) in Markdown links; the same test applies to every other URL content can set: an attribute list's
 * `{: href="…"}` or `src`, and an argument's `url:`. Browsers drop tabs and newlines from a URL and skip
 * leading control characters, so `java\tscript:` is `javascript:` to them, and to this test too.
 */
const BAD_SCHEME = /^(vbscript|javascript|file|data):/;
const IMAGE_DATA = /^data:image\/(gif|png|jpeg|webp);/;

export function isSafeUrl(url: string): boolean {
  // What a browser ignores in a URL: tabs and newlines anywhere, control characters and spaces in front.
  let start = 0;
  while (start < url.length && url.charCodeAt(start) <= 0x20) start++;
  const seen = url
    .slice(start)
    .replace(/[\t\n\r]/g, '')
    .toLowerCase();
  return BAD_SCHEME.test(seen) ? IMAGE_DATA.test(seen) : true;
}

/** Attributes whose value is a URL a browser follows or loads. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
  'longdesc',
  'data',
  'xlink:href',
]);

/** What a refused URL becomes in messages. */
export function refusedUrlMessage(url: string, where: string): string {
  const shown = url.length > 60 ? `${url.slice(0, 59)}…` : url;
  return `refused ${where} "${shown}": javascript:, vbscript:, file: and data: URLs are not linked (as in Markdown links); it is shown as text`;
}

let refusals: string[] | undefined;

/** Runs a render, collecting the messages of the URLs it refused. */
export function collectRefusals<T>(render: () => T): { result: T; refused: string[] } {
  const outer = refusals;
  const refused: string[] = [];
  refusals = refused;
  try {
    return { result: render(), refused };
  } finally {
    refusals = outer;
  }
}

/** Checks `url` for the render being collected; false (and a message) when it is refused. */
export function allowUrl(url: string, where: string): boolean {
  if (isSafeUrl(url)) return true;
  const message = refusedUrlMessage(url, where);
  if (refusals && !refusals.includes(message)) refusals.push(message);
  return false;
}

/** Reports a removal (core/markdown/html-guard.ts) to the render being collected, as a refused URL is. */
export function reportRefused(message: string): void {
  if (refusals && !refusals.includes(message)) refusals.push(message);
}
