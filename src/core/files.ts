/** Directory walking and text reading shared by the data and document readers. */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isInside, linkTarget, realOr } from './confine.ts';
import { ContentError } from './errors.ts';

/** Where a walk may follow folder links: inside `boundary`; `root` makes the paths in messages relative. */
export interface WalkBounds {
  boundary: string;
  root: string;
}

/**
 * Sorted, dot-files skipped, a missing dir is []. A symbolic link to a folder is followed when it stays
 * inside `bounds.boundary` (Dirent.isDirectory() is false for a link, so without this such a folder would
 * be skipped without a word); one that leads out of it, or back into a folder the walk is already in (a
 * loop), is a ContentError naming the link. Links to files are listed: the reader checks where they lead
 * (confine.ts). Without `bounds` folder links are followed wherever they lead (loops are still refused).
 */
export function listFiles(dir: string, pattern: RegExp, bounds?: WalkBounds): string[] {
  return walk(dir, pattern, bounds, [realOr(dir)]);
}

function walk(dir: string, pattern: RegExp, bounds: WalkBounds | undefined, open: string[]): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return walk(full, pattern, bounds, [...open, realOr(full)]);
      if (e.isSymbolicLink() && isFolder(full)) {
        const real = realOr(full);
        const shown = bounds ? path.relative(bounds.root, full).split(path.sep).join('/') : full;
        if (bounds && !isInside(real, bounds.boundary)) {
          throw new ContentError(
            { file: shown },
            `is a symbolic link to ${linkTarget(full)}, outside the content root; nothing in it is read`,
            'Content is read only from inside the content root; copy the files in instead of linking to them.',
          );
        }
        if (open.some((o) => isInside(o, real))) {
          throw new ContentError(
            { file: shown },
            `is a symbolic link to ${linkTarget(full)}, a folder it is itself inside: following it would never end`,
            'Remove the link, or point it at a folder that does not contain it.',
          );
        }
        return walk(full, pattern, bounds, [...open, real]);
      }
      return pattern.test(e.name) ? [full] : [];
    });
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false; // a link to nothing: listed if its name matches, and the reader reports it
  }
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // The decoder also rejects overlong forms and surrogates; one 3–4 byte check covers the rest.
    if (len > 1) {
      try {
        fatalUtf8.decode(bytes.subarray(i, i + len));
      } catch {
        return i;
      }
    }
    i += len;
  }
  return -1;
}

/**
 * Reads a content file as UTF-8. Node's own decoding silently turns bad bytes into U+FFFD, which would
 * put replacement characters on a page; a file saved as Latin-1 or Windows-1252 is reported instead.
 */
export function readTextFile(absolute: string, file: string): string {
  const bytes = readFileSync(absolute);
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, Math.max(at, 0)).filter((b) => b === 0x0a).length + 1;
    const hex = at >= 0 ? `0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')}` : 'a byte';
    throw new ContentError(
      { file, line },
      `not valid UTF-8 (${hex} at byte ${at + 1})`,
      'Save the file as UTF-8 (it looks like Latin-1 or Windows-1252).',
    );
  }
}
