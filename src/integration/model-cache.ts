/**
 * A build's model kept for the next build of the same content: when nothing the model is made from has
 * changed (every file under the content root, the config and preset files and include folders outside it,
 * this package's model code and the versions of the libraries that shape its output), the next build takes
 * the stored model instead of parsing, rendering and highlighting everything again. Files are compared by
 * path, size and modification time, as make and Jekyll's incremental mode do. One file per Astro cache
 * dir (a content root and output folder), replaced atomically; clearing the cache dir makes a build cold.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { packageVersion } from '../core/grammar-regexes.ts';
import type { BuildResult } from '../core/model/build.ts';

export const MODEL_CACHE_FILE = 'api-reference/model-cache.bin';

/** Libraries whose version changes what the model holds. */
const LIBRARIES = ['shiki', 'liquidjs', 'markdown-it', 'yaml', 'js-yaml', 'htmlparser2', 'zod'];

interface Stored {
  stamp: string;
  /** Files the model read outside the content root (config, preset, its includes), for the next stamp. */
  outside: string[];
  /** Include folders outside the content root: a file added there can change a page. */
  outsideDirs: string[];
  result: BuildResult;
}

export interface ModelKey {
  root: string;
  configFile?: string;
  site?: unknown;
}

function stamp(file: string): string {
  try {
    const s = statSync(file);
    return `${file}\0${s.size}\0${s.mtimeMs}`;
  } catch {
    return `${file}\0missing`;
  }
}

/** Every file under `dir` (dot-folders and node_modules left out), following links once, as sorted stamps. */
function treeStamps(dir: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (folder: string) => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const file = path.join(folder, name);
      let s;
      try {
        s = statSync(file);
      } catch {
        out.push(`${file}\0missing`);
        continue;
      }
      if (s.isDirectory()) walk(file);
      else out.push(`${file}\0${s.size}\0${s.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

let codeStampMemo: string | undefined;

/** This package's model code (src/ or lib/: core and schemas) and the libraries' versions. */
function codeStamp(): string {
  if (codeStampMemo) return codeStampMemo;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const code = ['../core', '../schemas'].flatMap((d) => treeStamps(path.resolve(here, d)));
  const versions = LIBRARIES.map((name) => `${name}@${packageVersion(name)}`);
  return (codeStampMemo = [...code, ...versions].join('\n'));
}

function digest(key: ModelKey, content: string[], outside: string[], outsideDirs: string[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ root: path.resolve(key.root), configFile: key.configFile ?? '', site: key.site ?? null }));
  hash.update(codeStamp());
  for (const line of content) hash.update(`${line}\n`);
  hash.update('\0outside\0');
  for (const file of outside) hash.update(`${stamp(file)}\n`);
  for (const dir of outsideDirs) for (const line of treeStamps(dir)) hash.update(`${line}\n`);
  return hash.digest('hex');
}

const isInside = (root: string, file: string) => !path.relative(root, file).startsWith('..') && !path.isAbsolute(path.relative(root, file));

/**
 * Looks the model up (`cached`, when nothing changed) and returns `save`, which stores a model just built
 * (content stamped before the build began, so an edit made during the build is seen by the next one).
 */
export function openModelCache(file: string, key: ModelKey): { cached?: BuildResult; save(result: BuildResult): void } {
  const root = path.resolve(key.root);
  const content = treeStamps(root);
  let cached: BuildResult | undefined;
  if (existsSync(file)) {
    try {
      const stored = v8.deserialize(readFileSync(file)) as Stored;
      if (stored.stamp === digest(key, content, stored.outside, stored.outsideDirs)) cached = stored.result;
    } catch {
      // Unreadable (another Node version's format, a torn file): build, and replace it.
    }
  }
  return {
    cached,
    save(result) {
      const outside = [...new Set(result.files.map((f) => path.resolve(f)).filter((f) => !isInside(root, f)))].sort();
      const outsideDirs = result.config.paths.includes.map((d) => path.resolve(d)).filter((d) => !isInside(root, d));
      const stored: Stored = { stamp: digest(key, content, outside, outsideDirs), outside, outsideDirs, result };
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, v8.serialize(stored));
      renameSync(tmp, file);
    },
  };
}
