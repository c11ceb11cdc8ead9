/**
 * `npm run build` never loses the output folder: real builds of a small fixture site (tests/fixtures/
 * mini-site, an "old" and a "new" version) run at the same time, or are killed at three exact points
 * (the build's test pause hook, src/core/output/test-pause.ts), and the folder afterwards is compared file
 * by file with reference builds of the old and the new site.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER } from '../../src/core/output/guard.ts';
import { acquireLock, readLock } from '../../src/core/output/lock.ts';
import { PAUSE_ENV, pauseLine, type PausePoint } from '../../src/core/output/test-pause.ts';
import { hashTree, start, type Running } from './helpers/build-run.ts';
import { REPO_ROOT } from './helpers/site.ts';

const MINI_SITE = path.join(REPO_ROOT, 'tests/fixtures/mini-site');
const ASTRO_LOCK = path.join(REPO_ROOT, 'node_modules/.astro/build.lock');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiref-output-'));
const roots = { old: path.join(tmp, 'old'), new: path.join(tmp, 'new'), bad: path.join(tmp, 'bad') };
const refs: Record<'old' | 'new', Record<string, string>> = { old: {}, new: {} };
const running: Running[] = [];
/** What the build of the new reference had written into its staging folder while Astro's lock was held. */
const astroWait: { staging?: string[][] } = {};

function build(site: keyof typeof roots, out: string, env: Record<string, string> = {}): Running {
  const r = start('bin/api-reference.js', ['build', '--out', out], { CONTENT_ROOT: roots[site], ...env });
  running.push(r);
  return r;
}

/** A folder holding a copy of the old reference build as `dist`, like a checkout after a good build. */
function scenario(name: string): { dir: string; dist: string } {
  const dir = path.join(tmp, name);
  cpSync(path.join(tmp, 'ref-old'), path.join(dir, 'dist'), { recursive: true });
  return { dir, dist: path.join(dir, 'dist') };
}

beforeAll(async () => {
  cpSync(MINI_SITE, roots.old, { recursive: true });
  cpSync(MINI_SITE, roots.new, { recursive: true });
  const config = path.join(roots.new, 'site.yml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('title: "Mini API"', 'title: "Mini API, new edition"'));
  cpSync(MINI_SITE, roots.bad, { recursive: true });
  cpSync(path.join(REPO_ROOT, 'tests/fixtures/bad/unknown-variable'), roots.bad, { recursive: true });
  const old = await build('old', path.join(tmp, 'ref-old')).done;
  expect(old.status, old.stderr).toBe(0);
  refs.old = hashTree(path.join(tmp, 'ref-old'));
  // The new reference is built while this process holds the project's Astro lock, to see its Astro stage
  // wait (asserted below). Another test file's build may hold the lock for a while: we wait our turn.
  const held = await acquireLock(ASTRO_LOCK, { waitMs: 120_000 });
  let r: Running;
  try {
    r = build('new', path.join(tmp, 'ref-new'));
    await r.waitFor(`This project's Astro state (.astro/) is locked by another build (pid ${process.pid}`);
    astroWait.staging = readdirSync(tmp)
      .filter((f) => f.startsWith('ref-new.staging-'))
      .map((f) => readdirSync(path.join(tmp, f)));
  } finally {
    held.release();
  }
  const result = await r.done;
  expect(result.status, result.stderr).toBe(0);
  refs.new = hashTree(path.join(tmp, 'ref-new'));
  expect(refs.old).not.toEqual(refs.new);
  expect(Object.keys(refs.new)).toContain(BUILD_MARKER);
}, 240_000);

afterAll(() => {
  for (const r of running) r.child.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

describe('concurrent builds', () => {
  it('two builds into one folder take turns, and the folder ends as the complete site of the one that finished last', async () => {
    const { dir, dist } = scenario('concurrent');
    // Hold the lock ourselves until both builds are waiting, so they really overlap whatever the load.
    const held = await acquireLock(`${dist}.lock`, { waitMs: 0 });
    const a = build('old', dist);
    const b = build('new', dist);
    await Promise.all([a, b].map((r) => r.waitFor(`Output folder ${dist} is locked by another build (pid ${process.pid}`)));
    held.release();
    const finished: Array<'old' | 'new'> = [];
    const results = await Promise.all([a.done.then((r) => (finished.push('old'), r)), b.done.then((r) => (finished.push('new'), r))]);
    for (const r of results) expect(r.status, r.stderr).toBe(0);
    expect(hashTree(dist)).toEqual(refs[finished[1]]);
    expect(readdirSync(dir)).toEqual(['dist']);
  }, 120_000);

  it('builds into different folders take turns at the Astro stage (.astro/ is shared by the project)', () => {
    // While another process held the lock, the waiting build had made its staging folder (its model was
    // built) but Astro had written nothing into it beyond the marker every staging folder starts with; it
    // then completed (the new reference build).
    expect(astroWait.staging).toEqual([[BUILD_MARKER]]);
    expect(Object.keys(refs.new)).toContain('index.html');
  });
});

describe('the output lock across processes', () => {
  it('processes racing for a stale lock hold it one at a time', async () => {
    const dir = path.join(tmp, 'lock-race');
    mkdirSync(dir);
    const lockFile = path.join(dir, 'dist.lock');
    const log = path.join(dir, 'log');
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(lockFile, JSON.stringify({ pid: dead, host: os.hostname(), since: '', token: 'dead' }));
    // Each process takes the lock, writes "in", stays a moment, writes "out" and releases it.
    const script = `
      import { appendFileSync } from 'node:fs';
      import { acquireLock } from ${JSON.stringify(path.join(REPO_ROOT, 'src/core/output/lock.ts'))};
      const lock = await acquireLock(${JSON.stringify(lockFile)}, { waitMs: 60000, pollMs: 5 });
      appendFileSync(${JSON.stringify(log)}, 'in ' + process.pid + '\\n');
      await new Promise((r) => setTimeout(r, 50));
      appendFileSync(${JSON.stringify(log)}, 'out ' + process.pid + '\\n');
      lock.release();`;
    const racers = Array.from(
      { length: 4 },
      () =>
        new Promise<number | null>((resolve) =>
          spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' }).on('close', resolve),
        ),
    );
    expect(await Promise.all(racers)).toEqual([0, 0, 0, 0]);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(8);
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i]).toMatch(/^in \d+$/);
      expect(lines[i + 1]).toBe(lines[i].replace('in', 'out'));
    }
    expect(readdirSync(dir).sort()).toEqual(['log']);
  }, 120_000);
});

describe('a build killed with SIGKILL', () => {
  async function killAt(point: PausePoint, name: string) {
    const s = scenario(name);
    const r = build('new', s.dist, { [PAUSE_ENV]: point });
    await r.waitFor(pauseLine(point));
    r.child.kill('SIGKILL');
    expect((await r.done).signal).toBe('SIGKILL');
    return s;
  }
  const leftovers = (dir: string) => readdirSync(dir).filter((f) => f !== 'dist');

  it('during the model build: the old site stays; the next build takes over the lock and removes the staging folder', async () => {
    const { dir, dist } = await killAt('model', 'kill-model');
    expect(hashTree(dist)).toEqual(refs.old);
    expect(leftovers(dir).sort()).toEqual(['dist.lock', expect.stringMatching(/^dist\.staging-\w{6}$/)]);
    // The next build fails on bad content, yet first cleans up, and still leaves the old site alone.
    const next = await build('bad', dist).done;
    expect(next.status).toBe(1);
    expect(next.stderr).toContain('undefined variable "widgit"');
    expect(next.stderr).toMatch(/Took over .*dist\.lock from pid \d+, which is no longer running\./);
    expect(next.stderr).toMatch(/Removed dist\.staging-\w{6}, left by a build that was stopped\./);
    expect(hashTree(dist)).toEqual(refs.old);
    expect(leftovers(dir)).toEqual([]);
  }, 120_000);

  it('during page generation: the old site stays; the next build completes the new one and leaves nothing behind', async () => {
    const { dir, dist } = await killAt('pages', 'kill-pages');
    expect(hashTree(dist)).toEqual(refs.old);
    const staging = leftovers(dir).find((f) => f.startsWith('dist.staging-'))!;
    const partial = hashTree(path.join(dir, staging));
    expect(Object.keys(partial)).toContain('index.html');
    // The marker it was made with survived Astro's stage: the proof that lets the next build remove it.
    expect(Object.keys(partial)).toContain(BUILD_MARKER);
    // The killed build also held the project's Astro lock: the next build must not wait for a dead process.
    const next = await build('new', dist).done;
    expect(next.status, next.stderr).toBe(0);
    expect(hashTree(dist)).toEqual(refs.new);
    expect(leftovers(dir)).toEqual([]);
  }, 120_000);

  it('between the two renames of the swap: the next build puts the old site back', async () => {
    const { dir, dist } = await killAt('swap', 'kill-swap');
    // The one instant the folder is absent: the old site is complete beside it, and so is the new one.
    const aside = leftovers(dir);
    const old = aside.find((f) => f.startsWith('dist.old-'))!;
    const staging = aside.find((f) => f.startsWith('dist.staging-'))!;
    expect(readdirSync(dir)).not.toContain('dist');
    expect(hashTree(path.join(dir, old))).toEqual(refs.old);
    expect(hashTree(path.join(dir, staging))).toEqual(refs.new);
    const next = await build('bad', dist).done;
    expect(next.status).toBe(1);
    expect(next.stderr).toContain(`Restored ${dist} from ${old}, left by a build that was stopped while replacing it.`);
    expect(hashTree(dist)).toEqual(refs.old);
    expect(leftovers(dir)).toEqual([]);
  }, 120_000);
});

describe('a build stopped with SIGINT or SIGTERM', () => {
  it.each([
    ['SIGINT', 'model', 130],
    ['SIGTERM', 'pages', 143],
  ] as const)(
    '%s during the %s stage removes its staging folder and lock at once',
    async (signal, point, status) => {
      const { dir, dist } = scenario(`${signal}-${point}`);
      const r = build('new', dist, { [PAUSE_ENV]: point });
      await r.waitFor(pauseLine(point));
      r.child.kill(signal);
      const result = await r.done;
      expect(result.status).toBe(status);
      expect(result.stderr).toContain(`Build stopped (${signal}); ${dist} was left untouched.`);
      expect(hashTree(dist)).toEqual(refs.old);
      expect(readdirSync(dir)).toEqual(['dist']);
      expect(readLock(ASTRO_LOCK)?.pid).not.toBe(r.child.pid);
    },
    60_000,
  );
});
