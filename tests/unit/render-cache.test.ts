/**
 * The dev render cache (core/model/render-cache.ts): after a save, only the pages whose inputs changed are
 * rendered again (a data edit: the pages that read that key; an endpoint edit: its object's pages), and
 * the result always equals a full build of the same files. Config edits and new files make every page.
 */
import { cpSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReference, type BuildResult } from '../../src/core/model/build.ts';
import { RenderCache } from '../../src/core/model/render-cache.ts';
import { ParseCache } from '../../src/core/parse-cache.ts';
import { removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const SAMPLE = path.resolve(import.meta.dirname, '../../content');

/** A copy of the sample site plus a data file that no page reads; a dev-style builder over it. */
function devSite() {
  const root = tempRoot(undefined);
  cpSync(SAMPLE, root, { recursive: true });
  mkdirSync(path.join(root, 'data/extra'), { recursive: true });
  writeFileSync(path.join(root, 'data/extra/unused.yml'), 'note: "read by no page"\nother: 1\n');
  const parseCache = new ParseCache();
  const renderCache = new RenderCache();
  const build = () => buildReference({ root, parseCache, renderCache });
  const edit = (file: string, from: string, to: string) => {
    const abs = path.join(root, file);
    const text = readFileSync(abs, 'utf8');
    expect(text, `${file} contains ${from}`).toContain(from);
    writeFileSync(abs, text.replace(from, to));
  };
  return { root, build, edit, renderCache };
}

/** What pages and checks see, without the file list (equal anyway) and in a comparable form. */
function shown(result: BuildResult) {
  return { entries: JSON.parse(JSON.stringify(result.entries)) as unknown, warnings: result.warnings, anchors: [...result.links.anchors] };
}

function expectSameAsFullBuild(root: string, incremental: BuildResult): void {
  expect(shown(incremental)).toEqual(shown(buildReference({ root })));
}

describe('dev render cache', () => {
  it('a build with nothing changed renders no page again', () => {
    const site = devSite();
    const first = site.build();
    expect(site.renderCache.stats).toMatchObject({ full: true, rendered: first.entries.length, reused: 0 });
    const second = site.build();
    expect(site.renderCache.stats).toMatchObject({ full: false, rendered: 0, reused: first.entries.length });
    expect(shown(second)).toEqual(shown(first));
  });

  it('a data edit renders again exactly the pages that read the key, and the result equals a full build', () => {
    const site = devSite();
    const before = site.build();
    const readers = site.renderCache.readers('data:["parcel","limits"]');
    // The sample reads the limits from a few endpoint files, not from every page.
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.length).toBeLessThan(before.entries.length / 2);
    expect(readers).toContain('endpoint\0reference/parcels/parcel-object.md\x001\0create-a-parcel');

    site.edit('data/parcel/limits.yml', 'max-weight-grams: 30000', 'max-weight-grams: 25000');
    const after = site.build();
    expect(site.renderCache.stats.full).toBe(false);
    expect(site.renderCache.stats.renderedKeys.sort()).toEqual([...readers].sort());
    expectSameAsFullBuild(site.root, after);
    // Independent of the recorded reads: every page whose content changed was rendered again.
    const page = after.entries.find((e) => e.source === 'reference/parcels/create-a-parcel.md');
    expect(JSON.stringify(page)).toContain('25000');
  });

  it('an edit of a data key no page reads renders nothing again', () => {
    const site = devSite();
    const before = site.build();
    site.edit('data/extra/unused.yml', 'other: 1', 'other: 2');
    const after = site.build();
    expect(site.renderCache.stats).toMatchObject({ full: false, rendered: 0, reused: before.entries.length });
    expectSameAsFullBuild(site.root, after);
  });

  it("an endpoint edit renders again its object's pages only", () => {
    const site = devSite();
    const before = site.build();
    site.edit('reference/parcels/list-parcels.md', 'title: "List all parcels"', 'title: "List every parcel"');
    const after = site.build();
    const { renderedKeys, full } = site.renderCache.stats;
    expect(full).toBe(false);
    expect(renderedKeys).toContain('endpoint\0reference/parcels/parcel-object.md\x001\0list-parcels');
    expect(renderedKeys).toContain('object\0reference/parcels/parcel-object.md\x001');
    // Besides the object's own pages, only pages that list the whole collection (`site.reference`).
    const listing = new Set(site.renderCache.readers('site:reference'));
    expect(renderedKeys.filter((k) => !k.includes('\0reference/parcels/parcel-object.md\0') && !listing.has(k))).toEqual([]);
    expect(renderedKeys.length).toBeLessThan(before.entries.length / 2);
    expectSameAsFullBuild(site.root, after);
  });

  it('an include edit renders again the pages that include it', () => {
    const site = devSite();
    site.build();
    const readers = site.renderCache.readers(`include:${path.join(site.root, 'includes/note.html')}`);
    expect(readers.length).toBeGreaterThan(0);
    writeFileSync(path.join(site.root, 'includes/note.html'), '<div class="note changed">{{ include.content | markdownify }}</div>\n');
    const after = site.build();
    expect(site.renderCache.stats.renderedKeys.sort()).toEqual([...readers].sort());
    expect(JSON.stringify(after.entries)).toContain('note changed');
    expectSameAsFullBuild(site.root, after);
  });

  it('a site-config edit or a new file renders every page, and a broken save keeps nothing stale', () => {
    const site = devSite();
    const first = site.build();
    site.edit('site.yml', 'title: "Parcelwise API Reference"', 'title: "Parcelwise Preview"');
    const afterConfig = site.build();
    expect(site.renderCache.stats).toMatchObject({ full: true, rendered: first.entries.length });
    expectSameAsFullBuild(site.root, afterConfig);

    writeFileSync(path.join(site.root, 'data/extra/new.yml'), 'x: 1\n');
    site.build();
    expect(site.renderCache.stats.full).toBe(true);

    // A save that breaks a page, then the fix: the fixed page is rendered, not taken from before the break.
    site.edit('reference/parcels/list-parcels.md', 'description: "', 'description: "{{ parcl.count }} ');
    expect(() => site.build()).toThrow(/list-parcels\.md/);
    site.edit('reference/parcels/list-parcels.md', 'description: "{{ parcl.count }} ', 'description: "List parcels again. ');
    const fixed = site.build();
    expect(JSON.stringify(fixed.entries)).toContain('List parcels again');
    expectSameAsFullBuild(site.root, fixed);
  });
});

describe('lazy highlighting (dev)', () => {
  it('highlights a sample only when its HTML is read, with the same HTML as a build', () => {
    const root = tempRoot(undefined);
    cpSync(SAMPLE, root, { recursive: true });
    const calls: string[] = [];
    const highlight = (code: string, lang: string) => {
      calls.push(code);
      return `<pre data-lang="${lang}">${code.length}</pre>`;
    };
    const eager = buildReference({ root, highlight });
    const eagerCalls = calls.length;
    calls.length = 0;
    const lazy = buildReference({ root, highlight, lazyHighlight: true });
    // Fenced code in Markdown is highlighted while rendering; the samples wait until read.
    expect(calls.length).toBeLessThan(eagerCalls);
    const before = calls.length;
    const endpoint = lazy.entries.find((e) => e.kind === 'endpoint' && e.requests.length > 0);
    expect(endpoint?.kind === 'endpoint' && endpoint.requests[0].html).toMatch(/^<pre data-lang=/);
    expect(calls.length).toBe(before + 1);
    expect(JSON.parse(JSON.stringify(lazy.entries))).toEqual(JSON.parse(JSON.stringify(eager.entries)));
  });
});
