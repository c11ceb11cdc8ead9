/**
 * Site data: every .yml/.yaml/.json file under the data folder, nested by path, so
 * `data/connect/api.yml` is `site.data.connect.api` (Jekyll's `_data` rule).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { assertConfined, boundaryFor } from './confine.ts';
import { ContentError, ContentErrors, type ContentWarning } from './errors.ts';
import { listFiles, readTextFile } from './files.ts';
import type { ParseCache } from './parse-cache.ts';
import { parseYaml } from './yaml.ts';
import { DEFAULT_LIMITS, limitName, type Limits } from '../schemas/limits.ts';

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
  /** The loaded config's folder boundaries (confine.ts). */
  boundaries?: ReadonlyMap<string, string>;
  /** The site config's limits. */
  limits?: Limits;
}

/** Nothing but whitespace and YAML comments. */
const EMPTY_YAML = /^(?:\s*(?:#.*)?(?:\r?\n|$))*$/;

/** Nesting depth of a parsed JSON value, counted without recursion (the value may be very deep). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function parseJson(text: string, file: string, limits: Limits): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ContentError({ file }, `malformed JSON: ${(error as Error).message}`);
  }
  if (depthOf(value) > limits['yaml-depth']) {
    throw new ContentError(
      { file },
      `JSON nested more than ${limits['yaml-depth']} levels deep (${limitName('yaml-depth', limits)})`,
      'Flatten the structure; if the nesting is real, raise the limit under `limits:` in the site config.',
    );
  }
  return value;
}

function parseDataFile(absolute: string, file: string, warnings: ContentWarning[], options: DataOptions, limits: Limits): unknown {
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
  if (/\.json$/i.test(absolute)) return parseJson(text, file, limits);
  const key = `data:${absolute}`;
  const hit = cache?.get<{ data: unknown; warnings: ContentWarning[] }>(key, text);
  const parsed = hit?.value ?? parseYaml({ text, file, limits });
  if (cache && !hit) cache.set(key, text, { data: parsed.data, warnings: parsed.warnings });
  warnings.push(...parsed.warnings);
  return parsed.data;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Reads every data file, even after one fails, and throws all their errors together. */
export function loadSiteData(dataDir: string, root: string, options: DataOptions = {}): SiteData {
  const { cache, boundaries, limits = DEFAULT_LIMITS } = options;
  const errors: ContentError[] = [];
  const data: Record<string, unknown> = {};
  const warnings: ContentWarning[] = [];
  if (!existsSync(dataDir)) return { data, files: [], warnings };
  const boundary = boundaryFor(dataDir, root, boundaries);
  let files: string[] = [];
  try {
    files = listFiles(dataDir, DATA_FILE, { boundary, root });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    errors.push(error);
  }
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
      assertConfined(absolute, file, boundary);
      value = parseDataFile(absolute, file, warnings, options, limits);
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
