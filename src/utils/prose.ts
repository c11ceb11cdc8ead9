/**
 * Where prose (MDX) pages live for the configured content root, if anywhere. The glob loader needs the
 * folder before the reference build runs, so this reads only the site config.
 */
import { existsSync } from 'node:fs';
import { loadSiteConfig } from '../core/config.ts';
import type { SiteOptions } from '../site-options.ts';

export function prosePagesDir(options: SiteOptions): string | undefined {
  try {
    const dir = loadSiteConfig(options.root, options.configFile).paths.pages;
    return existsSync(dir) ? dir : undefined;
  } catch {
    // The reference loader reports config errors with full context.
    return undefined;
  }
}
