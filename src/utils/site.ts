/**
 * The site config, for titles and descriptions in the layout: the one the reference loader last read (it
 * re-reads it on every change while previewing), else read once per process.
 */
import { loadSiteConfig } from '../core/config.ts';
import type { SiteConfig } from '../schemas/site-config.ts';
import { siteOptions } from '../site-options.ts';
import { publishedSiteConfig } from './content-status.ts';

let cached: SiteConfig | undefined;

export function siteConfig(): SiteConfig {
  const published = publishedSiteConfig();
  if (published) return published;
  cached ??= loadSiteConfig(siteOptions().root, siteOptions().configFile).config;
  return cached;
}
