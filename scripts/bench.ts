/**
 * `npm run bench`: prints how long the reference model takes to build (files -> Liquid -> model, the part
 * this project owns) and how much memory it holds, for the sample site and, when present, the corpus.
 * With --full it also times complete `npm run build`-equivalent site builds.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildReference } from '../src/core/model/build.ts';
import { createCodeHighlighter } from '../src/core/highlight.ts';

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

if (process.argv.includes('--full')) {
  console.log('full site build (astro build + search index), one run each');
  for (const site of sites) {
    const out = path.resolve('tests/.tmp/bench-dist');
    const t = performance.now();
    const r = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], {
      env: { ...process.env, CONTENT_ROOT: site.root, ...(site.configFile ? { SITE_CONFIG: site.configFile } : {}) },
      encoding: 'utf8',
    });
    const status = r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`;
    console.log(`  ${site.name.padEnd(22)} ${((performance.now() - t) / 1000).toFixed(1)} s  ${status}`);
  }
}
