/**
 * `npm run bench -- --model`: how long buildReference alone (files -> Liquid -> model) takes on the sample
 * site and, when present, the corpus: median of 5 in-process runs, Shiki loaded once beforehand.
 */
import { existsSync } from 'node:fs';
import { buildReference } from '../../src/core/model/build.ts';
import { createCodeHighlighter } from '../../src/core/highlight.ts';

const RUNS = 5;
const sites = [
  { name: 'sample (content/)', root: 'content' },
  { name: 'corpus (stitch-docs)', root: '../shared/corpus/stitch-docs', configFile: 'presets/stitch-docs.yml' },
].filter((s) => existsSync(s.root));

const highlight = await createCodeHighlighter();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`model build, median of ${RUNS} runs (Shiki loaded once beforehand)`);
for (const site of sites) {
  const times: number[] = [];
  let pages = 0;
  let heap = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const result = buildReference({ root: site.root, configFile: site.configFile, highlight });
    times.push(performance.now() - t);
    pages = result.entries.length;
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }
  console.log(
    `  ${site.name.padEnd(22)} ${pages.toString().padStart(4)} pages  ${median(times).toFixed(0).padStart(6)} ms  ` +
      `(min ${Math.min(...times).toFixed(0)} ms)  heap ${(heap / 2 ** 20).toFixed(0)} MiB`,
  );
}
