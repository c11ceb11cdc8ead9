/**
 * Safe replacement of a build's output folder, independent of what produces it:
 *
 *   await withStagedOutput('dist', { contentRoot }, async (staging) => { ...write the site into staging... });
 *
 * 1. Refuses a folder it must not replace (guard.ts) before touching anything.
 * 2. Takes `<out>.lock`; a second build into the same folder waits for it (bounded) or fails naming the
 *    holder's pid. A lock whose process is gone is taken over.
 * 3. Cleans up what killed builds left (swap.ts), then gives the callback a fresh staging folder.
 * 4. Only if the callback succeeds: marks the staging folder as a build output, swaps it in atomically and
 *    deletes the old output. On failure, SIGINT or SIGTERM the staging folder is removed and `<out>` is
 *    left exactly as it was.
 */
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkTarget, OutputError, resolveTarget, showPath, type GuardOptions } from './guard.ts';
import { onInterrupt } from './interrupt.ts';
import { acquireLock, LockBusyError, type HeldLock, type LockHolder } from './lock.ts';
import { cleanLeftovers, makeStaging, markComplete, swapIn } from './swap.ts';

export interface StagedOutputOptions extends GuardOptions {
  /** How long to wait for another build of the same output, in ms (default 10 minutes; 0: fail at once). */
  lockWaitMs?: number;
  /** Progress lines (waiting, stale lock taken over, leftovers cleaned); default: stderr. */
  log?: (line: string) => void;
}

export const DEFAULT_LOCK_WAIT_MS = 10 * 60_000;

export const lockFileOf = (target: string) => `${target}.lock`;

function describeHolder(holder: LockHolder): string {
  if (holder.pid <= 0) return 'a lock file this build cannot read';
  const host = holder.host === os.hostname() ? '' : ` on ${holder.host}`;
  return `pid ${holder.pid}${host}`;
}

export interface LockMessages {
  /** What is locked, for messages: "Output folder dist", "Astro's project state". */
  what: string;
  log: (line: string) => void;
}

/**
 * acquireLock with the messages a person at a terminal needs: who holds it and how long we wait, and on
 * giving up an OutputError naming the holder and the lock file.
 */
export async function lockWithMessages(file: string, waitMs: number, messages: LockMessages): Promise<HeldLock> {
  const seconds = Math.round(waitMs / 1000);
  try {
    return await acquireLock(file, {
      waitMs,
      onWait: (holder) =>
        messages.log(
          `${messages.what} is locked by another build (${describeHolder(holder)}, since ${holder.since}); waiting up to ${seconds} s for it to finish.`,
        ),
      onStale: (holder) => messages.log(`Took over ${showPath(file)} from ${describeHolder(holder)}, which is no longer running.`),
    });
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    throw new OutputError(
      `${messages.what} is locked by another build (${describeHolder(error.holder)}, lock file ${showPath(file)})` +
        (waitMs > 0 ? `; gave up after waiting ${seconds} s.` : '.'),
      `Wait for that build to finish, or delete ${showPath(file)} if no build is running.`,
    );
  }
}

export async function withStagedOutput<T>(
  target: string,
  options: StagedOutputOptions,
  build: (staging: string) => Promise<T>,
): Promise<T> {
  const log = options.log ?? ((line: string) => console.error(line));
  const out = resolveTarget(target);
  checkTarget(out, options);
  mkdirSync(path.dirname(out), { recursive: true }); // the lock and staging folder go beside the output
  const lock = await lockWithMessages(lockFileOf(out), options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, {
    what: `Output folder ${showPath(out)}`,
    log,
  });
  try {
    cleanLeftovers(out).forEach((line) => log(line));
    checkTarget(out, options); // again: it may have changed while we waited
    const staging = makeStaging(out);
    const forget = onInterrupt((reason) => {
      rmSync(staging, { recursive: true, force: true });
      if (reason !== 'exit') console.error(`\nBuild stopped (${reason}); ${showPath(out)} was left untouched.`);
    });
    let swapped = false;
    try {
      const result = await build(staging);
      markComplete(staging);
      const old = swapIn(staging, out);
      swapped = true;
      forget();
      // The new output is already in place; deleting the old one only frees the space.
      if (old) rmSync(old, { recursive: true, force: true });
      return result;
    } finally {
      forget();
      if (!swapped) rmSync(staging, { recursive: true, force: true });
    }
  } finally {
    lock.release();
  }
}
