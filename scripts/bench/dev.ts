/**
 * Times the dev server (`api-reference dev`) on a content root: from spawning the server to the first endpoint page served (200
 * with its title), then from saving an edit to that endpoint's description to the page showing the edit. Keep
 * the content root outside the project (os.tmpdir()), so Vite's own watcher of the project stays quiet.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DevTimes {
  firstPageSeconds: number;
  saveToUpdateSeconds: number;
  /** Save of a site-data file to the new text on a page that reads it (when a data edit is given). */
  dataSaveSeconds?: number;
  /** CPU seconds (user + system) of the dev server's processes: to the first page, per save. */
  cpu: { firstPage: number; endpointSave: number; dataSave?: number };
  /** Largest RSS of any process of the dev server, sampled every 200 ms over the whole run. */
  peakRssMb: number;
}

/** A data-file edit: `from` replaced by `to` in `file`; done when `page` shows `expect`. */
export interface DataEdit {
  file: string;
  from: string;
  to: string;
  page: string;
  expect: string;
}

export interface DevOptions {
  /** Extra CLI arguments (e.g. `--config presets/stitch-docs.yml`). */
  args?: string[];
  data?: DataEdit;
}

/** User + system CPU seconds of the processes in group `pgid` (Linux /proc; 100 ticks a second). */
function groupCpu(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone meanwhile.
    }
  }
  return ticks / 100;
}

/** RSS in MB of the largest process in process group `pgid` (Linux /proc). */
function largestRss(pgid: number): number {
  let max = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state, ppid, pgrp, …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) max = Math.max(max, Number(rss[1]) / 1024);
    } catch {
      // Gone meanwhile.
    }
  }
  return max;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(url);
    return res.ok ? await res.text() : undefined;
  } catch {
    return undefined;
  }
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** `file` is an endpoint file under `root`, `page` its URL path (with base), `port` a free port. */
export async function timeDev(
  project: string,
  root: string,
  file: string,
  page: string,
  port: number,
  options: DevOptions = {},
): Promise<DevTimes> {
  const started = performance.now();
  // The CLI's dev server, or `astro dev` in checkouts from before the CLI.
  const cli = path.join(project, 'bin/api-reference.js');
  const args = existsSync(cli)
    ? [cli, 'dev', root, '--port', String(port), ...(options.args ?? [])]
    : [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--ignore-lock'];
  const child = spawn(process.execPath, args, {
    cwd: project,
    // Checkouts from before the CLI read the site config overlay from SITE_CONFIG instead of --config.
    env: { ...process.env, CONTENT_ROOT: root, ...configEnv(options.args) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  let peakRssMb = 0;
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, largestRss(child.pid!))), 200);
  const url = `http://localhost:${port}${page}`;
  const absolute = path.join(root, file);
  const original = readFileSync(absolute, 'utf8');
  try {
    await until(async () => (await fetchText(url))?.includes('<h1') ?? false, 120_000, `first page ${url}\n${log}`);
    const firstPageSeconds = (performance.now() - started) / 1000;
    const cpuFirst = groupCpu(child.pid!);
    // The watcher scans the content root in the background after start-up and misses saves until then:
    // touch the file (a blank line after its front matter) until the loader reports it, and let that sync end.
    const name = path.basename(file).replace(/[.]/g, '\\.');
    for (let i = 1; ; i++) {
      const mark = log.length;
      writeFileSync(absolute, original + '\n'.repeat(i));
      const seen = () => new RegExp(`content changed \\(.*${name}\\)[\\s\\S]*reference pages from`).test(log.slice(mark));
      try {
        await until(async () => seen(), 60_000, 'warm-up');
        break;
      } catch {
        if (i > 20) throw new Error(`the dev server never noticed a save\n${log.slice(-2000)}`);
      }
    }
    await sleep(300);
    const marker = `edited${Date.now()}`;
    const saved = performance.now();
    const cpuBefore = groupCpu(child.pid!);
    // The description is shown as written (the heading comes from the object's method list).
    const edited = /^description: \|\n/m.test(original)
      ? original.replace(/^description: \|\n/m, `description: |\n  ${marker}\n`)
      : original.replace(/^description: "/m, `description: "${marker} `);
    if (edited === original) throw new Error(`${file} has no description to edit`);
    writeFileSync(absolute, edited);
    await until(async () => (await fetchText(url))?.includes(marker) ?? false, 60_000, `the edit on ${url}\n${log.slice(-2000)}`);
    const saveToUpdateSeconds = (performance.now() - saved) / 1000;
    const cpuSave = groupCpu(child.pid!) - cpuBefore;
    let dataSaveSeconds: number | undefined;
    let cpuData: number | undefined;
    if (options.data) {
      const cpu = () => groupCpu(child.pid!);
      ({ seconds: dataSaveSeconds, cpu: cpuData } = await timeDataSave(root, port, options.data, () => log, cpu));
    }
    const cpuTimes = { firstPage: cpuFirst, endpointSave: cpuSave, dataSave: cpuData };
    return { firstPageSeconds, saveToUpdateSeconds, dataSaveSeconds, peakRssMb, cpu: cpuTimes };
  } catch (error) {
    writeFileSync(`${root}.dev.log`, log);
    throw new Error(`${(error as Error).message.split('\n')[0]} (server log: ${root}.dev.log)`, { cause: error });
  } finally {
    clearInterval(sampler);
    writeFileSync(absolute, original);
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

/** Opens the data edit's page, saves the edit, and times until the page shows the new text. */
async function timeDataSave(
  root: string,
  port: number,
  edit: DataEdit,
  log: () => string,
  cpu: () => number,
): Promise<{ seconds: number; cpu: number }> {
  const url = `http://localhost:${port}${edit.page}`;
  const absolute = path.join(root, edit.file);
  const original = readFileSync(absolute, 'utf8');
  if (!original.includes(edit.from)) throw new Error(`${edit.file} does not contain ${edit.from}`);
  await until(async () => (await fetchText(url))?.includes('<h1') ?? false, 60_000, `the page ${url}`);
  await sleep(300);
  const saved = performance.now();
  const cpuBefore = cpu();
  writeFileSync(absolute, original.replace(edit.from, edit.to));
  try {
    await until(
      async () => (await fetchText(url))?.includes(edit.expect) ?? false,
      60_000,
      `the data edit on ${url}\n${log().slice(-2000)}`,
    );
    return { seconds: (performance.now() - saved) / 1000, cpu: cpu() - cpuBefore };
  } finally {
    writeFileSync(absolute, original);
  }
}

function configEnv(args: string[] = []): Record<string, string> {
  const i = args.indexOf('--config');
  return i >= 0 && args[i + 1] ? { SITE_CONFIG: args[i + 1]! } : {};
}
