/**
 * The folders around an output folder `<out>`: each build writes into its own `<out>.staging-XXXXXX`
 * (made like mkdtemp, beside `<out>` so it is on the same file system and renames are atomic), and the swap moves
 * the old output aside to `<out>.old-XXXXXX` before moving the new one in. The old one is deleted only
 * once the new one is in place. A build killed outright (SIGKILL) leaves these behind; the next build,
 * holding the lock, knows nobody else is using them and cleans them up (restoring the old output if the
 * kill fell between the two renames). Only folders that carry the build's marker file are touched: a
 * user's own `dist.old-backup/` matches the name pattern too, and deleting it would lose their files. So
 * every staging folder gets the marker when it is made, and an output gets it before it is moved aside.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_MARKER, BUILD_MARKER_TEXT, isBuildOutput, showPath } from './guard.ts';
import { testPauseSync, type PausePoint } from './test-pause.ts';

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
      // The proof that the build made it, should the build be killed before it finishes.
      writeFileSync(path.join(dir, BUILD_MARKER), BUILD_MARKER_TEXT);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Marks a staging folder as a complete build output: written again last, just before the swap, in case
 * the site generator emptied the folder before writing into it.
 */
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
export function swapIn(staging: string, target: string, pause?: PausePoint): string | undefined {
  let old: string | undefined;
  if (existsSync(target)) {
    old = `${target}.old-${randomSuffix()}`;
    // A replaceable output without the marker (empty, or from a version before it) gets one first, so that
    // cleanLeftovers can tell this old output from a user's folder of the same shape.
    if (!existsSync(path.join(target, BUILD_MARKER))) markComplete(target);
    renameSync(target, old);
  }
  testPauseSync('swap', pause);
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
 * inside a swap: the newest old output is put back. A folder of the right name without the marker file is
 * not provably ours and is left alone, with a line saying so. Returns one line per action, for the build log.
 */
export function cleanLeftovers(target: string): string[] {
  const lines: string[] = [];
  const candidates = listLeftovers(target);
  const found = candidates.filter((d) => isBuildOutput(d));
  const foreign = candidates.filter((d) => !found.includes(d));
  if (!existsSync(target)) {
    const olds = found.filter((d) => /\.old-[A-Za-z0-9]{6}$/.test(d)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
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
  for (const dir of foreign) {
    lines.push(
      `Left ${showPath(dir)} alone: its name is that of a build's temporary folder, but it has no ${BUILD_MARKER} file, so it may be yours.`,
    );
  }
  return lines;
}
