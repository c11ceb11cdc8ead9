/**
 * Bounds on the work one content file or page may cause (site config `limits:`). Content comes from pull
 * requests, and CI builds it: a loop over a hundred million numbers, an alias bomb or a self-including
 * include must stop with a message naming the file and the limit, not run for minutes or exhaust memory.
 * The defaults are far above what real reference content needs (the Stitch docs use a small fraction).
 */
import { z } from 'zod';

const count = (min: number, fallback: number) => z.number().int().min(min).default(fallback);

// Strict: a misspelt limit would otherwise be ignored without a word.
export const LimitsSchema = z.strictObject({
  /** CPU-time budget for rendering one page (Liquid and Markdown) and for parsing one content file (core/time-budget.ts). */
  'page-seconds': z.number().positive().default(10),
  /** `for`/`tablerow` iterations while rendering one field (nested loops and flatify included). */
  'liquid-loop-iterations': count(1, 100_000),
  /** Characters and list items Liquid filters and ranges may allocate for one field (liquidjs `memoryLimit`). */
  'liquid-memory': count(1, 10_000_000),
  /** Length of one Liquid template, a front-matter string or an include, in characters (liquidjs `parseLimit`). */
  'liquid-template-size': count(1, 1_000_000),
  /** Includes inside includes (`{% include %}`, `{% render %}`, `{% layout %}`). */
  'include-depth': count(1, 50),
  /** The `yaml` library's `maxAliasCount`: how far aliases may expand. Never disabled (no -1). */
  'yaml-alias-count': count(0, 100),
  /** Nesting depth of a YAML or JSON document (mappings and lists inside each other). */
  'yaml-depth': count(1, 100),
  /**
   * Lines of one code sample that are highlighted; the rest of a longer sample is shown as plain text in the
   * same block (core/oversized.ts).
   */
  'highlight-lines': count(1, 1000),
  /** Characters of one code sample that are highlighted (whole lines); the rest is shown as plain text. */
  'highlight-characters': count(1, 100_000),
});

export type Limits = z.output<typeof LimitsSchema>;

export const DEFAULT_LIMITS: Limits = LimitsSchema.parse({});

/** `limits.page-seconds (10)`: how messages name a limit, so the writer knows what to raise. */
export function limitName<K extends keyof Limits>(key: K, limits: Pick<Limits, K> = DEFAULT_LIMITS): string {
  return `limits.${key}: ${limits[key]}`;
}
