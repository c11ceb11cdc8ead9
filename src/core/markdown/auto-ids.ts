/**
 * Automatic heading ids. With `input: GFM`, Jekyll's kramdown gets them from kramdown-parser-gfm
 * (`generate_gfm_header_id`), not from kramdown's own converter, and the two differ: GFM keeps digits,
 * underscores and non-ASCII letters at any position and leaves an empty id off. kramdown's converter
 * algorithm still applies to headings inside `<div markdown="1">`, which the GFM parser does not visit.
 * Both work on the heading's text after typography (smart quotes become characters and are dropped).
 */
import type { StateCore, Token } from 'markdown-it';
import { renderState } from './render-state.ts';

export type AutoIdStyle = 'gfm' | 'kramdown';

/** kramdown-parser-gfm: lowercase, keep word characters, `-`, space and tab, then blanks to dashes. */
export function gfmHeaderId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu, '')
    .replace(/[ \t]/g, '-');
}

/** kramdown's converter: drop up to the first ASCII letter, keep `[a-z0-9 -]`, spaces to dashes. */
export function kramdownHeaderId(text: string): string {
  const id = text
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
  return id === '' ? 'section' : id;
}

function headingText(inline: Token | undefined): string {
  let text = '';
  for (const child of inline?.children ?? []) {
    if (child.type === 'text' || child.type === 'text_special' || child.type === 'code_inline') text += child.content;
  }
  return text;
}

/** Core rule, run last: give every heading without an explicit id one, unique within the render. */
export function headingIdsRule(style: AutoIdStyle) {
  return (state: StateCore): void => {
    const counters = renderState(state.env);
    let insideHtml = 0;
    const { tokens } = state;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      if (token.type === 'kramdown_html_open') insideHtml++;
      else if (token.type === 'kramdown_html_close') insideHtml--;
      if (token.type !== 'heading_open' || token.attrGet('id') !== null) continue;
      const text = headingText(tokens[i + 1]);
      let id: string;
      if (style === 'gfm' && insideHtml === 0) {
        const base = gfmHeaderId(text);
        const seen = (counters.gfmIds.get(base) ?? -1) + 1;
        counters.gfmIds.set(base, seen);
        id = seen > 0 ? `${base}-${seen}` : base;
      } else {
        const base = kramdownHeaderId(text);
        const used = counters.kramdownIds.get(base);
        counters.kramdownIds.set(base, used === undefined ? 0 : used + 1);
        id = used === undefined ? base : `${base}-${used + 1}`;
      }
      // kramdown's HTML converter leaves an empty id out.
      if (id !== '') token.attrSet('id', id);
    }
  };
}
