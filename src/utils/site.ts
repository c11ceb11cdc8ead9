/** The site config of the current model (in dev, the one the last good rebuild read), for titles and descriptions. */
import type { SiteConfig } from '../schemas/site-config.ts';
import { session } from '../runtime/reference.ts';

export async function siteConfig(): Promise<SiteConfig> {
  return (await session.model()).config.config;
}
