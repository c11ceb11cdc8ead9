/**
 * Shiki, loaded once per process, used synchronously afterwards (the Markdown renderer is synchronous).
 * Output carries both themes as CSS variables, so light/dark switching is pure CSS.
 *
 * Highlighting is most of the cost of building the model (a 40-line JSON sample takes ~10 ms with two
 * themes), so results are memoised by code + language for the process and, given `cacheFile`, kept on
 * disk between builds (see highlight-cache.ts).
 */
import { createHighlighter, type Highlighter as Shiki } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { Highlighter } from './model/build.ts';
import { readGrammarRegexTable, tableRegexConstructor } from './grammar-regexes.ts';
import { HighlightCache } from './highlight-cache.ts';
import { installedVersion } from './package-version.ts';

export const THEMES = { light: 'github-light', dark: 'github-dark' } as const;
export const LANGS = [
  'json',
  'shellscript',
  'yaml',
  'javascript',
  'typescript',
  'python',
  'http',
  'html',
  'xml',
  'sql',
  'ruby',
  'go',
  'php',
];
/** Names writers use that Shiki knows under another name (or not at all: `curl` is shell to a reader). */
const ALIASES: Record<string, string> = {
  curl: 'shellscript',
  shell: 'shellscript',
  bash: 'shellscript',
  sh: 'shellscript',
  js: 'javascript',
  ts: 'typescript',
  yml: 'yaml',
  plaintext: 'text',
  txt: 'text',
};

/**
 * Which regular-expression engine runs the TextMate grammars. Shiki's JavaScript engine (the grammars'
 * Oniguruma patterns translated to native RegExp) gives the same HTML as the Oniguruma WebAssembly build on
 * every sample of the sample site and the Stitch corpus (tests/unit/highlight-engines.test.ts) and takes
 * about a third less CPU, so builds use it; Oniguruma stays available for that comparison.
 */
export type RegexEngine = 'javascript' | 'oniguruma';

const shikis = new Map<RegexEngine, Promise<Shiki>>();

/** The process's Shiki for `engine`, loaded once. */
export function loadShiki(engine: RegexEngine = 'javascript'): Promise<Shiki> {
  let s = shikis.get(engine);
  if (!s) {
    // Shiki's default engine is Oniguruma.
    // The JavaScript engine builds its RegExps from the precompiled table where it can (grammar-regexes.ts).
    const choice =
      engine === 'javascript'
        ? { engine: createJavaScriptRegexEngine({ regexConstructor: tableRegexConstructor(readGrammarRegexTable()) }) }
        : {};
    shikis.set(engine, (s = createHighlighter({ themes: Object.values(THEMES), langs: LANGS, ...choice })));
  }
  return s;
}

export interface CodeHighlighter extends Highlighter {
  /** Writes the on-disk cache (callers choose when: the build script after the model, the dev loader once edits settle). */
  save(): void;
  /** Lines Shiki gave up on: samples highlighted a second time, and samples left incomplete. */
  stats: { retried: number; incomplete: number };
}

export interface HighlighterOptions {
  /** Where to keep results between builds; typically `highlightCacheFile(contentRoot)`. */
  cacheFile?: string;
  /** Milliseconds Shiki may spend on one line before it gives up on the rest of it (tests force it low). */
  tokenizeTimeLimit?: number;
  /** Default `javascript`; the engine is part of the on-disk cache's key. */
  engine?: RegexEngine;
}

/**
 * Shiki stops tokenizing a line after `tokenizeTimeLimit` (500 ms by default) and leaves the rest of it
 * uncoloured. On a loaded machine that happened to ordinary lines, and the cut result was cached on disk
 * and served again. Now the limit is 5 s, a line cut by it is highlighted again with a minute to spare,
 * and a result that is still incomplete is used once, reported and never cached: the same input always
 * gives the same output, however busy the machine is.
 */
const TOKENIZE_TIME_LIMIT = 5_000;
const RETRY_TIME_LIMIT = 60_000;

/** Set when the grammar tokenizer gives up on a line (Shiki itself does not say); reset before each run. */
const tokenizer = { cut: false };
/** Grammars whose tokenizer reports to `tokenizer` (grammars belong to the one process-wide Shiki). */
const watched = new WeakSet<object>();

function watchGrammar(h: Shiki, lang: string): void {
  let grammar: { tokenizeLine2?: (...args: unknown[]) => { stoppedEarly?: boolean } };
  try {
    grammar = h.getLanguage(lang) as unknown as typeof grammar;
  } catch {
    return; // plain text has no grammar
  }
  if (watched.has(grammar) || typeof grammar.tokenizeLine2 !== 'function') return;
  watched.add(grammar);
  const tokenize = grammar.tokenizeLine2.bind(grammar);
  grammar.tokenizeLine2 = (...args: unknown[]) => {
    const result = tokenize(...args);
    if (result.stoppedEarly) tokenizer.cut = true;
    return result;
  };
}

export async function createCodeHighlighter(options: HighlighterOptions = {}): Promise<CodeHighlighter> {
  const engine = options.engine ?? 'javascript';
  const h = await loadShiki(engine);
  const loaded = new Set(h.getLoadedLanguages());
  // Everything that changes the HTML for the same input; a different value starts an empty cache.
  const version = JSON.stringify({ format: 1, shiki: installedVersion('shiki'), engine, THEMES, langs: [...loaded].sort(), ALIASES });
  const cache = new HighlightCache(version, options.cacheFile);
  const limit = options.tokenizeTimeLimit ?? TOKENIZE_TIME_LIMIT;
  const stats = { retried: 0, incomplete: 0 };
  const run = (code: string, lang: string, tokenizeTimeLimit: number) => {
    tokenizer.cut = false;
    const html = h.codeToHtml(code, { lang, themes: THEMES, defaultColor: 'light', tokenizeTimeLimit });
    return { html, cut: tokenizer.cut };
  };
  const highlight = (code: string, lang: string): string => {
    const name = ALIASES[lang.toLowerCase()] ?? lang.toLowerCase();
    const resolved = loaded.has(name) ? name : 'text';
    watchGrammar(h, resolved);
    return cache.get(resolved, code, () => {
      let result = run(code, resolved, limit);
      if (!result.cut) return result.html;
      stats.retried++;
      result = run(code, resolved, Math.max(RETRY_TIME_LIMIT, limit));
      if (!result.cut) return result.html;
      stats.incomplete++;
      console.warn(
        `highlighting gave up on a line of a ${resolved} sample after ${RETRY_TIME_LIMIT / 1000} s; shown partly uncoloured, not cached`,
      );
      return { html: result.html, incomplete: true };
    });
  };
  return Object.assign(highlight, { save: () => cache.save(), stats });
}

export { highlightCacheFile } from './highlight-cache.ts';
