/**
 * What a page's Liquid read, for the dev server's per-page dependency tracking (model/render-cache.ts).
 * Every variable look-up under `site` goes through JekyllContext._get with its path already evaluated
 * (`site.data[page.product-type].api` arrives as `site`, `data`, `parcel`, `api`), and every include file is
 * read through the include file system; both report here when the engine is recording.
 *
 * Read keys:
 * - `data` + up to two keys below `site.data` (`data:["parcel","limits"]`): data is tracked at the first two
 *   keys, so a page reading `site.data.parcel.limits.max-weight` depends on all of `parcel.limits`; a look-up
 *   that stops higher (`site.data.parcel`, a loop over `site.data`) depends on everything below it.
 * - `site:<name>`: another top-level `site` key, such as a collection (`site.endpoints`).
 * - `include:<absolute path>`: an include file read.
 * - `doc:<file>`: a document read on behalf of another page (a structure's summary on pages linking it).
 * - `*`: `site` itself (assigned or passed whole): anything may have been read.
 *
 * Aliases (`api: site.data[page.product-type].api`) are bound on every page before anything renders, and
 * most pages use few of them: an alias's reads count for a page only when the page looks the alias up.
 */
import type { Context } from 'liquidjs';

/** Keys below `site.data` that a data read is tracked at. */
export const DATA_DEPTH = 2;

const recording = new WeakMap<Context, Set<string>>();
/** Per context: alias name → what evaluating the alias read. */
const aliasReads = new WeakMap<Context, Map<string, Set<string>>>();

/** Records the reads of `ctx` into `reads` (from now on, for every render in that context). */
export function recordReads(ctx: Context, reads: Set<string> | undefined): void {
  if (reads) recording.set(ctx, reads);
}

/** The read key of a data path below `site.data` (at most DATA_DEPTH keys). */
export function dataRead(keys: ReadonlyArray<unknown>): string {
  return keys.length ? `data:${JSON.stringify(keys.slice(0, DATA_DEPTH).map(String))}` : 'data';
}

export function includeRead(file: string): string {
  return `include:${file}`;
}

export function documentRead(doc: { file: string }): string {
  return `doc:${doc.file}`;
}

/**
 * Evaluates alias `name` with `evaluate`, keeping what it read apart; the page's look-ups of `name` record
 * it from then on (undefined result: the name is unbound and records nothing).
 */
export function evaluateAlias<T>(ctx: Context, name: string, evaluate: () => T): T {
  const reads = recording.get(ctx);
  if (!reads) return evaluate();
  const own = new Set<string>();
  recording.set(ctx, own);
  try {
    return evaluate();
  } finally {
    recording.set(ctx, reads);
    let byName = aliasReads.get(ctx);
    if (!byName) aliasReads.set(ctx, (byName = new Map()));
    byName.set(name, own);
  }
}

/** Called for every variable look-up: records those that start at `site` or at an alias. */
export function noteLookup(ctx: Context, paths: ReadonlyArray<unknown>): void {
  const reads = recording.get(ctx);
  if (!reads) return;
  const alias = aliasReads.get(ctx)?.get(String(paths[0]));
  if (alias) for (const r of alias) reads.add(r);
  if (paths[0] !== 'site') return;
  if (paths.length === 1) reads.add('*');
  else if (paths[1] === 'data') reads.add(dataRead(paths.slice(2)));
  else reads.add(`site:${String(paths[1])}`);
}
