/**
 * Typed access to the model the pages render from: the rendered reference (one entry per page) and the
 * prose pages, both owned by the reference session (src/runtime/reference.ts).
 */
import type { ProsePage } from '../core/model/build.ts';
import { session } from '../runtime/reference.ts';
import { pickEndpoint } from './products.ts';
import type { DocEntry, EndpointEntry, ObjectEntry, ReferenceEntry } from '../schemas/reference.ts';

export type ProseEntry = ProsePage;

export async function referenceEntries(): Promise<ReferenceEntry[]> {
  return (await session.model()).entries;
}

export async function proseEntries(): Promise<ProseEntry[]> {
  return (await session.model()).prose;
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
