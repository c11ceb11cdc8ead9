/**
 * The build's model, handed from the process that built it natively (the CLI, or the integration at
 * `astro:build:start`, both to fail fast on bad content before Vite starts) to the runtime that renders
 * the pages, so it is not built twice. One file per Astro cache dir, tagged with a random id that the
 * runtime gets through its virtual config: a file left by another build is never taken for this one's.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { BuildResult } from '../core/model/build.ts';

export interface Handoff {
  file: string;
  id: string;
}

interface Payload {
  id: string;
  result: BuildResult;
}

export const HANDOFF_FILE = 'api-reference/model.bin';

/** Serialises `result` into `cacheDir`; returns where, and the id the reader must present. */
export function writeHandoff(cacheDir: string, result: BuildResult): Handoff {
  const file = path.join(cacheDir, HANDOFF_FILE);
  const id = randomUUID();
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, v8.serialize({ id, result } satisfies Payload));
  renameSync(tmp, file);
  return { file, id };
}

/** The handed-off model, or undefined when the file is gone or belongs to another build. */
export function readHandoff(handoff: Handoff): BuildResult | undefined {
  if (!existsSync(handoff.file)) return undefined;
  const payload = v8.deserialize(readFileSync(handoff.file)) as Payload;
  return payload.id === handoff.id ? payload.result : undefined;
}

export function removeHandoff(handoff: Handoff | undefined): void {
  if (handoff) rmSync(handoff.file, { force: true });
}
