import { buildReference } from '../src/core/model/build.ts';
const t = Date.now();
try {
  const r = buildReference({ root: process.argv[2] ?? 'content', configFile: process.argv[3] });
  console.log('entries', r.entries.length, 'warnings', r.warnings.length, 'ms', Date.now() - t);
  for (const w of r.warnings.slice(0, 15)) console.log('W', w.file, w.field ?? '', w.message);
  const e = r.entries.find((e) => e.kind === 'endpoint' && e.requests.length);
  console.log(JSON.stringify(e, null, 1).slice(0, 3000));
} catch (e) { console.log(String((e as Error).message).slice(0, 5000)); }
