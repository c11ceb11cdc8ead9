/**
 * Jekyll's `markdownify`: kramdown with `input: GFM`, `auto_ids: true`, `hard_wrap: false`, built on
 * markdown-it. markdown-it supplies CommonMark + GFM tables and strikethrough; the sibling modules add what
 * kramdown does differently: attribute lists, raw HTML blocks, `markdown="…"`, smart quotes, heading ids.
 * One markdown-it instance per renderer; every render gets a fresh env, so ids and definitions don't leak.
 */
import MarkdownIt from 'markdown-it';
import type { Renderer, StateInline, Token } from 'markdown-it';
import { headingIdsRule, type AutoIdStyle } from './auto-ids.ts';
import { blockExtensionRule, spanExtensionRule } from './extensions.ts';
import { addAttrsToTag } from './html-tags.ts';
import { guardHtmlBlock, kramdownHtmlBlock, kramdownHtmlSpan } from './html-blocks.ts';
import { applyBlockAttributes, blockAttributeRule, resolveSpanAttributes, spanAttributeRule } from './ial.ts';
import { renderState } from './render-state.ts';
import { guardHtml } from './html-guard.ts';
import { allowUrl, collectRefusals, reportRefused } from './safe-url.ts';
import { scanBudgetFor } from './scan.ts';
import { taskListRule } from './task-lists.ts';
import { typographyRule } from './typography.ts';

export interface MarkdownOptions {
  /** Highlights a fenced code block; returns full HTML (e.g. a <pre>) or undefined to use the default escaped <pre><code>. */
  highlight?: (code: string, lang: string) => string | undefined;
  /**
   * Heading id algorithm. `'gfm'` (default) is what Jekyll's kramdown-parser-gfm produces; `'kramdown'` is
   * kramdown's own (leading non-letters dropped, ASCII only, `section` when empty); `false` turns ids off.
   */
  autoIds?: AutoIdStyle | false;
  /** Class for inline code, e.g. `language-plaintext highlighter-rouge` to match Jekyll with rouge. */
  inlineCodeClass?: string;
}

/** Told about each URL a render refused (safe-url.ts), with a message for the writer. */
export type RefusedUrlReport = (message: string) => void;

export interface MarkdownRenderer {
  render(src: string, onRefused?: RefusedUrlReport): string;
  renderInline(src: string, onRefused?: RefusedUrlReport): string;
}

// kramdown escapes text and code with escape_html(:all/:text): `"` stays as it is.
const escapeText = (s: string): string => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

// What kramdown-parser-gfm's ESCAPED_CHARS_GFM accepts after a backslash; anything else keeps its backslash.
const KRAMDOWN_ESCAPABLE = new Set('\\.*_+`<>()[]{}#!:|"\'$=-~');

function kramdownEscape(state: StateInline, silent: boolean): boolean {
  const { pos, src } = state;
  if (src.charCodeAt(pos) !== 0x5c || pos + 1 >= state.posMax) return false;
  const next = src[pos + 1] ?? '';
  if (!/[!-/:-@[-`{-~]/.test(next) || KRAMDOWN_ESCAPABLE.has(next)) return false;
  if (!silent) state.pending += '\\';
  state.pos++;
  return true;
}

function withTokenAttrs(tokens: Token[], idx: number): string {
  const token = tokens[idx] as Token;
  return token.attrs ? addAttrsToTag(token.content, token.attrs) : token.content;
}

export function createMarkdownRenderer(options: MarkdownOptions = {}): MarkdownRenderer {
  const { highlight, autoIds = 'gfm', inlineCodeClass } = options;
  const md = new MarkdownIt('default', { html: true, xhtmlOut: true, breaks: false, linkify: false, typographer: false });
  // kramdown writes link targets as given (only HTML-escaped); markdown-it would percent-encode `{`, spaces, …
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  // markdown-it's scheme test, plus the tabs and control characters browsers ignore in a URL.
  md.validateLink = (url) => allowUrl(url, 'link');

  // markdown-it does not export its html_block rule; the ruler's list is the only way to wrap it.
  const htmlBlock = md.block.ruler.__rules__.find((r) => r.name === 'html_block');
  if (htmlBlock) md.block.ruler.at('html_block', guardHtmlBlock(htmlBlock.fn), { alt: htmlBlock.alt });
  md.block.ruler.before('table', 'kramdown_attributes', blockAttributeRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.block.ruler.before('table', 'kramdown_extensions', blockExtensionRule);
  md.block.ruler.before('html_block', 'kramdown_html', kramdownHtmlBlock, { alt: ['paragraph', 'reference', 'blockquote'] });
  md.inline.ruler.before('escape', 'kramdown_escape', kramdownEscape);
  md.inline.ruler.after('text', 'kramdown_span_extensions', spanExtensionRule);
  md.inline.ruler.after('kramdown_span_extensions', 'kramdown_span_ial', spanAttributeRule);
  md.inline.ruler.before('html_inline', 'kramdown_html_span', kramdownHtmlSpan);
  md.inline.ruler2.before('fragments_join', 'kramdown_span_ial', resolveSpanAttributes);
  md.core.ruler.before('block', 'kramdown_scan_budget', (state) => {
    renderState(state.env).scanBudget = scanBudgetFor(state.src.length);
  });
  md.core.ruler.after('block', 'kramdown_block_attributes', applyBlockAttributes);
  md.core.ruler.after('kramdown_block_attributes', 'kramdown_task_lists', taskListRule);
  md.core.ruler.before('text_join', 'kramdown_typography', typographyRule);
  if (autoIds) md.core.ruler.push('kramdown_auto_ids', headingIdsRule(autoIds));

  const rules: Renderer['rules'] = md.renderer.rules;
  rules.text = (tokens, idx) => escapeText((tokens[idx] as Token).content);
  rules.code_inline = (tokens, idx, _opts, _env, self) => {
    const token = tokens[idx] as Token;
    const attrs = inlineCodeClass ? { attrs: [['class', inlineCodeClass] as [string, string], ...(token.attrs ?? [])] } : token;
    return `<code${self.renderAttrs(mergeClasses(attrs))}>${escapeText(token.content)}</code>`;
  };
  const codeBlock: Renderer['rules'][string] = (tokens, idx, _opts, _env, self) => {
    const token = tokens[idx] as Token;
    // kramdown-parser-gfm takes the first word of the info string, minus any `?query`.
    const lang = (md.utils.unescapeAll(token.info).trim().split(/\s+/)[0] ?? '').replace(/\?.*$/, '');
    const highlighted = highlight?.(token.content, lang);
    if (highlighted !== undefined) return highlighted.endsWith('\n') ? highlighted : `${highlighted}\n`;
    const cls = lang ? ` class="language-${md.utils.escapeHtml(lang)}"` : '';
    return `<pre${self.renderAttrs(token)}><code${cls}>${escapeText(token.content)}</code></pre>\n`;
  };
  rules.fence = codeBlock;
  rules.code_block = codeBlock;
  // At the very end of the source a raw block has no newline of its own; the next tag belongs on a new line.
  rules.html_block = (tokens, idx) => {
    const html = withTokenAttrs(tokens, idx);
    return html.endsWith('\n') ? html : `${html}\n`;
  };
  rules.html_inline = withTokenAttrs;
  rules.kramdown_html_open = withTokenAttrs;
  rules.kramdown_html_close = (tokens, idx) => (tokens[idx] as Token).content;
  // Attribute lists have been applied by now; what is left of them writes nothing.
  rules.kramdown_span_ial = () => '';
  rules.kramdown_block_ial = () => '';

  // Output depends only on the source (every render gets a fresh env), and a site repeats its strings
  // (shared argument descriptions, Errors bodies, notes), so each renderer remembers what it made.
  // Refused URLs are kept with the HTML, so a repeat of the string is reported again where it recurs.
  type Made = { html: string; refused: readonly string[] };
  const NONE: readonly string[] = [];
  const blocks = new Map<string, Made>();
  const inlines = new Map<string, Made>();
  const made = (cache: Map<string, Made>, src: string, make: () => string, onRefused?: RefusedUrlReport): string => {
    let hit = cache.get(src);
    if (hit === undefined) {
      const { result, refused } = collectRefusals(make);
      cache.set(src, (hit = { html: result, refused: refused.length ? refused : NONE }));
    }
    if (onRefused) hit.refused.forEach(onRefused);
    return hit.html;
  };
  return {
    render(src: string, onRefused?: RefusedUrlReport): string {
      if (src.trim() === '') return '';
      return made(
        blocks,
        src,
        () => {
          const html = guarded(src, md.render(src, {}));
          return html !== '' && !html.endsWith('\n') ? `${html}\n` : html;
        },
        onRefused,
      );
    },
    renderInline(src: string, onRefused?: RefusedUrlReport): string {
      return made(inlines, src, () => guarded(src, md.renderInline(src, {})), onRefused);
    },
  };
}

/**
 * The rendered HTML without what could run code (html-guard.ts); each removal is reported like a refused URL.
 * Markdown's own output is already safe (links pass the scheme test), so only a source with raw HTML (`<`)
 * or an attribute list (`{:`) is parsed: most fields skip the guard.
 */
function guarded(src: string, html: string): string {
  if (!src.includes('<') && !src.includes('{:')) return html;
  const { html: out, removed } = guardHtml(html);
  for (const r of removed) reportRefused(`raw HTML: removed ${r.what} (${r.why})`);
  return out;
}

/** Joins repeated `class` entries (the configured class plus IAL classes) into one attribute. */
function mergeClasses(token: Pick<Token, 'attrs'>): Pick<Token, 'attrs'> {
  const attrs = token.attrs ?? [];
  const classes = attrs.filter(([name]) => name === 'class').map(([, v]) => v);
  if (classes.length < 2) return token;
  const rest = attrs.filter(([name]) => name !== 'class');
  return { attrs: [['class', classes.join(' ')], ...rest] };
}
