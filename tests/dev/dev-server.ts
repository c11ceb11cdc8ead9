/** An `api-reference dev` server on a temporary copy of the sample content, for the live-preview tests. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface DevServer {
  root: string;
  url: (pagePath: string) => string;
  log: () => string;
  /** Replaces `from` (which must occur) in a content file and returns the time of the save. */
  edit: (file: string, from: string | RegExp, to: string) => number;
  read: (file: string) => string;
  write: (file: string, text: string) => number;
  stop: () => void;
}

export async function startDevServer(): Promise<DevServer> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiref-dev-'));
  const root = path.join(tmp, 'content');
  cpSync(path.join(REPO_ROOT, 'content'), root, { recursive: true });
  const port = 4600 + Math.floor(Math.random() * 400);
  // NODE_ENV from a test runner would put Vite inside Astro into another mode.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV'));
  const server: ChildProcess = spawn(process.execPath, ['bin/api-reference.js', 'dev', root, '--port', String(port)], {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  };
  const base = `http://localhost:${port}/docs/`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline || server.exitCode !== null) {
      stop();
      throw new Error(`astro dev did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // The watcher scans the content root in the background after start-up; a save before that scan ends
  // goes unnoticed. Save an unused data file until the loader reports it, then wait for that sync.
  for (let i = 0; ; i++) {
    const mark = log.length;
    writeFileSync(path.join(root, 'data', 'preview-warmup.yml'), `saves: ${i}\n`);
    const until = Date.now() + 2_000;
    while (Date.now() < until && !/content changed \(.*preview-warmup\.yml\)/.test(log.slice(mark)))
      await new Promise((r) => setTimeout(r, 50));
    const seen = log.slice(mark).search(/content changed \(.*preview-warmup\.yml\)/);
    if (seen >= 0) {
      while (!/reference pages from/.test(log.slice(mark + seen))) await new Promise((r) => setTimeout(r, 50));
      break;
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`astro dev never noticed a saved file:\n${log}`);
    }
  }
  const abs = (file: string) => path.join(root, file);
  const write = (file: string, text: string) => {
    writeFileSync(abs(file), text);
    return Date.now();
  };
  const read = (file: string) => readFileSync(abs(file), 'utf8');
  return {
    root,
    url: (p) => `${base}${p}`,
    log: () => log,
    read,
    write,
    edit: (file, from, to) => {
      const before = read(file);
      const after = before.replace(from, to);
      if (after === before) throw new Error(`${file} does not contain ${from}`);
      return write(file, after);
    },
    stop,
  };
}
