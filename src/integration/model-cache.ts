/**
 * A build's model kept for the next build of the same content: when nothing the model is made from has
 * changed, the next build takes the stored model instead of parsing, rendering and highlighting everything
 * again. What is compared, by path, size and modification time (as make and Jekyll's incremental mode do):
 * every file the model read (BuildResult.files: config and preset files, data, documents, MDX pages,
 * includes), every file and folder link in the configured folders (a file added or removed there), the
 * content root's own file names (a config file appearing), this package's model code, the installed
 * versions of its dependencies and Node's. Folder links are followed only inside the content root and the
 * folders the config names, and never twice. A model is not kept when it depends on the clock (Liquid's
 * "now" or "today"), when highlighting gave up on a line (the next build must try again), or when an input
 * changed while it was being built. One file per Astro cache dir (a content root and output folder),
 * replaced atomically; clearing the cache dir makes a build cold.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { BuildResult } from '../core/model/build.ts';
import { installedVersion, PACKAGE_ROOT } from '../core/package-version.ts';

export const MODEL_CACHE_FILE = 'api-reference/model-cache.bin';

interface Stored {
  stamp: string;
  /** What the stamp covers, so the next build can stamp the same things. */
  files: string[];
  folders: string[];
  result: BuildResult;
}

export interface ModelKey {
  root: string;
  configFile?: string;
  site?: unknown;
}

interface Stamps {
  lines: string[];
  /** The newest modification time seen (ms), to tell an edit made during the build. */
  newest: number;
}

const isInside = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Stamps of `files` and of everything in `folders` (links followed only inside `allowed`, once each). */
function stampAll(files: string[], folders: string[], allowed: string[]): Stamps {
  const lines: string[] = [];
  let newest = 0;
  const note = (file: string, s: { size: number; mtimeMs: number }) => {
    lines.push(`${file}\0${s.size}\0${s.mtimeMs}`);
    newest = Math.max(newest, s.mtimeMs);
  };
  for (const file of files) {
    try {
      note(file, statSync(file));
    } catch {
      lines.push(`${file}\0missing`);
    }
  }
  const walked = new Set<string>();
  const walk = (folder: string) => {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(folder);
      names = readdirSync(folder).sort();
    } catch {
      lines.push(`${folder}\0unreadable`);
      return;
    }
    lines.push(`${folder}\0dir\0${real}`);
    if (walked.has(real) || !allowed.some((dir) => isInside(dir, real))) return;
    walked.add(real);
    for (const name of names) {
      const file = path.join(folder, name);
      try {
        const link = lstatSync(file);
        const s = link.isSymbolicLink() ? statSync(file) : link;
        if (s.isDirectory()) walk(file);
        else note(link.isSymbolicLink() ? `${file}\0->${realpathSync(file)}` : file, s);
      } catch {
        lines.push(`${file}\0missing`);
      }
    }
  };
  for (const folder of folders) walk(folder);
  return { lines, newest };
}

let codeStampMemo: string | undefined;

/** This package's model code (core and schemas, source or compiled), its dependencies' versions, Node's. */
function codeStamp(): string {
  if (codeStampMemo) return codeStampMemo;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const code = ['../core', '../schemas'].map((d) => path.resolve(here, d));
  const { lines } = stampAll([], code, code);
  let dependencies: string[] = [];
  try {
    const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
    dependencies = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).sort();
  } catch {
    // No manifest beside the code: the code's own stamps still count.
  }
  const versions = dependencies.map((name) => `${name}@${installedVersion(name)}`);
  return (codeStampMemo = [...lines, ...versions, `node@${process.version}`].join('\n'));
}

function digest(key: ModelKey, stamps: Stamps): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ root: path.resolve(key.root), configFile: key.configFile ?? '', site: key.site ?? null }));
  hash.update(codeStamp());
  for (const line of stamps.lines) hash.update(`${line}\n`);
  return hash.digest('hex');
}

/** What a model's stamp covers: the files it read, its configured folders, the content root's names. */
function coverage(result: BuildResult): { files: string[]; folders: string[]; allowed: string[] } {
  const { root, paths, boundaries } = result.config;
  const folders = [paths.data, paths.pages, ...paths.reference, ...paths.includes].map((f) => path.resolve(f));
  return {
    files: [...new Set(result.files.map((f) => path.resolve(f)))].sort(),
    folders: [...new Set(folders)].sort(),
    allowed: [path.resolve(root), ...boundaries.values()].map((d) => {
      try {
        return realpathSync(d);
      } catch {
        return path.resolve(d);
      }
    }),
  };
}

/** The root's own entries (names only): a config file that appears there changes the site. */
function rootNames(root: string): string[] {
  try {
    return readdirSync(root)
      .sort()
      .map((name) => `${root}\0name\0${name}`);
  } catch {
    return [`${root}\0unreadable`];
  }
}

/** Liquid that reads the clock: such a model is right only on the day and hour it was built. */
const CLOCK = /["'](?:now|today)["']/;

export interface ModelCache {
  /** The stored model, when nothing it was made from has changed. */
  cached?: BuildResult;
  /** Stores a model just built (not when it must not be reused; see the module comment). */
  save(result: BuildResult, options: { incompleteHighlighting: boolean }): void;
}

export function openModelCache(file: string, key: ModelKey): ModelCache {
  const root = path.resolve(key.root);
  // In fractional milliseconds, like file times (Date.now() rounds down: a file written in the same
  // millisecond would look newer than the build).
  const startedAt = performance.timeOrigin + performance.now();
  let cached: BuildResult | undefined;
  if (existsSync(file)) {
    try {
      const stored = v8.deserialize(readFileSync(file)) as Stored;
      const { allowed } = coverage(stored.result);
      const now = stampAll(stored.files, stored.folders, allowed);
      now.lines.push(...rootNames(root));
      if (stored.stamp === digest(key, now)) cached = stored.result;
    } catch {
      // Unreadable (another Node version's format, a torn file): build, and replace it.
    }
  }
  return {
    cached,
    save(result, { incompleteHighlighting }) {
      if (incompleteHighlighting) return;
      const { files, folders, allowed } = coverage(result);
      const stamps = stampAll(files, folders, allowed);
      stamps.lines.push(...rootNames(root));
      // Changed while the model was being built: the model may hold the old text; let the next build see it.
      if (stamps.newest > startedAt) return;
      if (files.some((f) => existsSync(f) && statSync(f).isFile() && CLOCK.test(readFileSync(f, 'utf8')))) return;
      const stored: Stored = { stamp: digest(key, stamps), files, folders, result };
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, v8.serialize(stored));
      renameSync(tmp, file);
    },
  };
}
