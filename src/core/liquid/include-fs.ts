/**
 * The file system liquidjs looks includes up in. A missing include becomes a warning and an empty string,
 * never a crash (Jekyll sites call includes a tree may not ship). A file found must be below the includes
 * folder it was looked up in and, after symbolic links are followed, inside that folder's boundary
 * (confine.ts); names were already checked the way Jekyll checks them (guards.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FS } from 'liquidjs';
import { isInside, linkTarget, realOr } from '../confine.ts';
import { limitName, type Limits } from '../../schemas/limits.ts';
import { IncludeRefused, LimitError } from './guards.ts';
import { laxToStrict } from './lax.ts';

const MISSING_INCLUDE = '\0missing-include:';

export interface IncludeFsOptions {
  /** Each includes folder → the real folder its files must be inside; the folder itself by default. */
  boundaries?: ReadonlyMap<string, string>;
  limits: Limits;
  /** Called with the path of every include file read (dependency tracking). */
  read?(file: string): void;
  /** Called with the name of an include no folder has. */
  missing(file: string): void;
}

/** Stops a template longer than `limits.liquid-template-size` before it is parsed. */
export function checkTemplateSize(length: number, limits: Limits): void {
  const max = limits['liquid-template-size'];
  if (length > max) {
    throw new LimitError(
      'liquid-template-size',
      `a Liquid template of ${length.toLocaleString('en')} characters is longer than allowed (${limitName('liquid-template-size', limits)})`,
    );
  }
}

export function includeFileSystem({ boundaries, limits, missing, read: onRead }: IncludeFsOptions): FS {
  /** Whether the look-up may use `file` for folder `dir`; a symbolic link out of the boundary is refused. */
  const inside = (dir: string, file: string): boolean => {
    if (file.startsWith(MISSING_INCLUDE)) return true;
    if (!isInside(file, dir)) return false;
    if (isInside(realOr(file), boundaries?.get(dir) ?? realOr(dir))) return true;
    throw new IncludeRefused(
      `include "${path.relative(dir, file)}" is a symbolic link to ${linkTarget(file)}, outside the includes folder`,
    );
  };
  const read = (p: string): string => {
    if (p.startsWith(MISSING_INCLUDE)) {
      missing(p.slice(MISSING_INCLUDE.length));
      return '';
    }
    const text = readFileSync(p, 'utf8');
    onRead?.(p);
    checkTemplateSize(text.length, limits);
    return laxToStrict(text);
  };
  return {
    exists: async (p) => p.startsWith(MISSING_INCLUDE) || existsSync(p),
    existsSync: (p) => p.startsWith(MISSING_INCLUDE) || existsSync(p),
    readFile: async (p) => read(p),
    readFileSync: read,
    resolve: (dir, file) => path.resolve(dir, file),
    contains: async (dir, file) => inside(dir, file),
    containsSync: inside,
    sep: path.sep,
    dirname: path.dirname,
    fallback: (file) => `${MISSING_INCLUDE}${file}`,
  };
}
