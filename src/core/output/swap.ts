/**
 * The folders around an output folder `<out>`: each build writes into its own `<out>.staging-XXXXXX`
 * (made like mkdtemp, beside `<out>` so it is on the same file system and renames are atomic), and the swap moves
 * the old output aside to `<out>.old-XXXXXX` before moving the new one in. The old one is deleted only
 * once the new one is in place. A build killed outright (SIGKILL) leaves these behind; the next build,
 * holding the lock, knows nobody else is using them and cleans them up (restoring the old output if the
 * kill fell between the two renames).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_MARKER, BUILD_MARKER_TEXT, isBuildOutput, showPath } from './guard.ts';
import { testPauseSync } from './test-pause.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const siblingPattern = (target: string) => new RegExp(`^${escape(path.basename(target))}\\.(staging|old)-[A-Za-z0-9]{6}$`);

/**
 * A fresh, empty staging folder beside `target`, with the permissions of a normally created folder. This is
 * mkdtemp's recipe (an exclusive mkdir of a random name, retried on a clash) rather than mkdtemp itself,
 * which makes the folder private (0700): renamed into place it would be unreadable to a web server.
 */
export function makeStaging(target: string): string {
  mkdirSync(path.dirname(target), { recursive: true });
  for (;;) {
    const dir = `${target}.staging-${randomSuffix()}`;
    try {
      mkdirSync(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Marks a staging folder as a complete build output: written last, just before the swap. */
export function markComplete(dir: string): void {
  writeFileSync(path.join(dir, BUILD_MARKER), BUILD_MARKER_TEXT);
}

function randomSuffix(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Puts `staging` in place of `target`: old output renamed aside, new one renamed in. Returns the old
 * output's new name (for the caller to delete), or undefined when there was none. Readers see the old
 * folder or the new one, never a mix; for the instant between the two renames `target` is absent.
 */
export function swapIn(staging: string, target: string): string | undefined {
  let old: string | undefined;
  if (existsSync(target)) {
    old = `${target}.old-${randomSuffix()}`;
    renameSync(target, old);
  }
  testPauseSync('swap');
  try {
    renameSync(staging, target);
  } catch (error) {
    if (old) renameSync(old, target);
    throw error;
  }
  return old;
}

/** Staging and old folders beside `target` (each a full path). */
export function listLeftovers(target: string): string[] {
  const dir = path.dirname(target);
  if (!existsSync(dir)) return [];
  const pattern = siblingPattern(target);
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .map((name) => path.join(dir, name));
}

/**
 * Cleans up after builds that were killed. Call only while holding the output's lock: then no live build
 * owns any of these folders. If `target` is missing but an old output was moved aside, the kill fell
 * inside a swap: the newest old output is put back. Returns one line per action, for the build log.
 */
export function cleanLeftovers(target: string): string[] {
  const lines: string[] = [];
  const found = listLeftovers(target);
  if (!existsSync(target)) {
    const olds = found
      .filter((d) => /\.old-[A-Za-z0-9]{6}$/.test(d) && isBuildOutput(d))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    if (olds.length) {
      renameSync(olds[0], target);
      found.splice(found.indexOf(olds[0]), 1);
      lines.push(`Restored ${showPath(target)} from ${path.basename(olds[0])}, left by a build that was stopped while replacing it.`);
    }
  }
  for (const dir of found) rmSync(dir, { recursive: true, force: true });
  if (found.length) {
    lines.push(`Removed ${found.map((d) => path.basename(d)).join(', ')}, left by a build that was stopped.`);
  }
  return lines;
}
