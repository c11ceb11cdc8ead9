/** The js-yaml fast path (core/yaml-fast.ts) against the `yaml` library's document path, on real files. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlFast } from '../../src/core/yaml-fast.ts';
import { parseYaml } from '../../src/core/yaml.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const corpus = here('../../../shared/corpus/stitch-docs');

/** Every YAML text under `dir`: .yml/.yaml files and the front matter of .md/.mdx files. */
function yamlTexts(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, f);
    if (/\.ya?ml$/.test(f)) out.push({ file, text: readFileSync(file, 'utf8') });
    else if (/\.mdx?$/.test(f)) {
      const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
      if (m) out.push({ file, text: m[1] });
    }
  }
  return out;
}

/** The fast path, where it takes a text, gives the `yaml` library's data; returns how many it took. */
function compare(texts: Array<{ file: string; text: string }>): number {
  let taken = 0;
  for (const { file, text } of texts) {
    const fast = parseYamlFast(text, 100);
    if (!fast) continue;
    taken++;
    const doc = parseDocument(text, { uniqueKeys: false, merge: true });
    expect(doc.errors, file).toEqual([]);
    expect(fast.data, file).toEqual(doc.toJS());
  }
  return taken;
}

describe('YAML fast path', () => {
  it('reads the sample site and every fixture as the yaml library does', () => {
    const texts = [...yamlTexts(here('../../content')), ...yamlTexts(here('../fixtures'))];
    expect(compare(texts)).toBeGreaterThan(texts.length / 2);
  });

  it.skipIf(!existsSync(corpus))(
    'reads every YAML file and front matter of the Stitch corpus as the yaml library does (needs ../shared)',
    () => {
      const texts = yamlTexts(corpus);
      expect(compare(texts)).toBeGreaterThan(texts.length / 2);
    },
  );

  it('reads scalars by the core schema, as the yaml library does', () => {
    const text = 'a: 0o17\nb: 0x1F\nc: 1_000\nd: 0b11\ne: .5\nf: -.inf\ng: 2024-01-02\nh: ~\ni: Yes\nj: TRUE\nk: 1e3\nl: "1"\n';
    expect(parseYamlFast(text, 100)?.data).toEqual(parseDocument(text).toJS());
  });

  it('reads simple aliases as the yaml library does: the anchored value itself', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: &x {k: [1, 2]}\nb: [*x, *x]\n',
      '# a comment\nlist:\n  - &first\n    name: one\n  - *first\n',
      'text: "a * b & c"\nother: a*b\n',
    ]) {
      const fast = parseYamlFast(text, 100);
      expect(fast, text).toBeDefined();
      expect(fast!.data, text).toEqual(parseDocument(text).toJS());
    }
    const shared = parseYamlFast('a: &x {k: 1}\nb: *x\n', 100)!.data as Record<string, unknown>;
    expect(shared.b).toBe(shared.a); // one object, as the yaml library's toJS gives it
  });

  it('leaves nested or overused aliases, merge keys, duplicate keys, typed keys, directives and deep nesting to the yaml library', () => {
    expect(parseYamlFast('a: &x 1\nb: [*x, *x]\n', 100, 3)).toBeDefined();
    expect(parseYamlFast('a: &x 1\nb: [*x, *x, *x]\n', 100, 3)).toBeUndefined(); // four uses of &x, limit 3
    expect(parseYamlFast('a: &x 1\nb: *x\n', 100, 0)).toBeUndefined(); // limit 0: no alias at all
    for (const text of [
      'a: &x [1]\nb: &y [*x, *x]\nc: *y\n',
      'a: &x 1\nb: &y {k: *x}\n',
      // An anchor name defined again (js-yaml and the yaml library disagree when it is inside its own node).
      'a: &x [&x 1]\nb: *x\n',
      'a: &x\n  k: &x v\nb: *x\n',
      'a: &x 1\nb: &x 2\nc: *x\n',
      // Keys that are an alias or a collection (the libraries turn them into different strings).
      'a: &x {b: 1}\n*x : 2\n',
      '[a, b]: 1\n',
      '{k: v}: 1\n',
      'b: *other\n',
      'a: {x: 1}\nb:\n  <<: {y: 2}\n',
      'a: 1\na: 2\n',
      '1: a\n',
      'null: x\n',
      '%YAML 1.1\n---\na: yes\n',
      '[[[[1]]]]',
      'a: !!binary aGk=\n',
    ])
      expect(parseYamlFast(text, 6), text).toBeUndefined();
    // Through parseYaml: the duplicate key still warns, with its line, and the last value wins.
    const parsed = parseYaml({ text: 'a: 1\nb: 2\na: 3\n', file: 'd.yml' });
    expect(parsed.data).toEqual({ a: 3, b: 2 });
    expect(parsed.warnings.map((w) => [w.line, w.message])).toEqual([[3, 'duplicate key "a"; the last one wins (as in Jekyll)']]);
  });

  it('gives line numbers on the fast path too, when a message asks for one', () => {
    const parsed = parseYaml({ text: 'title: x\nlist:\n  - a\n  - b\n', file: 'f.md', lineOffset: 1 });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.lineOf(['list', 1])).toBe(5);
    expect(parsed.lineOf(['list'], { key: true })).toBe(3);
  });
});

describe('YAML fast path, large aliased values', () => {
  it('takes a big mapping used through many aliases, each alias the same object', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: v${i}`).join('\n');
    const uses = Array.from({ length: 90 }, (_, i) => `u${i}: *big`).join('\n');
    const fast = parseYamlFast(`big: &big\n${keys}\n${uses}\n`, 100);
    expect(fast).toBeDefined();
    const data = fast!.data as Record<string, Record<string, string>>;
    expect(data.u89).toBe(data.big);
    expect(data.big!.k19999).toBe('v19999');
  });
});
