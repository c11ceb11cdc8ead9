/**
 * Shiki, loaded once per process, used synchronously afterwards (the Markdown renderer is synchronous).
 * Output carries both themes as CSS variables, so light/dark switching is pure CSS.
 *
 * Highlighting is most of the cost of building the model (a 40-line JSON sample takes ~10 ms with two
 * themes), so results are memoised by code + language for the process and, given `cacheFile`, kept on
 * disk between builds (see highlight-cache.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createHighlighter, type Highlighter as Shiki } from 'shiki';
import type { Highlighter } from './model/build.ts';
import { HighlightCache } from './highlight-cache.ts';

export const THEMES = { light: 'github-light', dark: 'github-dark' } as const;
const LANGS = ['json', 'shellscript', 'yaml', 'javascript', 'typescript', 'python', 'http', 'html', 'xml', 'sql', 'ruby', 'go', 'php'];
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

let shiki: Promise<Shiki> | undefined;

export interface CodeHighlighter extends Highlighter {
  /** Writes the on-disk cache (callers choose when: the build script after the model, the dev loader once edits settle). */
  save(): void;
}

export interface HighlighterOptions {
  /** Where to keep results between builds; typically `highlightCacheFile(contentRoot)`. */
  cacheFile?: string;
}

export async function createCodeHighlighter(options: HighlighterOptions = {}): Promise<CodeHighlighter> {
  shiki ??= createHighlighter({ themes: Object.values(THEMES), langs: LANGS });
  const h = await shiki;
  const loaded = new Set(h.getLoadedLanguages());
  // Everything that changes the HTML for the same input; a different value starts an empty cache.
  const version = JSON.stringify({ format: 1, shiki: await shikiVersion(), THEMES, langs: [...loaded].sort(), ALIASES });
  const cache = new HighlightCache(version, options.cacheFile);
  const highlight = (code: string, lang: string): string => {
    const name = ALIASES[lang.toLowerCase()] ?? lang.toLowerCase();
    const resolved = loaded.has(name) ? name : 'text';
    return cache.get(resolved, code, () => h.codeToHtml(code, { lang: resolved, themes: THEMES, defaultColor: 'light' }));
  };
  return Object.assign(highlight, { save: () => cache.save() });
}

export { highlightCacheFile } from './highlight-cache.ts';

async function shikiVersion(): Promise<string> {
  try {
    // shiki exports no package.json; its entry point sits in dist/, next to it.
    const entry = createRequire(import.meta.url).resolve('shiki');
    return String(JSON.parse(readFileSync(path.join(path.dirname(entry), '../package.json'), 'utf8')).version);
  } catch {
    // Never seen; the cache key then still changes with the themes and languages.
    return 'unknown';
  }
}
