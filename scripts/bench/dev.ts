/**
 * Times the dev server (`api-reference dev`) on a content root: from spawning the server to the first endpoint page served (200
 * with its title), then from saving an edit to that endpoint's description to the page showing the edit. Keep
 * the content root outside the project (os.tmpdir()), so Vite's own watcher of the project stays quiet.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  // The CLI's dev server, or `astro dev` in checkouts from before the CLI.
  const cli = path.join(project, 'bin/api-reference.js');
  const args = existsSync(cli)
    ? [cli, 'dev', root, '--port', String(port)]
    : [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--ignore-lock'];
  const child = spawn(process.execPath, args, {
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
    // The description is shown as written (the heading comes from the object's method list).
    writeFileSync(absolute, original.replace(/^description: \|\n/m, `description: |\n  ${marker}\n`));
    await until(async () => (await fetchText(url))?.includes(marker) ?? false, 60_000, `the edit on ${url}\n${log.slice(-2000)}`);
    return { firstPageSeconds, saveToUpdateSeconds: (performance.now() - saved) / 1000 };
  } catch (error) {
    writeFileSync(`${root}.dev.log`, log);
    throw new Error(`${(error as Error).message.split('\n')[0]} (server log: ${root}.dev.log)`, { cause: error });
  } finally {
    writeFileSync(absolute, original);
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
