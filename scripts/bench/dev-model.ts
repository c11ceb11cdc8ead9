/**
 * `npm run bench -- --dev-model`: the model part of a dev save, in process, on temp copies of the sample site
 * and (when present) the Stitch corpus. After one cold build, the median of 5 of:
 * - a full rebuild with parsed files kept (what a save cost before the render cache),
 * - an endpoint save and a data save with the render cache (core/model/render-cache.ts): only the pages
 *   whose inputs changed are rendered again.
 * CPU milliseconds of this process beside wall time (the machine is shared).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCodeHighlighter } from '../../src/core/highlight.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { RenderCache } from '../../src/core/model/render-cache.ts';
import { ParseCache } from '../../src/core/parse-cache.ts';

const RUNS = 5;
const sites = [
  {
    name: 'sample',
    root: 'content',
    endpoint: 'reference/parcels/create-a-parcel.md',
    data: { file: 'data/parcel/limits.yml', from: 'max-weight-grams: 30000' },
  },
  {
    name: 'corpus',
    root: '../shared/corpus/stitch-docs',
    configFile: path.resolve('presets/stitch-docs.yml'),
    endpoint: '_developer-files/connect/api/objects/connection-checks/retrieve-sources-last-connection-check-v4.md',
    data: { file: '_data/connect/request-headers.yml', from: "-H 'Authorization: Bearer [ACCESS_TOKEN]'" },
  },
].filter((s) => existsSync(s.root));

const highlight = await createCodeHighlighter();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(run: () => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
}

for (const site of sites) {
  const root = path.join(mkdtempSync(path.join(os.tmpdir(), 'apiref-dev-model-')), 'content');
  cpSync(site.root, root, { recursive: true });
  const { configFile } = site;
  const parseCache = new ParseCache();
  const renderCache = new RenderCache();
  const endpointFile = path.join(root, site.endpoint);
  const endpointText = readFileSync(endpointFile, 'utf8');
  const dataFile = path.join(root, site.data.file);
  const dataText = readFileSync(dataFile, 'utf8');
  buildReference({ root, configFile, highlight, parseCache });
  buildReference({ root, configFile, highlight, parseCache, renderCache });
  const rows: Record<string, { wall: number; cpu: number; pages?: number }[]> = { full: [], endpoint: [], data: [] };
  for (let i = 0; i < RUNS; i++) {
    rows.full.push(timed(() => buildReference({ root, configFile, highlight, parseCache })));
    writeFileSync(
      endpointFile,
      endpointText.replace(/^description: ("|\|\n)/m, (m) => `${m}${m.endsWith('\n') ? '  ' : ''}edit ${i} `),
    );
    rows.endpoint.push({
      ...timed(() => buildReference({ root, configFile, highlight, parseCache, renderCache, lazyHighlight: true })),
      pages: renderCache.stats.rendered,
    });
    writeFileSync(dataFile, dataText.replace(site.data.from, `${site.data.from} ${i}`));
    rows.data.push({
      ...timed(() => buildReference({ root, configFile, highlight, parseCache, renderCache, lazyHighlight: true })),
      pages: renderCache.stats.rendered,
    });
  }
  const show = (label: string, xs: { wall: number; cpu: number; pages?: number }[]) =>
    `${label} ${Math.round(median(xs.map((x) => x.wall)))} ms (CPU ${Math.round(median(xs.map((x) => x.cpu)))} ms${xs[0].pages !== undefined ? `, ${xs[0].pages} pages rendered` : ''})`;
  console.log(
    `dev model, ${site.name}: ${show('full rebuild', rows.full)}; ${show('endpoint save', rows.endpoint)}; ${show('data save', rows.data)}`,
  );
  rmSync(path.dirname(root), { recursive: true, force: true });
}
