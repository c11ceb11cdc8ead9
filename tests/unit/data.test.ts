/**
 * 1. Site data: nesting by path, file formats, YAML anchors and Jekyll's handling of foreign aliases,
 * duplicate keys and malformed files.
 */
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadSiteData, type DataOptions } from '../../src/core/data.ts';
import { ContentError, ContentErrors } from '../../src/core/errors.ts';
import { parseYaml } from '../../src/core/yaml.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { fixture, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const root = fixture('data-basic');
const loaded = loadSiteData(path.join(root, 'data'), root);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- deep look-ups into arbitrary test data
const data = loaded.data as Record<string, any>;

function loadErrors(files: Record<string, string>, options: DataOptions = {}): ContentError[] {
  const dir = tempRoot(undefined, files);
  try {
    loadSiteData(path.join(dir, 'data'), dir, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentErrors);
    return (error as ContentErrors).errors;
  }
  throw new Error('expected loadSiteData to throw');
}

function loadError(files: Record<string, string>): ContentError {
  const errors = loadErrors(files);
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('nesting by path', () => {
  it('puts data/a/b.yml at data.a.b', () => {
    expect(data.a.b).toEqual({ c: 1, label: 'from a/b.yml' });
  });

  it('merges a file and a folder of the same name into one key (data/a.yml + data/a/)', () => {
    expect(data.a.top).toBe(true);
    expect(Object.keys(data.a).sort()).toEqual(['b', 'top']);
  });

  it('reads .yaml and .json files as well as .yml', () => {
    expect(data.c).toEqual({ kind: 'yaml extension' });
    expect(data.d).toEqual({ kind: 'json', list: [1, 2, 3] });
  });

  it('ignores other extensions and dot files, and lists every file it read', () => {
    expect(data.notes).toBeUndefined();
    expect(data['.hidden']).toBeUndefined();
    expect(data.hidden).toBeUndefined();
    expect(loaded.files.map((f) => path.relative(root, f).split(path.sep).join('/')).sort()).toEqual([
      'data/a.yml',
      'data/a/b.yml',
      'data/anchors.yml',
      'data/c.yaml',
      'data/cross.yml',
      'data/d.json',
      'data/dupes.yml',
    ]);
  });

  it('returns empty data (not an error) when the data folder does not exist', () => {
    expect(loadSiteData(path.join(root, 'no-such-folder'), root)).toEqual({ data: {}, files: [], warnings: [] });
  });
});

describe('YAML anchors and aliases', () => {
  it('resolves aliases whose anchor is in the same file (scalars and mappings)', () => {
    expect(data.anchors.create.method).toBe('post');
    expect(data.anchors.update.method).toBe('post');
    expect(data.anchors.update.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json' });
  });

  it('applies `<<` merge keys as Ruby YAML does (the Stitch tree uses them in _data/stitch/version-statuses.yml)', () => {
    expect(data.anchors.merged).toEqual({ retries: 3, timeout: 30 });
  });

  it('reads an alias whose anchor is in another file as null, keeps the rest of the file, and warns with file and line', () => {
    expect(data.cross).toEqual({ name: 'connection checks', method: null, after: 'still read' });
    const warning = loaded.warnings.find((w) => w.message.includes('*get'));
    expect(warning).toMatchObject({ file: 'data/cross.yml', line: 3 });
    expect(warning!.message).toContain('read as null');
  });

  it('does not crash a whole build on a foreign alias: the build succeeds and reports the warning', () => {
    const dir = tempRoot('mini-site', { 'data/checks.yml': 'first: 1\nmethod: *get\n' });
    const result = buildReference({ root: dir });
    expect(result.entries.length).toBeGreaterThan(0);
    expect(result.warnings).toContainEqual(expect.objectContaining({ file: 'data/checks.yml', line: 2 }));
  });
});

describe('duplicate keys', () => {
  it('lets the last one win and warns with file and line of the repeat', () => {
    expect(data.dupes).toEqual({ name: 'second', other: 1 });
    const warning = loaded.warnings.find((w) => w.file === 'data/dupes.yml');
    expect(warning).toMatchObject({ file: 'data/dupes.yml', line: 3 });
    expect(warning!.message).toContain('duplicate key "name"');
  });

  it('reports duplicates in nested mappings too', () => {
    const parsed = parseYaml({ text: 'outer:\n  a: 1\n  b: 2\n  a: 3\n', file: 'x.yml' });
    expect(parsed.data).toEqual({ outer: { a: 3, b: 2 } });
    expect(parsed.warnings).toEqual([expect.objectContaining({ file: 'x.yml', line: 4 })]);
  });
});

describe('malformed files', () => {
  it('throws a ContentError naming the YAML file and line', () => {
    const error = loadError({ 'data/ok.yml': 'a: 1\n', 'data/sub/broken.yml': 'a: 1\nb: 2\nmethod: post: x\nc: 3\n' });
    expect(error.location).toMatchObject({ file: 'data/sub/broken.yml', line: 3 });
    expect(error.message).toMatch(/^data\/sub\/broken\.yml:3: malformed YAML/);
  });

  it('throws a ContentError naming a malformed JSON file', () => {
    const error = loadError({ 'data/bad.json': '{"a": 1,}\n' });
    expect(error.location.file).toBe('data/bad.json');
    expect(error.message).toContain('malformed JSON');
  });

  it('fails the build on malformed data with the file in the message', () => {
    const dir = tempRoot('mini-site', { 'data/widgets/limits.yml': 'max: 1\n\tbad: 2\n' });
    expect(() => buildReference({ root: dir })).toThrow(/data\/widgets\/limits\.yml:2: malformed YAML/);
  });

  it('reads every file and reports each broken one, not only the first', () => {
    const errors = loadErrors({
      'data/a.yml': 'x: y: z\n',
      'data/b.yml': 'fine: 1\n',
      'data/c.json': '{,}\n',
      'data/d.yml': 'a: 1\nb: "open\nc: 3\n',
    });
    expect(errors.map((e) => `${e.location.file}:${e.location.line ?? ''}`)).toEqual(['data/a.yml:1', 'data/c.json:', 'data/d.yml:4']);
  });

  it('an empty data file (or one of only comments) is an error in a native site', () => {
    const errors = loadErrors({ 'data/empty.yml': '', 'data/comments.yml': '# nothing yet\n\n' }, { emptyFiles: 'error' });
    expect(errors.map((e) => e.message)).toEqual([
      'data/comments.yml:1: data file is empty\n  Hint: Add the data (a YAML mapping or list), or delete the file.',
      'data/empty.yml:1: data file is empty\n  Hint: Add the data (a YAML mapping or list), or delete the file.',
    ]);
  });

  it('an empty data file is a warning under a Jekyll tree, and reads as nil (as Jekyll read it)', () => {
    const dir = tempRoot(undefined, { 'data/empty.yml': '', 'data/ok.yml': 'a: 1\n' });
    const loaded = loadSiteData(path.join(dir, 'data'), dir, { emptyFiles: 'warn' });
    expect(loaded.data).toEqual({ empty: null, ok: { a: 1 } });
    expect(loaded.warnings).toEqual([{ file: 'data/empty.yml', line: 1, message: 'data file is empty; it reads as nil (as in Jekyll)' }]);
  });

  it('a build lists a broken data file together with broken front matter and schema errors', () => {
    const dir = tempRoot('mini-site', {
      'data/widgets/limits.yml': 'max: 1\n\tbad: 2\n',
      'data/widgets/empty.yml': '',
      'reference/widgets/list-widgets.md': '---\nkey: a: b\n---\n',
      'reference/gizmos/gizmo-object.md': '---\ncontent-type: "api-object"\nendpoint: "gizmos"\ntitle: [1]\n---\n',
    });
    let thrown: unknown;
    try {
      buildReference({ root: dir });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as ContentErrors).errors.map((e) => `${e.location.file}:${e.location.line}`)).toEqual([
      'data/widgets/empty.yml:1',
      'data/widgets/limits.yml:2',
      'reference/widgets/list-widgets.md:2',
      'reference/gizmos/gizmo-object.md:4',
    ]);
  });

  it('maps field paths back to lines (block scalars to their first text line)', () => {
    const parsed = parseYaml({ text: 'a: 1\nb:\n  c: |\n    text\n  d: [1, 2]\n', file: 'x.yml', lineOffset: 10 });
    expect(parsed.lineOf(['a'])).toBe(11);
    expect(parsed.lineOf(['b', 'c'])).toBe(14);
    expect(parsed.lineOf(['b', 'd', 1])).toBe(15);
    expect(parsed.lineOf(['nope'])).toBeUndefined();
  });
});
