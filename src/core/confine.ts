/**
 * Content is read only from inside the content root. A symbolic link in a pull request (`reference/x.md`
 * → `/etc/passwd`, or the whole `includes/` folder → `~`) would otherwise publish whatever it points at,
 * so every file is checked where it really is, after links are followed. Links that stay inside the root
 * are fine. Folders a trusted config overlay (SITE_CONFIG) adds outside the root are their own boundary.
 */
import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ContentError } from './errors.ts';

/** True when `child` is `parent` or below it (both absolute). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** The real path of `p`; for a path that does not exist (yet), that of its nearest existing parent plus the rest. */
export function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realOr(parent), path.basename(p));
  }
}

/** What a symbolic link says it points at (as written, so messages do not depend on where the tree is). */
export function linkTarget(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return realOr(p);
  }
}

/**
 * Where files read from `folder` must really be: the content root's real path for folders inside the root
 * (after checking the folder itself is not a link out of it), the folder's own real path for folders an
 * overlay put elsewhere. `field` and `configFile` name the setting in messages.
 */
export function folderBoundary(folder: string, root: string, configFile: string, field: string): string {
  const realRoot = realOr(root);
  if (!isInside(folder, root)) return realOr(folder);
  const real = realOr(folder);
  if (!isInside(real, realRoot)) {
    throw new ContentError(
      { file: configFile, field },
      `folder ${path.relative(root, folder) || '.'} is a symbolic link to ${linkTarget(folder)}, outside the content root`,
      'Content is read only from inside the content root; copy the files in instead of linking to them.',
    );
  }
  return realRoot;
}

/** The boundary of `folder` from a loaded config's `boundaries`, or worked out the same way without one. */
export function boundaryFor(folder: string, root: string, boundaries?: ReadonlyMap<string, string>): string {
  return boundaries?.get(folder) ?? (isInside(folder, root) ? realOr(root) : realOr(folder));
}

/**
 * Checks a file found in a content folder before it is read: a symbolic link must lead to a file inside
 * `boundary`. `file` is the path messages use (relative to the content root).
 */
export function assertConfined(absolute: string, file: string, boundary: string): void {
  let link: boolean;
  try {
    link = lstatSync(absolute).isSymbolicLink();
  } catch {
    return; // gone since the folder was listed; reading it reports that
  }
  if (!link) return;
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    throw new ContentError({ file }, 'is a symbolic link to a file that does not exist', 'Remove the link or restore its target.');
  }
  if (!isInside(real, boundary)) {
    throw new ContentError(
      { file },
      `is a symbolic link to ${linkTarget(absolute)}, outside the content root; it is not read`,
      'Content is read only from inside the content root; copy the file in instead of linking to it.',
    );
  }
  if (!statSync(real).isFile()) throw new ContentError({ file }, 'is a symbolic link to a folder, not a file');
}
