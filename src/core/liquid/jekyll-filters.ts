/**
 * Jekyll's filters that liquidjs lacks, and Jekyll's versions of those whose liquidjs built-ins give a
 * different result (JEKYLL-SEMANTICS.md §4). Only filters where Jekyll measurably differs are here: each is
 * held to real Jekyll's output by tests/unit/jekyll-filters.test.ts (probes rendered by Jekyll 4.3,
 * tests/fixtures/jekyll-filters). liquidjs's own cgi_escape, array_to_sentence_string, number_of_words,
 * push and unshift already match, so they are used as they are.
 */
import { Drop, toValue, type FilterImplOptions } from 'liquidjs';
import { escapeHtml as escapeText } from '../html.ts';

export interface JekyllSite {
  /** Absolute origin, no trailing slash. */
  url: string;
  /** Base path such as `/docs`, or ''. */
  baseurl: string;
}

type Item = unknown;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Jekyll treats a hash given to an array filter as its values. */
function toArray(input: unknown): Item[] | undefined {
  if (Array.isArray(input)) return input;
  if (isPlainObject(input)) return Object.values(input);
  return undefined;
}

/** Jekyll's item_property also follows dotted paths ("a.b") through hashes; split once per filter call. */
function propertyPath(name: string): string[] {
  return name.split('.');
}

function property(item: Item, path: string[]): unknown {
  let v: unknown = item;
  for (const key of path) {
    if (!isPlainObject(v)) return undefined;
    v = v[key];
  }
  return v;
}

/** Ruby's `to_s`: nil is '', arrays join without separator. */
export function rubyString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(rubyString).join('');
  return String(v);
}

/** liquidjs hands `nil` to a filter as a drop; Jekyll's filters see Ruby's nil. */
function plain(v: unknown): unknown {
  return v instanceof Drop ? toValue(v) : v;
}

/** Jekyll compares stringified values and looks inside array properties (§4: "4" matches 4 and ["3","4"]). */
export function where(input: unknown, prop?: unknown, rawValue?: unknown): unknown {
  const value = plain(rawValue);
  const list = toArray(input);
  if (!list || prop === undefined || prop === null) return input;
  if (Array.isArray(value) || isPlainObject(value)) return input;
  const name = propertyPath(String(prop));
  if (value === null || value === undefined) return list.filter((item) => property(item, name) == null);
  const target = rubyString(value);
  return list.filter((item) => {
    const v = property(item, name);
    if (typeof v === 'string') return v === target;
    return (Array.isArray(v) ? v : [v]).some((p) => p !== null && p !== undefined && rubyString(p) === target);
  });
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = rubyString(a);
  const sb = rubyString(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Jekyll's sort puts items without the property first unless told `"last"` (§4). Stable, unlike Ruby's. */
export function sort(input: unknown, prop?: unknown, nils: unknown = 'first'): unknown {
  const list = toArray(input);
  if (!list) return input;
  if (prop === undefined || prop === null) return [...list].sort(compare);
  const name = propertyPath(String(prop));
  const nilFirst = nils !== 'last';
  return list
    .map((item, index) => ({ item, index, key: property(item, name) }))
    .sort((x, y) => {
      const xn = x.key === null || x.key === undefined;
      const yn = y.key === null || y.key === undefined;
      if (xn || yn) return xn && yn ? x.index - y.index : xn === nilFirst ? -1 : 1;
      return compare(x.key, y.key) || x.index - y.index;
    })
    .map((e) => e.item);
}

/** Ruby's CGI.escapeHTML, which Liquid's `escape` uses: `&#39;` and `&quot;`, not liquidjs's `&#34;`. */
export function escapeHtml(input: unknown): string {
  return escapeText(rubyString(input));
}

/** Jekyll's `slugify` modes; "default" keeps letters and digits of any script. */
export function slugify(input: unknown, mode: unknown = 'default'): string {
  const text = rubyString(input);
  const patterns: Record<string, RegExp> = {
    raw: /\s+/gu,
    default: /[^\p{M}\p{L}\p{Nd}]+/gu,
    pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
    ascii: /[^a-zA-Z0-9]+/g,
    latin: /[^a-zA-Z0-9]+/g,
  };
  // Jekyll lowercases in every mode, `none` and unknown modes included.
  if (!(String(mode) in patterns)) return text.toLowerCase();
  let source = text;
  if (mode === 'latin') source = text.normalize('NFD').replace(/\p{M}/gu, '');
  const pattern = patterns[String(mode)];
  return source
    .replace(pattern, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

function isAbsoluteUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(s) || s.startsWith('//');
}

export function relativeUrl(site: JekyllSite, input: unknown): unknown {
  if (input === null || input === undefined) return input;
  const s = rubyString(input);
  if (isAbsoluteUrl(s)) return s;
  // Jekyll gives no leading slash to an empty path: `'' | relative_url` is the base itself.
  if (s === '') return site.baseurl;
  const path = s.startsWith('/') ? s : `/${s}`;
  return `${site.baseurl}${path}`.replace(/^(?!\/)/, '/');
}

export function absoluteUrl(site: JekyllSite, input: unknown): unknown {
  if (input === null || input === undefined) return input;
  const s = rubyString(input);
  if (isAbsoluteUrl(s)) return s;
  return `${site.url}${relativeUrl(site, s) as string}`;
}

export function groupBy(input: unknown, prop: unknown): Array<{ name: string; items: Item[]; size: number }> {
  const groups = new Map<string, Item[]>();
  const path = propertyPath(String(prop));
  for (const item of toArray(input) ?? []) {
    const key = rubyString(property(item, path));
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups].map(([name, items]) => ({ name, items, size: items.length }));
}

/** Jekyll's `pop: n` / `shift: n` drop n items (one by default). */
function dropItems(list: unknown, n: unknown, from: 'end' | 'start'): Item[] {
  const items = [...(toArray(list) ?? [])];
  const count = Math.max(0, Number(plain(n) ?? 1) || 0);
  return from === 'end' ? items.slice(0, Math.max(0, items.length - count)) : items.slice(count);
}

/** Ruby's `inspect` (Ruby 3.1, as Jekyll 4.3 runs): `{"a"=>1, "b"=>[1, nil]}`. */
export function rubyInspect(v: unknown): string {
  v = plain(v);
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return JSON.stringify(v).replace(/#(?=[{$@])/g, '\\#');
  if (Array.isArray(v)) return `[${v.map(rubyInspect).join(', ')}]`;
  if (isPlainObject(v))
    return `{${Object.entries(v)
      .map(([k, x]) => `${rubyInspect(k)}=>${rubyInspect(x)}`)
      .join(', ')}}`;
  return String(v);
}

/** Jekyll's xml_escape is Ruby's `encode(xml: :attr)`: `&apos;`, where `escape` writes `&#39;`. */
export function xmlEscape(input: unknown): string {
  return escapeHtml(input).replace(/&#39;/g, '&apos;');
}

/**
 * Addressable's normalize_component, which Jekyll's uri_escape is: like liquidjs's (encodeURI with
 * brackets kept), except that an escape already in the text (`%20`) is kept rather than escaped again.
 */
export function uriEscape(input: unknown): string {
  return rubyString(input)
    .split(/(%[0-9A-Fa-f]{2})/)
    .map((part, i) => (i % 2 ? part : encodeURI(part).replace(/%5B/gi, '[').replace(/%5D/gi, ']')))
    .join('');
}

/** The filters registered on every engine; `markdownify` is injected because it needs the Markdown renderer. */
export function jekyllFilters(
  site: JekyllSite,
  markdown: { render(src: string): string; renderInline(src: string): string },
): Record<string, FilterImplOptions> {
  return {
    where,
    sort,
    escape: escapeHtml,
    slugify,
    xml_escape: xmlEscape,
    uri_escape: uriEscape,
    jsonify: (v: unknown) => JSON.stringify(plain(v) ?? null),
    relative_url: (v: unknown) => relativeUrl(site, v),
    absolute_url: (v: unknown) => absoluteUrl(site, v),
    markdownify: (v: unknown) => markdown.render(rubyString(v)),
    smartify: (v: unknown) => markdown.renderInline(rubyString(v)),
    group_by: groupBy,
    pop: (list: unknown, n?: unknown) => dropItems(list, n, 'end'),
    shift: (list: unknown, n?: unknown) => dropItems(list, n, 'start'),
    inspect: (v: unknown) => xmlEscape(rubyInspect(v)),
  };
}

/** liquidjs built-ins that Jekyll does not have; Ruby treats them as unknown (§2: `json` must not quote). */
export const NOT_IN_JEKYLL = ['json'];
