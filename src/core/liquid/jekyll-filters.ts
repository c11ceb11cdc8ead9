/**
 * Jekyll's filters, and Jekyll's versions of filters whose liquidjs built-ins behave differently
 * (JEKYLL-SEMANTICS.md §4). Each is a small plain function; the engine registers them from this map.
 */
import { escapeHtml as escapeText } from '../html.ts';
import type { FilterImplOptions } from 'liquidjs';

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

function property(item: Item, name: string): unknown {
  if (!isPlainObject(item)) return undefined;
  // Jekyll's item_property also follows dotted paths ("a.b") through hashes.
  return name.split('.').reduce<unknown>((v, key) => (isPlainObject(v) ? v[key] : undefined), item);
}

/** Ruby's `to_s`: nil is '', arrays join without separator. */
export function rubyString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(rubyString).join('');
  return String(v);
}

/** Jekyll compares stringified values and looks inside array properties (§4: "4" matches 4 and ["3","4"]). */
export function where(input: unknown, prop?: unknown, value?: unknown): unknown {
  const list = toArray(input);
  if (!list || prop === undefined || prop === null) return input;
  if (Array.isArray(value) || isPlainObject(value)) return input;
  const name = String(prop);
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
  const name = String(prop);
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
  if (mode === 'none') return text;
  let source = text;
  if (mode === 'latin') source = text.normalize('NFD').replace(/\p{M}/gu, '');
  const pattern = patterns[String(mode)] ?? patterns.default;
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
  const path = s.startsWith('/') ? s : `/${s}`;
  return `${site.baseurl}${path}`.replace(/^(?!\/)/, '/');
}

export function absoluteUrl(site: JekyllSite, input: unknown): unknown {
  if (input === null || input === undefined) return input;
  const s = rubyString(input);
  if (isAbsoluteUrl(s)) return s;
  return `${site.url}${relativeUrl(site, s) as string}`;
}

export function arrayToSentence(input: unknown, connector: unknown = 'and'): string {
  const list = (toArray(input) ?? []).map(rubyString);
  if (list.length <= 1) return list.join('');
  if (list.length === 2) return `${list[0]} ${connector} ${list[1]}`;
  return `${list.slice(0, -1).join(', ')}, ${connector} ${list.at(-1)}`;
}

export function groupBy(input: unknown, prop: unknown): Array<{ name: string; items: Item[]; size: number }> {
  const groups = new Map<string, Item[]>();
  for (const item of toArray(input) ?? []) {
    const key = rubyString(property(item, String(prop)));
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups].map(([name, items]) => ({ name, items, size: items.length }));
}

function withItem(list: unknown, f: (arr: Item[]) => Item[]): Item[] {
  return f([...(toArray(list) ?? [])]);
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
    xml_escape: escapeHtml,
    cgi_escape: (v: unknown) => encodeURIComponent(rubyString(v)).replace(/%20/g, '+'),
    uri_escape: (v: unknown) => encodeURI(rubyString(v)),
    jsonify: (v: unknown) => JSON.stringify(v ?? null),
    relative_url: (v: unknown) => relativeUrl(site, v),
    absolute_url: (v: unknown) => absoluteUrl(site, v),
    markdownify: (v: unknown) => markdown.render(rubyString(v)),
    smartify: (v: unknown) => markdown.renderInline(rubyString(v)),
    array_to_sentence_string: arrayToSentence,
    number_of_words: (v: unknown) => rubyString(v).split(/\s+/).filter(Boolean).length,
    group_by: groupBy,
    push: (list: unknown, v: unknown) => withItem(list, (a) => [...a, v]),
    pop: (list: unknown) => withItem(list, (a) => a.slice(0, -1)),
    shift: (list: unknown) => withItem(list, (a) => a.slice(1)),
    unshift: (list: unknown, v: unknown) => withItem(list, (a) => [v, ...a]),
    inspect: (v: unknown) => JSON.stringify(v ?? null),
  };
}

/** liquidjs built-ins that Jekyll does not have; Ruby treats them as unknown (§2: `json` must not quote). */
export const NOT_IN_JEKYLL = ['json'];
