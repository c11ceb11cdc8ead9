/**
 * Shiki, loaded once per process, used synchronously afterwards (the Markdown renderer is synchronous).
 * Output carries both themes as CSS variables, so light/dark switching is pure CSS.
 */
import { createHighlighter, type Highlighter as Shiki } from 'shiki';
import type { Highlighter } from './model/build.ts';

export const THEMES = { light: 'github-light', dark: 'github-dark' } as const;
const LANGS = ['json', 'shellscript', 'yaml', 'javascript', 'typescript', 'python', 'http', 'html', 'xml', 'sql', 'ruby'];
/** Names writers use that Shiki knows under another name (or not at all: `curl` is shell to a reader). */
const ALIASES: Record<string, string> = { curl: 'shellscript', shell: 'shellscript', bash: 'shellscript', sh: 'shellscript', js: 'javascript', ts: 'typescript', yml: 'yaml', plaintext: 'text', txt: 'text' };

let shiki: Promise<Shiki> | undefined;

export async function createCodeHighlighter(): Promise<Highlighter> {
  shiki ??= createHighlighter({ themes: Object.values(THEMES), langs: LANGS });
  const h = await shiki;
  const loaded = new Set(h.getLoadedLanguages());
  return (code, lang) => {
    const name = ALIASES[lang.toLowerCase()] ?? lang.toLowerCase();
    return h.codeToHtml(code, {
      lang: loaded.has(name) ? name : 'text',
      themes: THEMES,
      defaultColor: 'light',
    });
  };
}
