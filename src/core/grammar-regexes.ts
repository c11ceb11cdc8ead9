/**
 * Precompiled grammar patterns for Shiki's JavaScript regex engine.
 *
 * That engine translates each Oniguruma pattern of a TextMate grammar to a native RegExp (oniguruma-to-es)
 * the first time a line needs it. Over the 13 languages a site highlights that is 1.2-1.5 s of CPU per
 * process: a large share of a dev server's first page (which highlights few samples, in several
 * languages) and of a cold build. The translation depends only on the pattern and the installed packages,
 * so `npm run prepare` translates every pattern of the loaded grammars once (scripts/grammar-regexes.mjs)
 * into lib/grammar-regexes.json, the way Shiki's own precompiled languages do, and the highlighter builds
 * RegExps from it. Patterns it lacks (an `end` whose back-references are filled in from the matched text)
 * are translated as before, and a table made by other package versions is not used at all: the output is
 * the same either way (tests/unit/grammar-regexes.test.ts; tests/unit/highlight-engines.test.ts compares
 * every sample with Oniguruma's).
 */
import { existsSync, readFileSync } from 'node:fs';
import { EmulatedRegExp } from 'oniguruma-to-es';
import { bundledLanguages, type Highlighter, type LanguageRegistration } from 'shiki';
import { defaultJavaScriptRegexConstructor } from 'shiki/engine/javascript';
import { installedVersion } from './package-version.ts';

/** A RegExp as `new RegExp(pattern, flags)`, or an EmulatedRegExp with its options. */
type Compiled = [pattern: string, flags: string] | [pattern: string, flags: string, options: object];

export interface GrammarRegexTable {
  /** The packages the table was made with; any other versions ignore it. */
  versions: Record<string, string>;
  patterns: Record<string, Compiled>;
}

export const TABLE_FILE = new URL('../../lib/grammar-regexes.json', import.meta.url);

/** The engine's own options (shiki/engine/javascript: `target` as createJavaScriptRegexEngine passes it). */
const OPTIONS = { target: 'auto' } as const;

/**
 * The JavaScript version oniguruma-to-es writes for (its `target: 'auto'`): ES2025 where RegExp takes
 * modifier groups, ES2024 where it takes the `v` flag. A table made under Node 24 has `(?i:…)` groups
 * that Node 22's RegExp refuses, so the target is part of the table's key.
 */
export function regexTarget(): string {
  const accepts = (source: string, flags = '') => {
    try {
      new RegExp(source, flags);
      return true;
    } catch {
      return false;
    }
  };
  return accepts('(?i:)') ? 'ES2025' : accepts('', 'v') ? 'ES2024' : 'ES2018';
}

export function packageVersions(): Record<string, string> {
  return { shiki: installedVersion('shiki'), 'oniguruma-to-es': installedVersion('oniguruma-to-es'), target: regexTarget() };
}

function compile(pattern: string): Compiled {
  const re = defaultJavaScriptRegexConstructor(pattern, OPTIONS);
  const options = re instanceof EmulatedRegExp ? re.rawOptions : {};
  return Object.keys(options).length ? [re.source, re.flags, options] : [re.source, re.flags];
}

/**
 * The strings vscode-textmate hands the engine for one grammar pattern (its RegExpSource): `\z` rewritten,
 * and for a pattern with `\A` or `\G` the four variants with either anchor disabled (`\uFFFF`).
 */
export function scannerSources(source: string): string[] {
  let text = '';
  let anchored = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c !== '\\' || next === undefined) {
      text += c;
      continue;
    }
    i++;
    if (next === 'z') text += '$(?!\\n)(?<!\\n)';
    else {
      if (next === 'A' || next === 'G') anchored = true;
      text += c + next;
    }
  }
  if (!anchored) return [text];
  const variant = (allowA: boolean, allowG: boolean) =>
    text.replace(/\\([\s\S])/g, (_, ch: string) => `\\${ch === 'A' && !allowA ? '\uFFFF' : ch === 'G' && !allowG ? '\uFFFF' : ch}`);
  return [variant(false, false), variant(false, true), variant(true, false), variant(true, true)];
}

const PATTERN_KEYS = new Set(['match', 'begin', 'end', 'while']);

/** Every scanner string of the highlighter's loaded grammars, translated. */
export async function precompileGrammarRegexes(h: Highlighter): Promise<GrammarRegexTable> {
  const sources = new Set<string>();
  const seen = new Set<object>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && PATTERN_KEYS.has(key)) scannerSources(value).forEach((s) => sources.add(s));
      else walk(value);
    }
  };
  const registry = bundledLanguages as Record<string, () => Promise<{ default: LanguageRegistration[] }>>;
  for (const name of h.getLoadedLanguages()) {
    const load = registry[name];
    if (load) for (const grammar of (await load()).default) walk(grammar);
  }
  const patterns: Record<string, Compiled> = {};
  for (const source of [...sources].sort()) {
    try {
      patterns[source] = compile(source);
    } catch {
      // Not translatable: the engine meets the same error at run time, as without a table.
    }
  }
  return { versions: packageVersions(), patterns };
}

/** The table `npm run prepare` wrote, when it was made with the installed packages. */
export function readGrammarRegexTable(file: URL | string = TABLE_FILE): GrammarRegexTable | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const table = JSON.parse(readFileSync(file, 'utf8')) as GrammarRegexTable;
    const current = packageVersions();
    const same = Object.entries(current).every(([name, version]) => table.versions?.[name] === version);
    return same ? table : undefined;
  } catch {
    return undefined;
  }
}

/** The engine's `regexConstructor`: from the table where it has the pattern, translated otherwise. */
export function tableRegexConstructor(table: GrammarRegexTable | undefined): (pattern: string) => RegExp {
  return (pattern) => {
    const hit = table?.patterns[pattern];
    if (!hit) return defaultJavaScriptRegexConstructor(pattern, OPTIONS);
    const [source, flags, options] = hit;
    return options ? new EmulatedRegExp(source, flags, options) : new RegExp(source, flags);
  };
}
