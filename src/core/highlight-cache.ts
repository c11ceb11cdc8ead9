/**
 * Highlighted HTML by language + code: memoised for the process (the same Errors body or snippet recurs
 * across pages and versions) and, with a file, kept between builds. The file holds one version string
 * (Shiki version, themes, languages, aliases) and is ignored when that differs. It is bounded: a save
 * writes only what this process used, least recently used first out beyond MAX_CHARS, so it never holds
 * more than about one site's worth of samples.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** About 256 MB of HTML: a 10,000-endpoint site uses ~150 MB. */
const MAX_CHARS = 256 * 2 ** 20;

/** A result the highlighter did not finish (see highlight.ts); never cached. */
export interface Incomplete {
  html: string;
  incomplete: true;
}

interface CacheFile {
  version: string;
  entries: Array<[key: string, html: string]>;
}

export function highlightCacheFile(root: string, configFile = '', dir = path.resolve('node_modules/.cache/api-reference')): string {
  const id = createHash('sha256')
    .update(`${path.resolve(root)}\0${configFile}`)
    .digest('hex')
    .slice(0, 16);
  return path.join(dir, `highlight-${id}.json`);
}

export class HighlightCache {
  /** Used by this process, oldest use first (a hit moves an entry to the end). */
  private readonly used = new Map<string, string>();
  /** Read from the file and not used yet. */
  private stored = new Map<string, string>();
  private chars = 0;
  private dirty = false;

  private readonly version: string;
  private readonly file: string | undefined;

  constructor(version: string, file?: string) {
    this.version = version;
    this.file = file;
    if (!file) return;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (parsed.version === version && Array.isArray(parsed.entries)) this.stored = new Map(parsed.entries);
    } catch {
      // No cache yet, or an unreadable one: start empty; the next save replaces it.
    }
  }

  /**
   * The HTML for `code`, made by `make` when not cached. `make` may return `{ html, incomplete: true }` for
   * a result that must not be kept (the highlighter gave up on a line): it is used once and never cached.
   */
  get(lang: string, code: string, make: () => string | Incomplete): string {
    const key = `${lang}\0${code}`;
    let html = this.used.get(key);
    if (html !== undefined) {
      this.used.delete(key);
      this.used.set(key, html);
      return html;
    }
    html = this.stored.get(key);
    if (html !== undefined) this.stored.delete(key);
    else {
      const made = make();
      if (typeof made !== 'string') return made.html;
      html = made;
      this.dirty = true;
    }
    this.used.set(key, html);
    this.chars += key.length + html.length;
    for (const [oldKey, oldHtml] of this.used) {
      if (this.chars <= MAX_CHARS) break;
      this.used.delete(oldKey);
      this.chars -= oldKey.length + oldHtml.length;
      this.dirty = true;
    }
    return html;
  }

  /** Writes what this process used (when anything new was made, or stored entries went unused). */
  save(): void {
    if (!this.file || (!this.dirty && this.stored.size === 0)) return;
    const data: CacheFile = { version: this.version, entries: [...this.used] };
    mkdirSync(path.dirname(this.file), { recursive: true });
    // Written aside and renamed, so a build reading it concurrently sees the old file or the new one.
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(data));
    renameSync(temp, this.file);
    this.stored.clear();
    this.dirty = false;
  }
}
