/**
 * Typed access to the two collections: the rendered reference (one entry per page) and MDX prose pages.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { guidePath } from '../core/model/paths.ts';
import { siteOptions } from '../site-options.ts';
import { pickEndpoint } from './products.ts';
import { prosePagesDir } from './prose.ts';
import type { DocEntry, EndpointEntry, ObjectEntry, ReferenceEntry } from '../schemas/reference.ts';

export type ProseEntry = CollectionEntry<'pages'> & { path: string; order: number };

let reference: Promise<ReferenceEntry[]> | undefined;

export function referenceEntries(): Promise<ReferenceEntry[]> {
  // In dev the collection changes under us; only a static build may memoise it.
  if (import.meta.env.DEV) return load();
  reference ??= load();
  return reference;
}

async function load(): Promise<ReferenceEntry[]> {
  return (await getCollection('reference')).map((e) => e.data as ReferenceEntry);
}

const hasProsePages = prosePagesDir(siteOptions()) !== undefined;

export async function proseEntries(): Promise<ProseEntry[]> {
  if (!hasProsePages) return [];
  const pages = await getCollection('pages');
  return pages
    .map((p) => Object.assign(p, { path: guidePath(p.id), order: p.data.order ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.order - b.order || a.data.title.localeCompare(b.data.title));
}

export function latestObjects(entries: ReferenceEntry[]): ObjectEntry[] {
  return entries.filter((e): e is ObjectEntry => e.kind === 'object' && e.latest).sort((a, b) => a.order - b.order);
}

export function docs(entries: ReferenceEntry[]): DocEntry[] {
  return entries.filter((e): e is DocEntry => e.kind === 'doc').sort((a, b) => a.order - b.order);
}

/** The endpoint an MDX component refers to: the latest version unless one is asked for (utils/products.ts). */
export async function findEndpoint(key: string, version?: string, product?: string): Promise<EndpointEntry> {
  return pickEndpoint(await referenceEntries(), key, version, product);
}
