/**
 * Site data: every .yml/.yaml/.json file under the data folder, nested by path, so
 * `data/connect/api.yml` is `site.data.connect.api` (Jekyll's `_data` rule).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ContentError, ContentErrors, type ContentWarning } from './errors.ts';
import { listFiles, readTextFile } from './files.ts';
import type { ParseCache } from './parse-cache.ts';
import { parseYaml } from './yaml.ts';

export interface SiteData {
  data: Record<string, unknown>;
  /** Absolute paths of every file read, sorted, for change detection. */
  files: string[];
  warnings: ContentWarning[];
}

const DATA_FILE = /\.(ya?ml|json)$/i;

export interface DataOptions {
  /** Parsed files kept between loads by a long-running process (see parse-cache.ts). */
  cache?: ParseCache;
  /**
   * An empty data file (or one of only comments) is an `error` (a native site: almost always a save gone
   * wrong), or a `warn`ing (a Jekyll tree, where it is nil, as Jekyll read it).
   */
  emptyFiles?: 'error' | 'warn';
}

/** Nothing but whitespace and YAML comments. */
const EMPTY_YAML = /^(?:\s*(?:#.*)?(?:\r?\n|$))*$/;

function parseDataFile(absolute: string, file: string, warnings: ContentWarning[], options: DataOptions): unknown {
  const { cache } = options;
  const text = readTextFile(absolute, file);
  if (EMPTY_YAML.test(text)) {
    const message = 'data file is empty';
    if (options.emptyFiles === 'warn') {
      warnings.push({ file, line: 1, message: `${message}; it reads as nil (as in Jekyll)` });
      return null;
    }
    throw new ContentError({ file, line: 1 }, message, 'Add the data (a YAML mapping or list), or delete the file.');
  }
  if (/\.json$/i.test(absolute)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ContentError({ file }, `malformed JSON: ${(error as Error).message}`);
    }
  }
  const key = `data:${absolute}`;
  const hit = cache?.get<{ data: unknown; warnings: ContentWarning[] }>(key, text);
  const parsed = hit?.value ?? parseYaml({ text, file });
  if (cache && !hit) cache.set(key, text, { data: parsed.data, warnings: parsed.warnings });
  warnings.push(...parsed.warnings);
  return parsed.data;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Reads every data file, even after one fails, and throws all their errors together. */
export function loadSiteData(dataDir: string, root: string, options: DataOptions = {}): SiteData {
  const { cache } = options;
  const errors: ContentError[] = [];
  const data: Record<string, unknown> = {};
  const warnings: ContentWarning[] = [];
  if (!existsSync(dataDir)) return { data, files: [], warnings };
  const files = listFiles(dataDir, DATA_FILE);
  for (const absolute of files) {
    const file = path.relative(root, absolute).split(path.sep).join('/');
    const parts = path.relative(dataDir, absolute).replace(DATA_FILE, '').split(path.sep);
    const leaf = parts.pop()!;
    let node = data;
    for (const part of parts) {
      if (!isPlainObject(node[part])) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    let value: unknown;
    try {
      value = parseDataFile(absolute, file, warnings, options);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      errors.push(error);
      continue;
    }
    // A folder and a file with the same name both feed one key; keep both where they are mappings.
    node[leaf] = isPlainObject(node[leaf]) && isPlainObject(value) ? { ...node[leaf], ...value } : value;
  }
  cache?.prune('data:', new Set(files.map((f) => `data:${f}`)));
  if (errors.length) throw new ContentErrors(errors);
  return { data, files, warnings };
}
