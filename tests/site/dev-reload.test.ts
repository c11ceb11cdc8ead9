/**
 * `npm run dev`: an edit to a site-data file (not to the endpoint file that reads it) must show up on
 * the endpoint page. The loader's digest covers rendered data, so it does; a glob()-style digest of the
 * endpoint file alone would leave the page stale.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/site.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiref-dev-'));
const root = path.join(tmp, 'content');
const port = 4400 + Math.floor(Math.random() * 400);
let server: ChildProcess | undefined;
let log = '';

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
});

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
}

async function waitFor(url: string, accept: (body: string) => boolean, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      last = await res.text();
      if (res.ok && accept(last)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${url}; last body started with: ${last.slice(0, 200)}\nserver log:\n${log}`);
}

describe('dev server', () => {
  it('re-renders an endpoint page when site data it reads changes', async () => {
    cpSync(path.join(REPO_ROOT, 'content'), root, { recursive: true });
    server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--ignore-lock'], {
      cwd: REPO_ROOT,
      // Vitest's own variables (NODE_ENV=test, VITEST*) would put Vite inside Astro into test mode.
      env: { ...cleanEnv(), CONTENT_ROOT: root },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    const url = `http://localhost:${port}/docs/reference/parcels/create-a-parcel/`;
    const weight = /A parcel may weigh up to (\d+) grams/;
    const before = await waitFor(url, (b) => weight.test(b), 90_000);
    expect(weight.exec(before)?.[1]).toBe('30000');

    const limits = path.join(root, 'data/parcel/limits.yml');
    writeFileSync(limits, readFileSync(limits, 'utf8').replace(/max-weight-grams: 30000/, 'max-weight-grams: 25000'));
    const after = await waitFor(url, (b) => weight.exec(b)?.[1] === '25000', 30_000);
    expect(weight.exec(after)?.[1]).toBe('25000');
  }, 150_000);
});
