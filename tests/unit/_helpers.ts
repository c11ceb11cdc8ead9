/**
 * Shared helpers for the unit tests: fixture paths, temp content roots made from a fixture plus changed
 * files, a Liquid engine like the one a build makes, and a way to collect a failed build's errors.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError, ContentErrors, WarningSink } from '../../src/core/errors.ts';
import { LiquidEngine, type LiquidEngineOptions } from '../../src/core/liquid/engine.ts';
import { createMarkdownRenderer } from '../../src/core/markdown/markdownify.ts';
import { buildReference, type BuildOptions, type BuildResult } from '../../src/core/model/build.ts';
import type { EndpointEntry, ObjectEntry, ReferenceEntry } from '../../src/schemas/reference.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** mini-site's two products kept at the top of the URL space; a test that replaces its site.yml appends this. */
export const MINI_PRODUCTS = 'products:\n  widgets: { path: "" }\n  gadgets: { path: "" }\n';

const made: string[] = [];

/**
 * A content root in a fresh temp dir: a copy of fixture `base` (if given), then `files` written on top
 * (paths relative to the root; `null` deletes).
 */
export function tempRoot(base: string | undefined, files: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'apiref-unit-'));
  made.push(dir);
  if (base) cpSync(fixture(base), dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    if (text === null) {
      rmSync(abs, { recursive: true, force: true });
    } else {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
  return dir;
}

export function removeTempRoots(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs a build that must fail and returns its content errors (fails the test if it succeeds). */
export function buildErrors(options: BuildOptions): ContentError[] {
  let result: BuildResult | undefined;
  try {
    result = buildReference(options);
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors;
    throw error;
  }
  throw new Error(`expected the build to fail, but it returned ${result.entries.length} entries`);
}

/** The one message of a build that fails with exactly one content error. */
export function buildError(options: BuildOptions): ContentError {
  const errors = buildErrors(options);
  if (errors.length !== 1) throw new Error(`expected 1 content error, got ${errors.length}:\n${errors.map((e) => e.message).join('\n')}`);
  return errors[0];
}

export function entryAt<K extends ReferenceEntry['kind']>(
  result: BuildResult,
  pagePath: string,
  kind?: K,
): Extract<ReferenceEntry, { kind: K }> {
  const entry = result.entries.find((e) => e.path === pagePath);
  if (!entry) throw new Error(`no entry at ${pagePath}; have ${result.entries.map((e) => e.path).join(', ')}`);
  if (kind && entry.kind !== kind) throw new Error(`${pagePath} is a ${entry.kind}, not a ${kind}`);
  return entry as Extract<ReferenceEntry, { kind: K }>;
}

export const endpointAt = (r: BuildResult, p: string): EndpointEntry => entryAt(r, p, 'endpoint');
export const objectAt = (r: BuildResult, p: string): ObjectEntry => entryAt(r, p, 'object');

/** A Liquid engine configured as a build configures it (strict by default). */
export function makeEngine(options: Partial<LiquidEngineOptions> = {}): { engine: LiquidEngine; warnings: WarningSink } {
  const warnings = options.warnings ?? new WarningSink();
  const engine = new LiquidEngine({
    strict: true,
    maxFlatifyDepth: 20,
    includes: [fixture('mini-site', 'includes')],
    site: { url: 'https://mini.example', baseurl: '/docs' },
    markdown: createMarkdownRenderer(),
    ...options,
    warnings,
  });
  return { engine, warnings };
}
