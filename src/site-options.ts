/**
 * Which content the site is built from. The sample site in `content/` by default; any native or Jekyll
 * tree with CONTENT_ROOT, plus an optional config overlay with SITE_CONFIG (paths relative to the cwd).
 */
import path from 'node:path';

export interface SiteOptions {
  root: string;
  configFile?: string;
}

export function siteOptions(env: Record<string, string | undefined> = process.env): SiteOptions {
  const root = path.resolve(env.CONTENT_ROOT || 'content');
  const configFile = env.SITE_CONFIG ? path.resolve(env.SITE_CONFIG) : undefined;
  return { root, ...(configFile ? { configFile } : {}) };
}
