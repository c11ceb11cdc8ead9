import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCodeHighlighter } from '../../src/core/highlight.ts';
import { buildReference } from '../../src/core/model/build.ts';

/**
 * Builds use Shiki's JavaScript regex engine because it is faster; this holds it to the Oniguruma engine's
 * output on every sample a site highlights (code samples, request snippets, Markdown fences), as a build
 * highlights it: whole, or an oversized sample's highlighted head (core/oversized.ts).
 */
function samplesOf(root: string, configFile?: string): Array<{ code: string; lang: string }> {
  const seen = new Map<string, { code: string; lang: string }>();
  buildReference({
    root,
    configFile,
    highlight: (code, lang) => {
      seen.set(`${lang}\0${code}`, { code, lang });
      return '<pre><code></code></pre>';
    },
  });
  return [...seen.values()];
}

async function compareEngines(root: string, configFile?: string) {
  const samples = samplesOf(root, configFile);
  const js = await createCodeHighlighter({ engine: 'javascript' });
  const onig = await createCodeHighlighter({ engine: 'oniguruma' });
  const differing = samples.filter((s) => js(s.code, s.lang) !== onig(s.code, s.lang));
  return { samples, differing: differing.map((s) => `${s.lang}: ${s.code.slice(0, 80)}`) };
}

const corpus = fileURLToPath(new URL('../../../shared/corpus/stitch-docs', import.meta.url));
const preset = fileURLToPath(new URL('../../presets/stitch-docs.yml', import.meta.url));

describe('Shiki regex engines', () => {
  it('JavaScript and Oniguruma highlight every sample of the sample site alike', async () => {
    const { samples, differing } = await compareEngines(fileURLToPath(new URL('../../content', import.meta.url)));
    expect(samples.length).toBeGreaterThan(50);
    expect(new Set(samples.map((s) => s.lang)).size).toBeGreaterThan(3);
    expect(differing).toEqual([]);
  }, 120_000);

  it.skipIf(!existsSync(corpus))(
    'JavaScript and Oniguruma highlight every sample of the Stitch corpus alike (needs ../shared)',
    async () => {
      const { samples, differing } = await compareEngines(corpus, preset);
      expect(samples.length).toBeGreaterThan(300);
      expect(differing).toEqual([]);
    },
    300_000,
  );

  it('builds use the JavaScript engine, and the engine is part of the on-disk cache key', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hl-engine-'));
    try {
      const cacheFile = path.join(dir, 'cache.json');
      const engineOf = () => JSON.parse(JSON.parse(readFileSync(cacheFile, 'utf8')).version).engine;
      const byDefault = await createCodeHighlighter({ cacheFile });
      byDefault('{"a": 1}', 'json');
      byDefault.save();
      expect(engineOf()).toBe('javascript');
      const onig = await createCodeHighlighter({ cacheFile, engine: 'oniguruma' });
      onig('{"a": 1}', 'json');
      onig.save();
      expect(engineOf()).toBe('oniguruma');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
