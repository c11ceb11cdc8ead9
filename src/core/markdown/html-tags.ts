/**
 * Edits one HTML start tag as text. kramdown parses the raw HTML it meets and writes it back out; the only
 * changes that matter to a reader are the `markdown="…"` attribute it consumes and the IAL attributes it
 * adds, so we keep the writer's tag and change just those.
 */

export interface StartTag {
  name: string;
  /** The attribute part of the tag, leading whitespace included. */
  attrs: string;
  selfClosing: boolean;
  /** Offset just past the closing `>`. */
  end: number;
}

export interface HtmlAttr {
  name: string;
  /** Raw attribute text without quotes (entities left as written); null for a bare attribute. */
  value: string | null;
}

// Unquoted values are accepted although kramdown wants quotes: refusing them would only turn the tag into text.
// Attribute names stop at `<` (kramdown's are XML names): otherwise every `<` of `<a x <a x …` starts a scan
// to the end of the text, which is quadratic.
const START_TAG = /<([A-Za-z][\w:.-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTR = /\s+([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function matchStartTag(src: string, pos: number): StartTag | null {
  START_TAG.lastIndex = pos;
  const m = START_TAG.exec(src);
  if (!m) return null;
  return { name: m[1] ?? '', attrs: m[2] ?? '', selfClosing: m[3] === '/', end: pos + m[0].length };
}

export function parseAttrs(source: string): HtmlAttr[] {
  const attrs: HtmlAttr[] = [];
  for (const m of source.matchAll(ATTR)) {
    const single = m[3];
    // Written back double-quoted, so a `"` inside a single-quoted value has to become an entity.
    const value = m[2] ?? (single !== undefined ? single.replace(/"/g, '&quot;') : (m[4] ?? null));
    attrs.push({ name: m[1] ?? '', value });
  }
  return attrs;
}

export function escapeAttr(value: string): string {
  return value.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Applies `edit` to the attributes of the first start tag in `html` (after leading whitespace). */
export function rewriteStartTag(html: string, edit: (attrs: HtmlAttr[]) => void): string {
  const at = html.search(/\S/);
  const tag = at < 0 ? null : matchStartTag(html, at);
  if (!tag) return html;
  const attrs = parseAttrs(tag.attrs);
  edit(attrs);
  const written = attrs.map((a) => (a.value === null ? ` ${a.name}` : ` ${a.name}="${a.value}"`)).join('');
  return `${html.slice(0, at)}<${tag.name}${written}${tag.selfClosing ? ' /' : ''}>${html.slice(tag.end)}`;
}

export function isMarkdownAttr(attr: HtmlAttr): boolean {
  return attr.name.toLowerCase() === 'markdown';
}

export function withoutMarkdownAttr(html: string): string {
  return rewriteStartTag(html, (attrs) => {
    const i = attrs.findIndex(isMarkdownAttr);
    if (i >= 0) attrs.splice(i, 1);
  });
}

/** Adds IAL attributes (plain text values) to the first tag: classes are appended, the rest replace. */
export function addAttrsToTag(html: string, extra: ReadonlyArray<readonly [string, string | number]>): string {
  return rewriteStartTag(html, (attrs) => {
    for (const [name, raw] of extra) {
      const value = escapeAttr(String(raw));
      const existing = attrs.find((a) => a.name.toLowerCase() === name);
      if (!existing) attrs.push({ name, value });
      else if (name === 'class' && existing.value) existing.value = `${existing.value} ${value}`;
      else existing.value = value;
    }
  });
}
