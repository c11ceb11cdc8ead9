import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prebuild } from '../../src/integration/prebuild.ts';
import { fixture } from './_helpers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function workspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'apiref-model-cache-'));
  dirs.push(dir);
  return dir;
}

/** A copy of `fixtureName` in a fresh workspace, and prebuild options with caches beside it. */
function siteCopy(fixtureName: string) {
  const dir = workspace();
  const root = path.join(dir, 'site');
  cpSync(fixture(fixtureName), root, { recursive: true });
  const modelCache = path.join(dir, 'cache/model.bin');
  return { dir, root, modelCache, options: { root, modelCache, highlightCache: path.join(dir, 'cache/highlight.json') } };
}

describe('model cache (warm builds of unchanged content)', () => {
  it('reuses the last model when nothing changed, and builds again after any edit, addition or removal', async () => {
    const { root, options } = siteCopy('mini-site');

    const first = await prebuild(options);
    expect(first.reused).toBe(false);
    const second = await prebuild(options);
    expect(second.reused).toBe(true);
    expect(second.result.entries).toEqual(first.result.entries);
    expect(second.result.warnings).toEqual(first.result.warnings);

    // A data edit shows in the next model.
    appendFileSync(path.join(root, 'data/urls.yml'), '\nadded-by-test: "https://example.test/new"\n');
    expect((await prebuild(options)).reused).toBe(false);
    expect((await prebuild(options)).reused).toBe(true);

    // An endpoint's edit is read: its new title differs from the object's list, which the model warns of.
    const endpoint = path.join(root, 'reference/widgets/list-widgets.md');
    writeFileSync(endpoint, readFileSync(endpoint, 'utf8').replace(/^title: .*$/m, 'title: "List every widget"'));
    const edited = await prebuild(options);
    expect(edited.reused).toBe(false);
    const mentions = (r: typeof edited.result) => r.warnings.some((w) => w.message.includes('List every widget'));
    expect(mentions(edited.result)).toBe(true);
    expect(mentions(first.result)).toBe(false);
    expect(mentions((await prebuild(options)).result)).toBe(true);

    // A new file, then its removal.
    writeFileSync(path.join(root, 'includes/extra.html'), '<b>extra</b>');
    expect((await prebuild(options)).reused).toBe(false);
    rmSync(path.join(root, 'includes/extra.html'));
    expect((await prebuild(options)).reused).toBe(false);
    expect((await prebuild(options)).reused).toBe(true);

    // Other site URLs make another model.
    expect((await prebuild({ ...options, site: { url: 'https://docs.example.test', baseurl: '/api' } })).reused).toBe(false);
  }, 60_000);

  it('sees the config overlay and its include folder outside the content root', async () => {
    const dir = workspace();
    cpSync(fixture('jekyll-site'), path.join(dir, 'jekyll-site'), { recursive: true });
    cpSync(fixture('overlays'), path.join(dir, 'overlays'), { recursive: true });
    const root = path.join(dir, 'jekyll-site');
    const configFile = path.join(dir, 'overlays/jekyll.yml');
    const options = { root, configFile, modelCache: path.join(dir, 'cache/model.bin'), highlightCache: path.join(dir, 'cache/h.json') };

    expect((await prebuild(options)).reused).toBe(false);
    expect((await prebuild(options)).reused).toBe(true);
    appendFileSync(configFile, '\n# a comment changes nothing but the file\n');
    expect((await prebuild(options)).reused).toBe(false);
    expect((await prebuild(options)).reused).toBe(true);
    writeFileSync(path.join(dir, 'overlays/includes/new-include.html'), 'new');
    expect((await prebuild(options)).reused).toBe(false);
    appendFileSync(path.join(dir, 'overlays/includes/badge.html'), ' ');
    expect((await prebuild(options)).reused).toBe(false);
    expect((await prebuild(options)).reused).toBe(true);
  }, 60_000);

  it('never reuses a model for a build that failed, and a torn cache file only means a fresh build', async () => {
    const { root, modelCache, options } = siteCopy('mini-site');
    await prebuild(options);
    writeFileSync(modelCache, 'not a model');
    expect((await prebuild(options)).reused).toBe(false);
    writeFileSync(path.join(root, 'reference/widgets/list-widgets.md'), '---\ncontent-type: api-endpoint\n---\n');
    await expect(prebuild(options)).rejects.toThrow(/content error/);
    await expect(prebuild(options)).rejects.toThrow(/content error/);
  }, 60_000);

  it('sees folders the config moves outside the root or into a dot-folder, and folder links switched', async () => {
    const { dir, root, options: base } = siteCopy('mini-site');
    const pages = path.join(dir, 'outside-pages');
    mkdirSync(pages);
    // Data under a dot-folder, reached through a folder link; MDX pages outside the root.
    renameSync(path.join(root, 'data'), path.join(root, '.data-v1'));
    cpSync(path.join(root, '.data-v1'), path.join(root, '.data-v2'), { recursive: true });
    symlinkSync('.data-v1', path.join(root, '.data'));
    appendFileSync(path.join(root, 'site.yml'), 'folders:\n  data: .data\n');
    // An overlay (a preset) may name folders outside the root, relative to itself.
    const configFile = path.join(dir, 'overlay.yml');
    writeFileSync(configFile, 'folders:\n  pages: outside-pages\n');
    const options = { ...base, configFile };
    const mentionsV2 = (r: { entries: unknown[] }) => JSON.stringify(r.entries).includes('v2.mini.example');

    const first = await prebuild(options);
    expect((await prebuild(options)).reused).toBe(true);

    writeFileSync(path.join(pages, 'guide.mdx'), '---\ntitle: A guide\n---\n\nText.\n');
    const withPage = await prebuild(options);
    expect(withPage.reused).toBe(false);
    expect(withPage.result.prose.map((p) => p.title)).toContain('A guide');
    expect((await prebuild(options)).reused).toBe(true);

    appendFileSync(path.join(root, '.data-v1/urls.yml'), '\nedited: "https://example.test/"\n');
    expect((await prebuild(options)).reused).toBe(false);

    const v2 = path.join(root, '.data-v2/widgets/api.yml');
    writeFileSync(v2, readFileSync(v2, 'utf8').replace('https://api.mini.example', 'https://v2.mini.example'));
    expect((await prebuild(options)).reused).toBe(true);
    rmSync(path.join(root, '.data'));
    symlinkSync('.data-v2', path.join(root, '.data'));
    const switched = await prebuild(options);
    expect(switched.reused).toBe(false);
    expect(mentionsV2(switched.result)).toBe(true);
    expect(mentionsV2(first.result)).toBe(false);
  }, 60_000);

  it('never keeps a model that read the clock', async () => {
    const { root, options } = siteCopy('mini-site');
    const file = path.join(root, 'reference/widgets/list-widgets.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: \'List widgets ({{ "now" | date: "%Y" }})\''));
    expect((await prebuild(options)).reused).toBe(false);
    expect((await prebuild(options)).reused).toBe(false);
  }, 60_000);
});
