/**
 * Where prose (MDX) pages live for the configured content root. The glob loader needs the folder before
 * the reference build runs, so this reads only the site config.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSiteConfig } from '../core/config.ts';
import type { SiteOptions } from '../site-options.ts';

let empty: string | undefined;

export function prosePagesDir(options: SiteOptions): string {
  let dir: string;
  try {
    dir = loadSiteConfig(options.root, options.configFile).paths.pages;
  } catch {
    // The reference loader reports config errors with full context; here an empty folder will do.
    dir = '';
  }
  if (dir && existsSync(dir)) return dir;
  // A site without prose pages: point the glob loader at an empty folder instead of a missing one.
  empty ??= mkdtempSync(path.join(os.tmpdir(), 'no-prose-pages-'));
  return empty;
}
