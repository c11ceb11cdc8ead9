/**
 * A lock file that says "a build is writing here". Held by one process; a second one waits (bounded) or
 * gives up with the holder's pid. The holder is identified by pid and host name, so a lock left by a
 * build that died (SIGKILL, power cut) is recognised as stale and taken over instead of blocking forever.
 *
 * Why a hand-written lock and not proper-lockfile: that library decides staleness by the lock's mtime,
 * refreshed by a timer; our model build is synchronous and can block the event loop for longer than any
 * sensible refresh period on a big site, so a live build would lose its lock. A pid check has no timer.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onInterrupt } from './interrupt.ts';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
  /** Random per acquisition: releasing or breaking a lock checks it, so nobody removes a newer holder's lock. */
  token: string;
}

export interface HeldLock {
  file: string;
  holder: LockHolder;
  /** Removes the lock file if it is still ours. Synchronous, so it can run from exit and signal handlers. */
  release(): void;
}

export interface LockOptions {
  /** How long to wait for a live holder before giving up, in ms (0: give up at once). */
  waitMs: number;
  /** Poll interval while waiting. */
  pollMs?: number;
  /** Called once when the lock is found held by a live process and we start waiting. */
  onWait?: (holder: LockHolder) => void;
  /** Called when a lock left by a dead process is taken over. */
  onStale?: (holder: LockHolder) => void;
}

export class LockBusyError extends Error {
  readonly file: string;
  readonly holder: LockHolder;

  constructor(file: string, holder: LockHolder) {
    super(`${file} is held by pid ${holder.pid} on ${holder.host} since ${holder.since}`);
    this.name = 'LockBusyError';
    this.file = file;
    this.holder = holder;
  }
}

const isCode = (error: unknown, code: string) => (error as NodeJS.ErrnoException)?.code === code;

export function readLock(file: string): LockHolder | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof data.pid === 'number' && typeof data.token === 'string') {
      return { pid: data.pid, host: String(data.host ?? ''), since: String(data.since ?? ''), token: data.token };
    }
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
  }
  // Unreadable or not ours: treat as held by nobody we can check, which the caller handles as live.
  return { pid: -1, host: '?', since: '?', token: '' };
}

/** Whether the holder may still be running. A lock from another host cannot be checked, so it counts as live. */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname() || holder.pid <= 0) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return !isCode(error, 'ESRCH');
  }
}

/**
 * Creates `file` with our holder record, or fails with EEXIST. The record is written to a temp file and
 * hard-linked into place, so a reader never sees a half-written lock.
 */
function createExclusive(file: string, holder: LockHolder): boolean {
  const temp = `${file}.${holder.pid}-${holder.token}.tmp`;
  writeFileSync(temp, JSON.stringify(holder));
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function removeIfToken(file: string, token: string): void {
  if (readLock(file)?.token === token) {
    try {
      unlinkSync(file);
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error;
    }
  }
}

/**
 * Removes a stale lock. Two processes may find the same stale lock; without care one could remove the lock
 * the other has just created. So breaking takes a short-lived second lock (`<file>.break`), re-reads the
 * lock under it and removes it only if it still holds the dead holder's token. A `.break` file left by a
 * process killed inside those few microseconds is itself stale and removed the same way (unguarded: that
 * window is too small to matter).
 */
function breakStale(file: string, stale: LockHolder, self: LockHolder): boolean {
  const guard = `${file}.break`;
  if (!createExclusive(guard, self)) {
    const other = readLock(guard);
    if (other && !holderAlive(other)) removeIfToken(guard, other.token);
    return false;
  }
  try {
    removeIfToken(file, stale.token);
    return true;
  } finally {
    removeIfToken(guard, self.token);
  }
}

/** Temp files of lock attempts killed between writing and linking them (their pid is gone). */
function removeDeadTemps(file: string): void {
  const base = path.basename(file);
  for (const name of readdirSync(path.dirname(file))) {
    if (!name.startsWith(`${base}.`) || !name.endsWith('.tmp')) continue;
    const pid = Number(/^\.(\d+)-[0-9a-f]+\.tmp$/.exec(name.slice(base.length))?.[1]);
    if (pid && !holderAlive({ pid, host: os.hostname(), since: '', token: '' })) {
      rmSync(path.join(path.dirname(file), name), { force: true });
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function acquireLock(file: string, options: LockOptions): Promise<HeldLock> {
  const self: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const started = Date.now();
  let waiting = false;
  for (;;) {
    if (createExclusive(file, self)) break;
    const holder = readLock(file);
    if (!holder) continue; // released between our attempt and the read: try again at once
    if (!holderAlive(holder)) {
      if (breakStale(file, holder, self)) options.onStale?.(holder);
      else await sleep(20); // another process is breaking it: let it finish
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= options.waitMs) throw new LockBusyError(file, holder);
    if (!waiting) options.onWait?.(holder);
    waiting = true;
    await sleep(Math.min(options.pollMs ?? 200, options.waitMs - waited));
  }
  removeDeadTemps(file);
  const unregister = onInterrupt(() => removeIfToken(file, self.token));
  return {
    file,
    holder: self,
    release() {
      unregister();
      removeIfToken(file, self.token);
    },
  };
}
