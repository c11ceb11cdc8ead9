/**
 * Oversized code samples: one real sample (a 785 KB, 28,000-line JSON response) took most of a site's
 * highlighting time, model and HTML, because highlighted HTML is about nine times its text. Above
 * `limits.highlight-lines` lines or `limits.highlight-characters` characters, only the head of a sample is
 * highlighted and the rest is shown as escaped plain text in the same block (same lines, same copy text):
 * the reader still gets every line, and one page cannot dominate the build.
 */
import type { Limits } from '../schemas/limits.ts';

export type HighlightLimits = Pick<Limits, 'highlight-lines' | 'highlight-characters'>;
type Highlight = (code: string, lang: string) => string;

/** Where the highlighted head of `code` ends: a line boundary within both limits (0: nothing fits). */
export function headLength(code: string, limits: HighlightLimits): number {
  const maxChars = limits['highlight-characters'];
  let lines = 0;
  let end = 0;
  while (end < code.length) {
    const nl = code.indexOf('\n', end);
    const next = nl < 0 ? code.length : nl + 1;
    if (next > maxChars + 1 || lines === limits['highlight-lines']) break;
    end = next;
    lines++;
  }
  return end;
}

/** `highlight` with the tail of an oversized sample appended plain; small samples go through unchanged. */
export function withOversizedSamples(highlight: Highlight, limits: HighlightLimits): Highlight {
  return (code, lang) => {
    if (code.length <= limits['highlight-characters'] && !hasMoreLines(code, limits['highlight-lines'])) return highlight(code, lang);
    const cut = headLength(code, limits);
    // The head without the newline that ends it: that newline now separates it from the tail.
    const tail = code.slice(cut).split('\n');
    let html = highlight(code.slice(0, cut).replace(/\n$/, ''), lang);
    let close = html.lastIndexOf('</code></pre>');
    if (close < 0) throw new Error('a highlighter gave a code block without </code></pre>');
    if (!cut && html.slice(0, close).endsWith(EMPTY_LINE)) {
      // Not even the first line fits: Shiki's block of the empty head holds one empty line, not wanted here.
      html = html.slice(0, close - EMPTY_LINE.length) + html.slice(close);
      close -= EMPTY_LINE.length;
    }
    // Text content needs only &, < and > escaped; unwrapped lines (no per-line span, quotes left as they
    // are) keep the plain tail near the size of its text.
    const plain = escapeText(tail.join('\n'));
    return `${html.slice(0, close)}${cut ? '\n' : ''}${plain}${html.slice(close)}`;
  };
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const EMPTY_LINE = '<span class="line"></span>';

/** Whether `code` has more than `max` lines (a final newline does not start another). */
function hasMoreLines(code: string, max: number): boolean {
  const end = code.endsWith('\n') ? code.length - 1 : code.length;
  let at = -1;
  for (let i = 0; i < max; i++) {
    at = code.indexOf('\n', at + 1);
    if (at < 0 || at >= end) return false;
  }
  return true;
}
