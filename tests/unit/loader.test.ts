/**
 * referenceLoader() against a fake LoaderContext (a Map-backed store and meta store, a recording logger,
 * Astro's digest function stand-in, and an EventEmitter watcher), as Astro tests its own file/glob loaders:
 * options checked up front, digest skip, deletes, watcher wiring, error publication and recovery.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DataStore, LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ERRORS_KEY, referenceLoader } from '../../src/loader/index.ts';
import { removeTempRoots, fixture, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

class FakeWatcher extends EventEmitter {
  added: string[] = [];
  add(paths: string | string[]) {
    this.added.push(...(Array.isArray(paths) ? paths : [paths]));
    return this;
  }
}

type DataEntry = NonNullable<ReturnType<DataStore['get']>>;

interface Fake {
  context: LoaderContext;
  entries: Map<string, DataEntry>;
  meta: Map<string, string>;
  logs: { level: string; message: string }[];
  parsed: string[];
  watcher?: FakeWatcher;
}

/** A project whose root is the parent of the content root, so entry file paths are `content/…`. */
function fakeContext(contentRoot: string, { dev }: { dev: boolean }): Fake {
  const entries = new Map<string, DataEntry>();
  const meta = new Map<string, string>();
  const logs: Fake['logs'] = [];
  const parsed: string[] = [];
  const log = (level: string) => (message: string) => logs.push({ level, message });
  const watcher = dev ? new FakeWatcher() : undefined;
  const projectRoot = path.dirname(contentRoot);
  const context = {
    collection: 'reference',
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: DataEntry) => (entries.set(entry.id, entry), true),
      delete: (id: string) => void entries.delete(id),
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      entries: () => [...entries.entries()],
      has: (id: string) => entries.has(id),
      clear: () => entries.clear(),
      addModuleImport: () => {},
    },
    meta,
    logger: { info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug'), label: 'test' },
    config: { root: pathToFileURL(`${projectRoot}/`), cacheDir: pathToFileURL(`${projectRoot}/.cache/`) },
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => (parsed.push(id), data),
    generateDigest: (data: Record<string, unknown> | string) =>
      createHash('sha1')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
    renderMarkdown: async () => ({ html: '' }),
    ...(watcher ? { watcher } : {}),
  } as unknown as LoaderContext;
  return { context, entries, meta, logs, parsed, watcher };
}

/**
 * A copy of the mini site as `content/` of a fresh project folder. Each test has its own content root:
 * the loader keeps one session per content root for the life of the process.
 */
function copyMiniSite(): string {
  const root = path.join(tempRoot(undefined), 'content');
  cpSync(fixture('mini-site'), root, { recursive: true });
  return root;
}

const edit = (root: string, file: string, from: string | RegExp, to: string) => {
  const abs = path.join(root, file);
  const before = readFileSync(abs, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(abs, after);
  return abs;
};

describe('referenceLoader options', () => {
  it('are checked when the loader is made, every issue at once', () => {
    expect(() => referenceLoader({} as never)).toThrow(/Invalid referenceLoader options:[\s\S]*root/);
    let message = '';
    try {
      referenceLoader({ root: 3, url: 'ftp://x', extra: true } as never);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Unrecognized key: "extra"');
    expect(message).toMatch(/expected string[\s\S]*→ at root/);
    expect(message).toMatch(/url must be an http\(s\) URL[\s\S]*→ at url/);
  });
});

describe('referenceLoader in a build (no watcher)', () => {
  it('stores one entry per page, with its source file, and skips unchanged entries by digest', async () => {
    const root = copyMiniSite();
    const fake = fakeContext(root, { dev: false });
    const loader = referenceLoader({ root: 'content' });
    await loader.load(fake.context);
    const ids = [...fake.entries.keys()];
    expect(ids).toContain('reference/widgets/list-widgets/');
    expect(fake.entries.get('reference/widgets/list-widgets/')?.filePath).toBe('content/reference/widgets/list-widgets.md');
    expect(fake.parsed.length).toBe(ids.length);

    // A second sync of the same content parses nothing again.
    fake.parsed.length = 0;
    await referenceLoader({ root: 'content' }).load(fake.context);
    expect(fake.parsed).toEqual([]);
    expect([...fake.entries.keys()]).toEqual(ids);
  });

  it('fails with the file, field and line of a content error', async () => {
    const root = copyMiniSite();
    edit(root, 'reference/widgets/list-widgets.md', 'description: "Lists widgets."', 'description: "{{ widgit.count }}"');
    const fake = fakeContext(root, { dev: false });
    await expect(referenceLoader({ root: 'content' }).load(fake.context)).rejects.toThrow(
      /reference\/widgets\/list-widgets\.md:\d+ \(field "description"\): undefined variable "widgit"/,
    );
    expect(fake.entries.size).toBe(0);
  });
});

describe('referenceLoader in dev (watcher)', () => {
  it('watches the content root and re-syncs only the entries a save changed', async () => {
    const root = copyMiniSite();
    const fake = fakeContext(root, { dev: true });
    await referenceLoader({ root: 'content' }).load(fake.context);
    expect(fake.watcher!.added).toEqual([root]);
    const before = fake.entries.get('reference/widgets/list-widgets/')!.digest;

    fake.parsed.length = 0;
    const file = edit(root, 'reference/widgets/list-widgets.md', 'Lists widgets.', 'Lists every widget.');
    fake.watcher!.emit('change', file);
    await vi.waitFor(() => expect(fake.entries.get('reference/widgets/list-widgets/')!.digest).not.toBe(before), { timeout: 10_000 });
    expect(JSON.stringify(fake.entries.get('reference/widgets/list-widgets/')!.data)).toContain('Lists every widget.');
    // Only the edited page (and pages that show its text, e.g. its object's method list) were stored again.
    expect(fake.parsed.length).toBeGreaterThan(0);
    expect(fake.parsed.length).toBeLessThan(fake.entries.size);
  });

  it('deletes the entries of a removed file', async () => {
    const root = copyMiniSite();
    const fake = fakeContext(root, { dev: true });
    await referenceLoader({ root: 'content' }).load(fake.context);
    expect(fake.entries.has('reference/widgets/archive-a-widget/')).toBe(true);
    const file = path.join(root, 'reference/widgets/archive-a-widget.md');
    rmSync(file);
    fake.watcher!.emit('unlink', file);
    await vi.waitFor(() => expect(fake.entries.has('reference/widgets/archive-a-widget/')).toBe(false), { timeout: 10_000 });
    expect(fake.entries.has('reference/widgets/list-widgets/')).toBe(true);
  });

  it('publishes a content error, keeps the last good entries, and clears the error once the file is fixed', async () => {
    const root = copyMiniSite();
    const fake = fakeContext(root, { dev: true });
    await referenceLoader({ root: 'content' }).load(fake.context);
    const good = fake.entries.get('reference/widgets/list-widgets/')!;
    const file = path.join(root, 'reference/widgets/list-widgets.md');
    const text = readFileSync(file, 'utf8');

    edit(root, 'reference/widgets/list-widgets.md', 'description: "Lists widgets."', 'description: "{{ widgit.count }}"');
    fake.watcher!.emit('change', file);
    await vi.waitFor(() => expect(fake.meta.has(ERRORS_KEY)).toBe(true), { timeout: 10_000 });
    const published = JSON.parse(fake.meta.get(ERRORS_KEY)!);
    expect(published).toEqual([
      expect.objectContaining({ file: 'reference/widgets/list-widgets.md', field: 'description', message: 'undefined variable "widgit"' }),
    ]);
    expect(published[0].line).toBeGreaterThan(1);
    expect(fake.logs.some((l) => l.level === 'error' && l.message.includes('undefined variable "widgit"'))).toBe(true);
    expect(fake.entries.get('reference/widgets/list-widgets/')).toBe(good);

    writeFileSync(file, text.replace('Lists widgets.', 'Lists all widgets.'));
    fake.watcher!.emit('change', file);
    await vi.waitFor(() => expect(fake.meta.has(ERRORS_KEY)).toBe(false), { timeout: 10_000 });
    expect(JSON.stringify(fake.entries.get('reference/widgets/list-widgets/')!.data)).toContain('Lists all widgets.');
    expect(fake.logs.some((l) => l.level === 'info' && l.message === 'content errors fixed')).toBe(true);
  });
});
