/**
 * The reference session (src/runtime/session.ts): the model the pages render from. A build reads the model
 * handed off by the process that built it (only with the right id); dev rebuilds after reported changes,
 * keeps the last good model through a content error and reports every rebuild.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ContentErrors } from '../../src/core/errors.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { readHandoff, writeHandoff } from '../../src/integration/handoff.ts';
import { ReferenceSession, type BuildOutcome } from '../../src/runtime/session.ts';
import { removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

describe('build hand-off', () => {
  it('round-trips the model (maps included) and is read only with its own id', () => {
    const root = tempRoot('mini-site');
    const result = buildReference({ root });
    const cache = tempRoot(undefined);
    const handoff = writeHandoff(cache, result);
    const read = readHandoff(handoff)!;
    expect(read.entries).toEqual(result.entries);
    expect(read.links.anchors).toEqual(result.links.anchors);
    expect(read.links.anchors).toBeInstanceOf(Map);
    expect(readHandoff({ ...handoff, id: 'another build' })).toBeUndefined();
    expect(readHandoff({ ...handoff, file: path.join(cache, 'missing.bin') })).toBeUndefined();
  });

  it('a build session takes the handed-off model instead of building, and builds itself when the id is not its own', async () => {
    const root = tempRoot('mini-site');
    const cache = tempRoot(undefined);
    const result = buildReference({ root });
    // A marker only the handed-off model has: the session must not have rebuilt it.
    result.entries[0].title = 'from the hand-off';
    const handoff = writeHandoff(cache, result);

    const outcomes: BuildOutcome[] = [];
    const session = new ReferenceSession({ root, dev: false, handoff, highlightCache: path.join(cache, 'h.json') });
    session.onBuilt = (o) => outcomes.push(o);
    expect((await session.model()).entries[0].title).toBe('from the hand-off');
    expect(outcomes).toEqual([expect.objectContaining({ ok: true, handedOff: true })]);

    const other = new ReferenceSession({
      root,
      dev: false,
      handoff: { ...handoff, id: 'stale' },
      highlightCache: path.join(cache, 'h.json'),
    });
    expect((await other.model()).entries[0].title).not.toBe('from the hand-off');
  });

  it('a build session throws the content errors', async () => {
    const root = tempRoot('mini-site', { 'reference/widgets/list-widgets.md': '' });
    const session = new ReferenceSession({ root, dev: false, highlightCache: path.join(tempRoot(undefined), 'h.json') });
    await expect(session.model()).rejects.toThrow(ContentErrors);
    await expect(session.model()).rejects.toThrow(/list-widgets\.md:1: file is empty/);
  });
});

describe('dev session', () => {
  const file = 'reference/widgets/list-widgets.md';

  it('rebuilds after changes, reporting the changed files; keeps the last good model through an error', async () => {
    const root = tempRoot('mini-site');
    const outcomes: BuildOutcome[] = [];
    const session = new ReferenceSession({ root, dev: true, highlightCache: path.join(tempRoot(undefined), 'h.json') });
    session.onBuilt = (o) => outcomes.push(o);
    const first = await session.model();
    expect(await session.model()).toBe(first);

    const abs = path.join(root, file);
    const good = readFileSync(abs, 'utf8');
    writeFileSync(abs, good.replace('Lists widgets.', '{{ widgit }}'));
    session.invalidate([abs]);
    // Out of date from the moment of the report: the next request waits for the rebuild.
    const errors = await session.problems();
    expect(errors?.[0].message).toMatch(/list-widgets\.md:\d+ \(field "description"\): undefined variable "widgit"/);
    expect(await session.model()).toBe(first);
    expect(outcomes.at(-1)).toMatchObject({ ok: false, changed: [abs] });

    writeFileSync(abs, good.replace('Lists widgets.', 'Lists every widget.'));
    session.invalidate([abs]);
    expect(await session.problems()).toBeUndefined();
    const next = await session.model();
    expect(next).not.toBe(first);
    expect(JSON.stringify(next.entries)).toContain('Lists every widget.');
    expect(outcomes.at(-1)).toMatchObject({ ok: true, changed: [abs], handedOff: false });
  });

  it('rebuilds by itself once saves settle, once for a burst of saves', async () => {
    const root = tempRoot('mini-site');
    const outcomes: BuildOutcome[] = [];
    const session = new ReferenceSession({ root, dev: true, highlightCache: path.join(tempRoot(undefined), 'h.json') });
    await session.model();
    session.onBuilt = (o) => outcomes.push(o);
    const abs = path.join(root, file);
    session.invalidate([abs]);
    session.invalidate([abs]);
    await vi.waitFor(() => expect(outcomes).toHaveLength(1), { timeout: 10_000 });
    expect(outcomes[0]).toMatchObject({ ok: true, changed: [abs] });
    // Nothing left out of date: asking again builds nothing.
    await session.problems();
    expect(outcomes).toHaveLength(1);
  });
});
