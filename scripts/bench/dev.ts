/**
 * Times `astro dev` on a content root: from spawning the server to the first endpoint page served (200
 * with its title), then from saving an edit to that endpoint's file to the page showing the edit.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DevTimes {
  firstPageSeconds: number;
  saveToUpdateSeconds: number;
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
export async function timeDev(project: string, root: string, file: string, page: string, port: number): Promise<DevTimes> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
    cwd: project,
    env: { ...process.env, CONTENT_ROOT: root },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://localhost:${port}${page}`;
  const absolute = path.join(root, file);
  const original = readFileSync(absolute, 'utf8');
  try {
    await until(async () => (await fetchText(url))?.includes('<h1') ?? false, 120_000, `first page ${url}\n${log}`);
    const firstPageSeconds = (performance.now() - started) / 1000;
    await sleep(500);
    const marker = `edited${Date.now()}`;
    const saved = performance.now();
    writeFileSync(absolute, original.replace(/^title: "(.*)"$/m, `title: "$1 ${marker}"`));
    await until(async () => (await fetchText(url))?.includes(marker) ?? false, 60_000, `the edit on ${url}\n${log.slice(-2000)}`);
    return { firstPageSeconds, saveToUpdateSeconds: (performance.now() - saved) / 1000 };
  } finally {
    writeFileSync(absolute, original);
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
