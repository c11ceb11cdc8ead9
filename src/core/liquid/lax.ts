/**
 * Ruby Liquid parses Jekyll templates in "warn" mode: when the strict parse fails it falls back to a lax
 * parser that reads `site.data[x]response-codes[y]all` as `site.data[x].response-codes[y].all`.
 * liquidjs parses the same text differently (JEKYLL-SEMANTICS.md §3), so we insert the missing dots
 * inside Liquid markup before parsing. String literals are left alone.
 */

const MARKUP = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

function addMissingDots(markup: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < markup.length; i++) {
    const c = markup[i];
    out += c;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ']' && /[A-Za-z_]/.test(markup[i + 1] ?? '')) {
      out += '.';
    }
  }
  return out;
}

export function laxToStrict(template: string): string {
  if (!template.includes(']')) return template;
  return template.replace(MARKUP, addMissingDots);
}
