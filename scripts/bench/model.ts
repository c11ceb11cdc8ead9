/**
 * `npm run bench -- --model`: how long buildReference alone (files -> Liquid -> model) takes on the sample
 * site and, when present, the corpus: median of 5 in-process runs, Shiki loaded once beforehand. Also the
 * build's hand-off of that model to the pages (src/integration/handoff.ts): v8 serialise + write, and
 * read + deserialise, with the file's size.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReference, type BuildResult } from '../../src/core/model/build.ts';
import { createCodeHighlighter } from '../../src/core/highlight.ts';
import { readHandoff, writeHandoff } from '../../src/integration/handoff.ts';

const RUNS = 5;
const sites = [
  { name: 'sample (content/)', root: 'content' },
  { name: 'corpus (stitch-docs)', root: '../shared/corpus/stitch-docs', configFile: 'presets/stitch-docs.yml' },
].filter((s) => existsSync(s.root));

const highlight = await createCodeHighlighter();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiref-handoff-'));

console.log(`model build, median of ${RUNS} runs (Shiki loaded once beforehand); hand-off write / read`);
for (const site of sites) {
  const times: number[] = [];
  let pages = 0;
  let heap = 0;
  let result: BuildResult | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = buildReference({ root: site.root, configFile: site.configFile, highlight });
    times.push(performance.now() - t);
    pages = result.entries.length;
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }
  const writes: number[] = [];
  const reads: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const handoff = writeHandoff(tmp, result!);
    writes.push(performance.now() - t);
    size = statSync(handoff.file).size;
    t = performance.now();
    readHandoff(handoff);
    reads.push(performance.now() - t);
  }
  console.log(
    `  ${site.name.padEnd(22)} ${pages.toString().padStart(4)} pages  ${median(times).toFixed(0).padStart(6)} ms  ` +
      `(min ${Math.min(...times).toFixed(0)} ms)  heap ${(heap / 2 ** 20).toFixed(0)} MiB  ` +
      `hand-off ${(size / 2 ** 20).toFixed(1)} MiB: write ${median(writes).toFixed(0)} ms, read ${median(reads).toFixed(0)} ms`,
  );
}
rmSync(tmp, { recursive: true, force: true });
