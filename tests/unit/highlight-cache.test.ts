import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HighlightCache, highlightCacheFile } from '../../src/core/highlight-cache.ts';
import { createCodeHighlighter } from '../../src/core/highlight.ts';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hl-cache-'));
  dirs.push(dir);
  return path.join(dir, 'cache.json');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A "highlighter" that counts how often it really runs. */
function counting() {
  let calls = 0;
  return { make: (code: string) => () => `<pre>${code}#${++calls}</pre>`, calls: () => calls };
}

describe('highlight cache', () => {
  it('highlights each language + code once per process', () => {
    const c = counting();
    const cache = new HighlightCache('v1');
    expect(cache.get('json', '{}', c.make('{}'))).toBe('<pre>{}#1</pre>');
    expect(cache.get('json', '{}', c.make('{}'))).toBe('<pre>{}#1</pre>');
    expect(cache.get('yaml', '{}', c.make('{}'))).toBe('<pre>{}#2</pre>');
    expect(c.calls()).toBe(2);
  });

  it('serves a later build from the file, and only while the version matches', () => {
    const file = tempFile();
    const first = new HighlightCache('v1', file);
    first.get('json', '{"a": 1}', counting().make('a'));
    first.save();

    const c = counting();
    const again = new HighlightCache('v1', file);
    expect(again.get('json', '{"a": 1}', c.make('b'))).toBe('<pre>a#1</pre>');
    expect(c.calls()).toBe(0);

    const otherShiki = new HighlightCache('v2', file);
    expect(otherShiki.get('json', '{"a": 1}', c.make('b'))).toBe('<pre>b#1</pre>');
  });

  it('keeps only what the last build used, so the file does not grow with every edit', () => {
    const file = tempFile();
    const first = new HighlightCache('v1', file);
    first.get('json', 'old sample', counting().make('old'));
    first.get('json', 'kept sample', counting().make('kept'));
    first.save();

    const second = new HighlightCache('v1', file);
    second.get('json', 'kept sample', counting().make('x'));
    second.get('json', 'new sample', counting().make('new'));
    second.save();

    const keys = (JSON.parse(readFileSync(file, 'utf8')) as { entries: [string, string][] }).entries.map(([k]) => k.split('\0')[1]);
    expect(keys.sort()).toEqual(['kept sample', 'new sample']);
  });

  it('names one file per content root and overlay', () => {
    expect(highlightCacheFile('content')).toBe(highlightCacheFile(path.resolve('content')));
    expect(highlightCacheFile('content')).not.toBe(highlightCacheFile('other'));
    expect(highlightCacheFile('content', 'a.yml')).not.toBe(highlightCacheFile('content'));
  });

  it('gives the same HTML from the cache as from Shiki', async () => {
    const file = tempFile();
    const code = '{\n  "id": "prc_1",\n  "ok": true\n}';
    const cold = await createCodeHighlighter({ cacheFile: file });
    const fresh = cold(code, 'json');
    cold.save();
    const warm = await createCodeHighlighter({ cacheFile: file });
    expect(warm(code, 'json')).toBe(fresh);
    expect(fresh).toContain('--shiki-dark');
  });

  it('never keeps a result the highlighter did not finish, in memory or on disk', () => {
    const file = tempFile();
    const cache = new HighlightCache('v1', file);
    let calls = 0;
    const cut = () => ({ html: `<pre>cut ${++calls}</pre>`, incomplete: true as const });
    expect(cache.get('json', 'long line', cut)).toBe('<pre>cut 1</pre>');
    expect(cache.get('json', 'long line', cut)).toBe('<pre>cut 2</pre>');
    cache.get('json', 'short', () => '<pre>short</pre>');
    cache.save();
    const keys = (JSON.parse(readFileSync(file, 'utf8')) as { entries: [string, string][] }).entries.map(([k]) => k.split('\0')[1]);
    expect(keys).toEqual(['short']);
  });
});

describe('highlighting under load', () => {
  // Shiki gives up on a line after its time limit and leaves the rest uncoloured. Forcing the limit to
  // 1 ms makes every long line hit it, as a loaded machine did with the old 500 ms limit.
  const line = JSON.stringify(Array.from({ length: 2500 }, (_, i) => ({ id: `wdg_${i}`, n: i, ok: i % 2 === 0 })));

  it('gives the same HTML as an unhurried highlighter, and says it had to highlight again', async () => {
    const hurried = await createCodeHighlighter({ tokenizeTimeLimit: 1 });
    const unhurried = await createCodeHighlighter({ tokenizeTimeLimit: 0 });
    const started = performance.now();
    const html = hurried(line, 'json');
    console.log(
      `highlight of a ${line.length}-character line with a 1 ms limit: ${Math.round(performance.now() - started)} ms, retried ${hurried.stats.retried}`,
    );
    expect(hurried.stats).toEqual({ retried: 1, incomplete: 0 });
    expect(html).toBe(unhurried(line, 'json'));
    expect(unhurried.stats).toEqual({ retried: 0, incomplete: 0 });
  });

  it('writes only complete results to the disk cache', async () => {
    const file = tempFile();
    const hurried = await createCodeHighlighter({ cacheFile: file, tokenizeTimeLimit: 1 });
    const html = hurried(line, 'json');
    hurried.save();
    const warm = await createCodeHighlighter({ cacheFile: file });
    expect(warm(line, 'json')).toBe(html);
    expect(warm.stats.retried).toBe(0);
  });
});
