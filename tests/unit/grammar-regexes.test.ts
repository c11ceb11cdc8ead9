import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHighlighter } from 'shiki';
import { createJavaScriptRegexEngine, defaultJavaScriptRegexConstructor } from 'shiki/engine/javascript';
import { describe, expect, it } from 'vitest';
import {
  precompileGrammarRegexes,
  readGrammarRegexTable,
  regexTarget,
  scannerSources,
  tableRegexConstructor,
  type GrammarRegexTable,
} from '../../src/core/grammar-regexes.ts';
import { LANGS, loadShiki, THEMES } from '../../src/core/highlight.ts';
import { buildReference } from '../../src/core/model/build.ts';

const content = fileURLToPath(new URL('../../content', import.meta.url));

describe('precompiled grammar patterns', () => {
  it('gives the strings vscode-textmate hands the engine: \\z rewritten, four variants for \\A and \\G', () => {
    expect(scannerSources('a\\zb')).toEqual(['a$(?!\\n)(?<!\\n)b']);
    expect(scannerSources('\\\\z')).toEqual(['\\\\z']); // an escaped backslash, then a plain z
    expect(scannerSources('\\Gx|\\Ay')).toEqual(['\\\uFFFFx|\\\uFFFFy', '\\Gx|\\\uFFFFy', '\\\uFFFFx|\\Ay', '\\Gx|\\Ay']);
    expect(scannerSources('\\\\G')).toEqual(['\\\\G']);
  });

  it('lib/grammar-regexes.json (npm run prepare) is what the installed packages translate every pattern to', async () => {
    const stored = readGrammarRegexTable();
    expect(stored, 'lib/grammar-regexes.json is missing or made by other package versions: run `npm run prepare`').toBeDefined();
    const fresh = await precompileGrammarRegexes(await loadShiki('javascript'));
    expect(Object.keys(fresh.patterns).length).toBeGreaterThan(1000);
    expect(stored).toEqual(fresh);
  }, 120_000);

  it('a table from other package versions is not used', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'grammar-regexes-'));
    try {
      const file = path.join(dir, 'table.json');
      const stored = readGrammarRegexTable()!;
      writeFileSync(file, JSON.stringify(stored));
      expect(readGrammarRegexTable(file)).toEqual(stored);
      writeFileSync(file, JSON.stringify({ ...stored, versions: { ...stored.versions, shiki: '0.0.1' } }));
      expect(readGrammarRegexTable(file)).toBeUndefined();
      // Made where RegExp took other syntax (Node 22 has no modifier groups): not used either.
      expect(stored.versions.target).toBe(regexTarget());
      writeFileSync(file, JSON.stringify({ ...stored, versions: { ...stored.versions, target: 'ES2018' } }));
      expect(readGrammarRegexTable(file)).toBeUndefined();
      writeFileSync(file, '{ not json');
      expect(readGrammarRegexTable(file)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds the same RegExp as the engine would, and translates what it lacks', () => {
    const table: GrammarRegexTable = { versions: {}, patterns: { 'a(?>b)': ['x', 'g'] } };
    const construct = tableRegexConstructor(table);
    expect(construct('a(?>b)').source).toBe('x');
    const fresh = defaultJavaScriptRegexConstructor('(?i)abc', { target: 'auto' });
    expect(construct('(?i)abc').source).toBe(fresh.source);
    expect(construct('(?i)abc').flags).toBe(fresh.flags);
  });

  it('holds nearly every pattern the engine asks for while highlighting the sample site', async () => {
    const table = readGrammarRegexTable()!;
    const samples = new Map<string, { code: string; lang: string }>();
    buildReference({
      root: content,
      highlight: (code, lang) => (samples.set(`${lang}\0${code}`, { code, lang }), '<pre><code></code></pre>'),
    });
    const asked = { hits: 0, misses: [] as string[] };
    const construct = tableRegexConstructor(table);
    const engine = createJavaScriptRegexEngine({
      regexConstructor: (pattern) => (pattern in table.patterns ? asked.hits++ : asked.misses.push(pattern), construct(pattern)),
    });
    const h = await createHighlighter({ themes: Object.values(THEMES), langs: LANGS, engine });
    const names = new Set(h.getLoadedLanguages());
    for (const { code, lang } of samples.values()) {
      const name = lang === 'curl' || lang === 'bash' ? 'shellscript' : lang;
      if (names.has(name)) h.codeToHtml(code, { lang: name, themes: THEMES });
    }
    expect(asked.hits).toBeGreaterThan(100);
    // Misses are `end` patterns whose back-references were filled in from the text they close.
    expect(asked.misses.length / (asked.hits + asked.misses.length)).toBeLessThan(0.02);
  }, 120_000);
});
