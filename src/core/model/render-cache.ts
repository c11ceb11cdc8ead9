/**
 * Pages rendered in an earlier build of the same long-running process (the dev server), kept with what
 * they were made from, so that a save renders again only the pages whose inputs changed.
 *
 * Each page (a "unit": one object, endpoint, structure, doc, form or function page) is kept with:
 * - its inputs: the documents it is built from, compared by parse (a document is unchanged when the parse
 *   cache handed back the same parse, whose `lineOf` it keeps as is) plus plain values (version, order…);
 * - its reads: what its Liquid looked up under `site` and which include files it read (liquid/reads.ts);
 * - its entry before the link pass, and the warnings and resolved aliases it produced (replayed on reuse).
 *
 * A page is reused when its inputs are the same and none of its reads changed: site data is compared by
 * value at the first two keys under `site.data` (reads.ts), a collection by its documents, an include by
 * its text. Everything else a page can depend on (the site config, the products, the lists of documents,
 * data files and includes) is the build's "frame": when any of it changes, nothing is reused (a config
 * edit, a new or deleted file). The link index, link rewriting and highlighting run over every page on every
 * build (they are cheap and cross-page), so the result equals a full build's.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { ContentWarning } from '../errors.ts';
import type { SourceDocument } from '../front-matter.ts';
import type { ReferenceEntry } from '../../schemas/reference.ts';
import type { RenderEnv } from './page-render.ts';

/** What one build is made of, beyond the pages' own documents. */
export interface BuildFrame {
  /** Config, products, file lists: anything whose change makes every page again. */
  signature: unknown;
  data: Record<string, unknown>;
  /** Liquid's `site.<collection>` documents by collection name. */
  collections: ReadonlyMap<string, readonly SourceDocument[]>;
  includes: readonly string[];
}

/** A page's inputs: documents (compared by parse) and plain values (compared by value). */
export type UnitInput = SourceDocument | string | number | boolean | undefined | readonly string[];

interface Unit {
  inputs: UnitInput[];
  reads: Set<string>;
  entry: ReferenceEntry | undefined;
  warnings: ContentWarning[];
  aliases: string[];
}

export interface RenderStats {
  /** Keys of the pages rendered by the last build. */
  renderedKeys: string[];
  rendered: number;
  reused: number;
  /** True when the frame changed and nothing could be reused. */
  full: boolean;
}

function isDocument(v: UnitInput): v is SourceDocument {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sameInput(a: UnitInput, b: UnitInput): boolean {
  if (isDocument(a) || isDocument(b)) return isDocument(a) && isDocument(b) && a.file === b.file && a.lineOf === b.lineOf;
  return isDeepStrictEqual(a, b);
}

function sameDocuments(a: readonly SourceDocument[] = [], b: readonly SourceDocument[] = []): boolean {
  return a.length === b.length && a.every((d, i) => sameInput(d, b[i]));
}

function dataAt(data: Record<string, unknown>, keys: readonly string[]): unknown {
  let value: unknown = data;
  for (const k of keys) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, k)) return undefined;
    value = (value as Record<string, unknown>)[k];
  }
  return value;
}

function readOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export class RenderCache {
  private units = new Map<string, Unit>();
  private previous?: { frame: BuildFrame; includeTexts: Map<string, string | undefined> };
  private current?: { frame: BuildFrame; includeTexts: Map<string, string | undefined> };
  /** Read key → changed since the previous build, worked out once per build. */
  private changed = new Map<string, boolean>();
  private visited = new Set<string>();
  stats: RenderStats = { renderedKeys: [], rendered: 0, reused: 0, full: true };

  /** Starts a build: compares its frame with the previous one, and forgets every page when it differs. */
  begin(frame: BuildFrame): void {
    const includeTexts = new Map(frame.includes.map((f) => [f, readOr(f)] as const));
    const previous = this.current;
    this.previous = previous;
    this.current = { frame, includeTexts };
    this.changed.clear();
    this.visited.clear();
    const full = !previous || !isDeepStrictEqual(previous.frame.signature, frame.signature);
    if (full) this.units.clear();
    this.stats = { renderedKeys: [], rendered: 0, reused: 0, full };
  }

  /** Ends a build: pages not made this time (removed, or failed) are forgotten. */
  end(): void {
    for (const key of this.units.keys()) if (!this.visited.has(key)) this.units.delete(key);
    this.previous = undefined;
  }

  /**
   * The page `key` made from `inputs`: reused when nothing it read changed, otherwise made by `make` while
   * its reads, warnings and resolved aliases are recorded. A page that throws is not kept.
   */
  unit(key: string, inputs: UnitInput[], env: RenderEnv, make: () => ReferenceEntry | undefined): ReferenceEntry | undefined {
    this.visited.add(key);
    const kept = this.units.get(key);
    if (
      kept &&
      kept.inputs.length === inputs.length &&
      kept.inputs.every((v, i) => sameInput(v, inputs[i])) &&
      !this.anyChanged(kept.reads)
    ) {
      this.stats.reused++;
      kept.warnings.forEach((w) => env.warnings.add(w));
      kept.aliases.forEach((a) => env.resolvedAliases?.add(a));
      return kept.entry;
    }
    this.units.delete(key);
    this.stats.rendered++;
    this.stats.renderedKeys.push(key);
    const unit: Unit = { inputs, reads: new Set(), entry: undefined, warnings: [], aliases: [] };
    const outer = { tap: env.warnings.tap, aliases: env.resolvedAliases, reads: env.engine.reads };
    const aliases = new Set<string>();
    env.warnings.tap = (w) => unit.warnings.push(w);
    env.resolvedAliases = aliases;
    env.engine.reads = unit.reads;
    try {
      unit.entry = make();
    } finally {
      env.warnings.tap = outer.tap;
      env.resolvedAliases = outer.aliases;
      env.engine.reads = outer.reads;
      unit.aliases = [...aliases];
      unit.aliases.forEach((a) => outer.aliases?.add(a));
    }
    this.units.set(key, unit);
    return unit.entry;
  }

  /** The kept pages whose recorded reads include `read` (for tests and diagnostics). */
  readers(read: string): string[] {
    return [...this.units].filter(([, u]) => u.reads.has(read)).map(([key]) => key);
  }

  /** Every read recorded by the kept pages. */
  allReads(): Set<string> {
    return new Set([...this.units.values()].flatMap((u) => [...u.reads]));
  }

  private anyChanged(reads: Set<string>): boolean {
    for (const read of reads) if (this.hasChanged(read)) return true;
    return false;
  }

  private hasChanged(read: string): boolean {
    let changed = this.changed.get(read);
    if (changed === undefined) {
      changed = this.compare(read);
      this.changed.set(read, changed);
    }
    return changed;
  }

  private compare(read: string): boolean {
    const before = this.previous;
    const now = this.current!;
    if (!before) return true;
    if (read === 'data') return !isDeepStrictEqual(before.frame.data, now.frame.data);
    if (read.startsWith('data:')) {
      const keys = JSON.parse(read.slice('data:'.length)) as string[];
      return !isDeepStrictEqual(dataAt(before.frame.data, keys), dataAt(now.frame.data, keys));
    }
    if (read.startsWith('include:')) {
      const file = read.slice('include:'.length);
      return !now.includeTexts.has(file) || before.includeTexts.get(file) !== now.includeTexts.get(file);
    }
    if (read.startsWith('doc:')) {
      const file = read.slice('doc:'.length);
      const find = (frame: BuildFrame) => [...frame.collections.values()].flat().find((d) => d.file === file);
      const a = find(before.frame);
      const b = find(now.frame);
      return !a || !b || !sameInput(a, b);
    }
    if (read.startsWith('site:')) {
      const name = read.slice('site:'.length);
      // Other `site` keys come from the config, which is part of the frame.
      if (!now.frame.collections.has(name)) return false;
      return !sameDocuments(before.frame.collections.get(name), now.frame.collections.get(name));
    }
    return true;
  }
}
