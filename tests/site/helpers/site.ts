/**
 * Where the built sites and the shared corpus live, and how to list a built site's pages.
 * Paths are resolved from this file, so the tests work from any cwd.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const SHARED = path.resolve(REPO_ROOT, '../shared');
export const CORPUS = path.join(SHARED, 'corpus');
export const CORPUS_EXPECTED = path.join(CORPUS, 'expected', 'stitch-connect.json');
export const CORPUS_DIST = path.join(REPO_ROOT, 'tests/.tmp/corpus-dist');
export const SAMPLE_DIST = path.join(REPO_ROOT, 'dist');
/** Both sites are built with `base: /docs` (Jekyll's `baseurl`). */
export const BASE = '/docs';

export const hasCorpus = existsSync(CORPUS);

/** Every `.html` file under `dir`, as paths relative to it with `/` separators, sorted. */
export function listHtmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** `reference/sources/create-a-source/index.html` -> `reference/sources/create-a-source/` */
export function pagePathOf(file: string): string {
  return file.replace(/(^|\/)index\.html$/, '$1');
}
