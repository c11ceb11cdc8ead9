/**
 * What a build records about itself in its output folder, so `preview` serves it under the base it was
 * built for (not under whatever the current content's config says).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RECORD_FILE = '.api-reference.json';

export interface BuildRecord {
  generator: 'api-reference';
  /** Astro's base, e.g. `/docs` or `/`. */
  base: string;
  site?: string;
}

export function writeBuildRecord(out: string, record: Omit<BuildRecord, 'generator'>): void {
  writeFileSync(path.join(out, RECORD_FILE), `${JSON.stringify({ generator: 'api-reference', ...record }, null, 2)}\n`);
}

export function readBuildRecord(out: string): BuildRecord | undefined {
  const file = path.join(out, RECORD_FILE);
  if (!existsSync(file)) return undefined;
  const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuildRecord>;
  return record.generator === 'api-reference' && typeof record.base === 'string' ? (record as BuildRecord) : undefined;
}
