/**
 * The output lock, the swap and withStagedOutput (src/core/output), without Astro: the "build" is a
 * callback that writes files. Processes racing for one lock, and real builds, are in tests/site/output-safety.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_MARKER, BUILD_MARKER_TEXT, OutputError } from '../../src/core/output/guard.ts';
import { acquireLock, LockBusyError, readLock } from '../../src/core/output/lock.ts';
import { cleanLeftovers, listLeftovers, makeStaging, swapIn } from '../../src/core/output/swap.ts';
import { withStagedOutput } from '../../src/core/output/staged.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'out-staged-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The pid of a process that has exited (the lock of a build that was killed). */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const lockRecord = (pid: number, token = 'other') => JSON.stringify({ pid, host: os.hostname(), since: '2026-01-01T00:00:00.000Z', token });

/** Every file under `dir` with its content, to compare a folder before and after. */
function tree(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );
}

describe('output lock', () => {
  it('is taken and released by its holder', async () => {
    const file = path.join(tempDir(), 'dist.lock');
    const lock = await acquireLock(file, { waitMs: 0 });
    expect(readLock(file)).toMatchObject({ pid: process.pid, host: os.hostname() });
    lock.release();
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(path.dirname(file))).toEqual([]);
  });

  it('fails at once, naming the holder, when a live process holds it and waiting is off', async () => {
    const file = path.join(tempDir(), 'dist.lock');
    writeFileSync(file, lockRecord(process.pid));
    const error = await acquireLock(file, { waitMs: 0 }).catch((e) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    expect(error.holder.pid).toBe(process.pid);
    expect(readFileSync(file, 'utf8')).toBe(lockRecord(process.pid));
  });

  it('waits for a live holder and gets the lock once it is released', async () => {
    const file = path.join(tempDir(), 'dist.lock');
    writeFileSync(file, lockRecord(process.pid));
    const waits: number[] = [];
    const lock = await acquireLock(file, {
      waitMs: 30_000,
      pollMs: 10,
      onWait: (holder) => {
        waits.push(holder.pid);
        rmSync(file); // the other build finishes
      },
    });
    expect(waits).toEqual([process.pid]);
    expect(readLock(file)?.token).toBe(lock.holder.token);
    lock.release();
  });

  it('takes over a lock whose process is gone, and removes its leftover temp files', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dist.lock');
    const dead = deadPid();
    writeFileSync(file, lockRecord(dead));
    writeFileSync(`${file}.${dead}-abcdef.tmp`, lockRecord(dead));
    const stale: number[] = [];
    const lock = await acquireLock(file, { waitMs: 0, onStale: (h) => stale.push(h.pid) });
    expect(stale).toEqual([dead]);
    expect(readLock(file)?.pid).toBe(process.pid);
    expect(readdirSync(dir)).toEqual(['dist.lock']);
    lock.release();
  });

  it('counts an unreadable lock file as held (it cannot tell whose it is)', async () => {
    const file = path.join(tempDir(), 'dist.lock');
    writeFileSync(file, 'not json');
    const error = await acquireLock(file, { waitMs: 0 }).catch((e) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    expect(error.holder.pid).toBe(-1);
  });

  it('never releases a lock that is no longer its own', async () => {
    const file = path.join(tempDir(), 'dist.lock');
    const lock = await acquireLock(file, { waitMs: 0 });
    writeFileSync(file, lockRecord(process.pid, 'someone-else'));
    lock.release();
    expect(readFileSync(file, 'utf8')).toBe(lockRecord(process.pid, 'someone-else'));
  });
});

describe('swap and leftovers', () => {
  it('makes each staging folder fresh, beside the target, with normal folder permissions', () => {
    const target = path.join(tempDir(), 'dist');
    const a = makeStaging(target);
    const b = makeStaging(target);
    expect(a).not.toBe(b);
    expect(path.dirname(a)).toBe(path.dirname(target));
    expect(path.basename(a)).toMatch(/^dist\.staging-[A-Za-z0-9]{6}$/);
    const plain = path.join(path.dirname(target), 'plain');
    mkdirSync(plain);
    expect(statSync(a).mode & 0o777).toBe(statSync(plain).mode & 0o777);
  });

  it('moves the old output aside and the new one in', () => {
    const target = path.join(tempDir(), 'dist');
    mkdirSync(target);
    writeFileSync(path.join(target, 'old.html'), 'old');
    const staging = makeStaging(target);
    writeFileSync(path.join(staging, 'new.html'), 'new');
    const old = swapIn(staging, target)!;
    expect(path.basename(old)).toMatch(/^dist\.old-[A-Za-z0-9]{6}$/);
    // Both carry the marker: the staging folder from the start, the old output from just before it moved.
    expect(tree(target)).toEqual({ [BUILD_MARKER]: BUILD_MARKER_TEXT, 'new.html': 'new' });
    expect(tree(old)).toEqual({ [BUILD_MARKER]: BUILD_MARKER_TEXT, 'old.html': 'old' });
    expect(existsSync(staging)).toBe(false);
  });

  it('puts the old output back when a build was killed between the two renames, and removes the rest', () => {
    const dir = tempDir();
    const target = path.join(dir, 'dist');
    const old = path.join(dir, 'dist.old-AbC123');
    mkdirSync(old);
    writeFileSync(path.join(old, BUILD_MARKER), BUILD_MARKER_TEXT);
    writeFileSync(path.join(old, 'index.html'), 'old site');
    const staging = makeStaging(target);
    writeFileSync(path.join(staging, 'index.html'), 'half a site');
    mkdirSync(path.join(dir, 'dist.old-notours')); // not our pattern: left alone
    const lines = cleanLeftovers(target);
    expect(lines[0]).toBe(`Restored ${target} from dist.old-AbC123, left by a build that was stopped while replacing it.`);
    expect(lines[1]).toBe(`Removed ${path.basename(staging)}, left by a build that was stopped.`);
    expect(tree(target)).toEqual({ [BUILD_MARKER]: BUILD_MARKER_TEXT, 'index.html': 'old site' });
    expect(listLeftovers(target)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['dist', 'dist.old-notours']);
  });
});

describe("leftovers that are not provably a build's", () => {
  it('a look-alike folder without the marker survives a build, and the build says it left it alone', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'dist');
    const mine = ['dist.old-backup', 'dist.staging-Mydata'];
    for (const name of mine) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, 'notes.txt'), `my ${name}`);
    }
    const killed = makeStaging(target); // a build killed mid-way: its staging folder carries the marker
    const log: string[] = [];
    await withStagedOutput(target, { contentRoot: path.join(dir, 'content'), log: (l) => log.push(l) }, async (staging) => {
      writeFileSync(path.join(staging, 'index.html'), 'site');
    });
    expect(existsSync(killed)).toBe(false);
    for (const name of mine) expect(tree(path.join(dir, name))).toEqual({ 'notes.txt': `my ${name}` });
    expect(readdirSync(dir).sort()).toEqual(['dist', ...mine]);
    expect(log.filter((l) => l.startsWith('Left ')).sort()).toEqual(
      mine.map(
        (name) =>
          `Left ${path.join(dir, name)} alone: its name is that of a build's temporary folder, but it has no ${BUILD_MARKER} file, so it may be yours.`,
      ),
    );
  });

  it('does not restore an unmarked old-looking folder in place of a missing output', () => {
    const dir = tempDir();
    const target = path.join(dir, 'dist');
    mkdirSync(path.join(dir, 'dist.old-backup'));
    writeFileSync(path.join(dir, 'dist.old-backup', 'a.txt'), 'a');
    cleanLeftovers(target);
    expect(existsSync(target)).toBe(false);
    expect(tree(path.join(dir, 'dist.old-backup'))).toEqual({ 'a.txt': 'a' });
  });

  it('marks an output that had no marker (an empty folder) before moving it aside, so a killed swap is cleaned up', () => {
    const dir = tempDir();
    const target = path.join(dir, 'dist');
    mkdirSync(target);
    const old = swapIn(makeStaging(target), target)!;
    expect(readdirSync(old)).toEqual([BUILD_MARKER]);
    expect(cleanLeftovers(target)).toEqual([`Removed ${path.basename(old)}, left by a build that was stopped.`]);
    expect(existsSync(old)).toBe(false);
  });
});

describe('withStagedOutput', () => {
  const site = (dir: string, label: string) => {
    writeFileSync(path.join(dir, 'index.html'), label);
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'index.html'), `${label} a`);
  };

  it('replaces the output with a complete, marked new one and leaves nothing beside it', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'dist');
    const seen: string[] = [];
    for (const label of ['first', 'second']) {
      await withStagedOutput(target, { contentRoot: path.join(dir, 'content') }, async (staging) => {
        seen.push(staging);
        expect(readdirSync(dir).sort()).toEqual(['dist.lock', path.basename(staging), ...(label === 'second' ? ['dist'] : [])].sort());
        site(staging, label);
      });
    }
    expect(seen[0]).not.toBe(seen[1]);
    expect(tree(target)).toEqual({ [BUILD_MARKER]: BUILD_MARKER_TEXT, 'index.html': 'second', 'a/index.html': 'second a' });
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('creates the folders above a new output', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'a', 'b', 'dist');
    await withStagedOutput(target, { contentRoot: path.join(dir, 'content') }, async (s) => site(s, 'deep'));
    expect(tree(target)['index.html']).toBe('deep');
    expect(readdirSync(path.dirname(target))).toEqual(['dist']);
  });

  it('leaves the output exactly as it was when the build fails', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'dist');
    await withStagedOutput(target, { contentRoot: path.join(dir, 'content') }, async (s) => site(s, 'good'));
    const before = tree(target);
    const failure = withStagedOutput(target, { contentRoot: path.join(dir, 'content') }, async (s) => {
      site(s, 'broken');
      throw new Error('content error');
    });
    await expect(failure).rejects.toThrow('content error');
    expect(tree(target)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('refuses a folder it must not replace before creating anything', async () => {
    const dir = tempDir();
    const content = path.join(dir, 'content');
    mkdirSync(content);
    writeFileSync(path.join(content, 'site.yml'), 'title: x\n');
    let ran = false;
    const refusal = withStagedOutput(content, { contentRoot: content }, async () => void (ran = true));
    await expect(refusal).rejects.toBeInstanceOf(OutputError);
    expect(ran).toBe(false);
    expect(readdirSync(dir)).toEqual(['content']);
    expect(tree(content)).toEqual({ 'site.yml': 'title: x\n' });
  });

  it('names the holder when another build holds the output and waiting is off', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'dist');
    writeFileSync(`${target}.lock`, lockRecord(process.pid));
    const busy = withStagedOutput(target, { contentRoot: path.join(dir, 'content'), lockWaitMs: 0 }, async () => {});
    await expect(busy).rejects.toThrow(
      `Output folder ${target} is locked by another build (pid ${process.pid}, lock file ${target}.lock).`,
    );
    expect(readdirSync(dir)).toEqual(['dist.lock']);
  });

  it('runs a second build into the same folder after the first, saying it waits', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'dist');
    const log: string[] = [];
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = withStagedOutput(target, { contentRoot: path.join(dir, 'content') }, async (s) => {
      order.push('first start');
      await gate;
      site(s, 'first');
      order.push('first end');
    });
    const second = withStagedOutput(target, { contentRoot: path.join(dir, 'content'), log: (l) => log.push(l) }, async (s) => {
      order.push('second start');
      site(s, 'second');
    });
    // The second call found the lock taken by the first one synchronously, before any await.
    expect(log[0]).toMatch(
      new RegExp(`^Output folder ${target} is locked by another build \\(pid ${process.pid}, since .+\\); waiting up to 600 s`),
    );
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first start', 'first end', 'second start']);
    expect(tree(target)['index.html']).toBe('second');
  });
});
