/**
 * `npm run bench -- --dev`: `api-reference dev` on the sample site, the shared Stitch corpus (with its preset)
 * and a synthetic tree of 1,000 endpoints, each from a copy in the temp folder (edits never touch the
 * originals; the corpus is read from ../shared and copied outside the project). Per site: the first page,
 * save-to-update of an endpoint file, save-to-update of a data file read by many pages, and the dev
 * server's peak RSS; CPU seconds of the server beside each (steadier than wall time on a shared machine).
 * `--project <dir>` times another checkout (the "before" of a change).
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { timeDev, type DataEdit, type DevTimes } from './dev.ts';
import { generateContent } from './generate.ts';

const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const project = path.resolve(option('--project') ?? '.');
const chosen = (option('--dev-sites') ?? 'sample,corpus,1000').split(',');
const CORPUS = path.resolve('../shared/corpus/stitch-docs');
const fmt = (n: number | undefined) => (n === undefined ? '–' : `${n.toFixed(2)} s`);
const port = () => 4400 + Math.floor(Math.random() * 500);
const weight = String(10000 + Math.floor(Math.random() * 9000));

interface Site {
  name: string;
  /** Makes the content root in `dir`; false when the site is not available here. */
  make(dir: string): boolean;
  file: string;
  page: string;
  args?: string[];
  data?: DataEdit;
}

const sites: Site[] = [
  {
    name: 'sample',
    make: (dir) => (cpSync(path.resolve('content'), dir, { recursive: true }), true),
    file: 'reference/parcels/list-parcels.md',
    page: '/docs/reference/parcels/list-parcels/',
    // Read by the 7 pages that quote the platform limits.
    data: {
      file: 'data/parcel/limits.yml',
      from: 'max-weight-grams: 30000',
      to: `max-weight-grams: ${weight}`,
      page: '/docs/reference/parcels/create-a-parcel/',
      expect: `up to ${weight} grams`,
    },
  },
  {
    name: 'corpus',
    make: (dir) => existsSync(CORPUS) && (cpSync(CORPUS, dir, { recursive: true }), true),
    file: '_developer-files/connect/api/objects/connection-checks/retrieve-sources-last-connection-check-v4.md',
    page: '/docs/reference/connection-check/retrieve-sources-last-connection-check/',
    args: ['--config', path.resolve('presets/stitch-docs.yml')],
    // The request headers: read by the 33 pages that show a request sample.
    data: {
      file: '_data/connect/request-headers.yml',
      from: "-H 'Authorization: Bearer [ACCESS_TOKEN]'",
      to: `-H 'Authorization: Bearer [TOKEN${weight}]'`,
      page: '/docs/reference/connection-check/retrieve-sources-last-connection-check/',
      expect: `TOKEN${weight}`,
    },
  },
  {
    name: '1000',
    make: (dir) => (generateContent(dir, 1000), true),
    file: 'reference/widgets-00000/create-widgets-00000.md',
    page: '/docs/reference/widgets-00000/create-widgets-00000/',
  },
];

for (const site of sites.filter((s) => chosen.includes(s.name))) {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), `api-reference-bench-dev-${site.name}-`)), 'content');
  if (!site.make(dir)) {
    console.log(`dev, ${site.name}: skipped (${CORPUS} not found)`);
    continue;
  }
  try {
    const t: DevTimes = await timeDev(project, dir, site.file, site.page, port(), { args: site.args, data: site.data });
    console.log(
      `dev, ${site.name}: first page ${fmt(t.firstPageSeconds)} (CPU ${fmt(t.cpu.firstPage)}), ` +
        `endpoint save ${fmt(t.saveToUpdateSeconds)} (CPU ${fmt(t.cpu.endpointSave)}), ` +
        `data save ${fmt(t.dataSaveSeconds)} (CPU ${fmt(t.cpu.dataSave)}), peak RSS ${Math.round(t.peakRssMb)} MB`,
    );
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}
