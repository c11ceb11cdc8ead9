/** The site config, for titles and descriptions in the layout. Read once per process. */
import { loadSiteConfig } from '../core/config.ts';
import type { SiteConfig } from '../schemas/site-config.ts';
import { siteOptions } from '../site-options.ts';

let cached: SiteConfig | undefined;

export function siteConfig(): SiteConfig {
  cached ??= loadSiteConfig(siteOptions().root, siteOptions().configFile).config;
  return cached;
}
