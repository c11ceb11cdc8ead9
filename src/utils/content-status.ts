/**
 * While previewing, the loader keeps the last good pages when a save breaks the content; the error must
 * still reach the browser. The loader records it here and middleware shows it on every page until the
 * next good sync clears it. The loader and the page renderer are loaded in different module graphs of
 * one process, so the state travels through a global symbol (as the link index does).
 */
import type { ContentError } from '../core/errors.ts';
import type { SiteConfig } from '../schemas/site-config.ts';

const KEY = Symbol.for('api-reference.content-errors');
export interface ContentStatus {
  /** The content root the errors' file paths are relative to. */
  root: string;
  errors: readonly ContentError[];
}
type Registry = { [KEY]?: ContentStatus };

export function setContentErrors(status: ContentStatus | undefined): void {
  (globalThis as Registry)[KEY] = status?.errors.length ? status : undefined;
}

export function currentContentErrors(): ContentStatus | undefined {
  return (globalThis as Registry)[KEY];
}

const CONFIG = Symbol.for('api-reference.site-config');
type ConfigRegistry = { [CONFIG]?: SiteConfig };

/** The site config of the last good sync, so titles follow a site-config edit without a restart. */
export function publishSiteConfig(config: SiteConfig): void {
  (globalThis as ConfigRegistry)[CONFIG] = config;
}

export function publishedSiteConfig(): SiteConfig | undefined {
  return (globalThis as ConfigRegistry)[CONFIG];
}
