/**
 * The package as another project gets it (`npm run test:pack`, run by CI after `npm test`): `npm pack`, the
 * tarball installed into a fresh project outside this repository, then the "done when":
 * `npx api-reference init site && npx api-reference build site`, `check`, and `preview` serving a working
 * site (pages, styles and the search index under the right base), and `dev` serving the installed package's
 * pages. Slow (an npm install), so not in `npm test`.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiref-pack-'));
const project = path.join(tmp, 'project');
// The installed tree is a whole node_modules (tens of thousands of files): minutes on a loaded machine.
afterAll(() => rmSync(tmp, { recursive: true, force: true }), 600_000);

// The test runner's NODE_ENV=test and VITEST* variables would put Astro and its Vite into test mode.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NODE_ENV|VITEST.*|VITE_.*)$/.test(k)));

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

beforeAll(() => {
  run('npm', ['pack', '--pack-destination', tmp, '--silent'], REPO);
  const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'))!;
  spawnSync('mkdir', [project]);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'docs-team', private: true, type: 'module' }, null, 2));
  // The package's peers (astro, @astrojs/mdx) are installed with it, as npm does by default.
  run('npm', ['install', path.join(tmp, tarball), '--no-audit', '--no-fund', '--prefer-offline'], project);
}, 600_000);

describe('npm pack, installed outside the repository', () => {
  it('ships compiled JavaScript for everything Node loads, and the sources Vite compiles', () => {
    const pkg = path.join(project, 'node_modules/api-reference');
    const files = readdirSync(pkg, { recursive: true, encoding: 'utf8' });
    for (const f of ['lib/cli/index.js', 'lib/integration/index.js', 'lib/core/index.js', 'lib/loader/index.js', 'src/routes/Page.astro']) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.startsWith('tests/') || f.startsWith('content/'))).toBe(false);
  });

  it('init writes a starter that passes check and builds', () => {
    const init = run('npx', ['api-reference', 'init', 'site'], project);
    expect(init.stdout).toContain('site.yml');
    const check = run('npx', ['api-reference', 'check', 'site'], project);
    expect(check.stdout).toMatch(/✓ site: 0 errors, 0 warnings, 3 reference pages/);
    const build = run('npx', ['api-reference', 'build', 'site'], project);
    expect(build.stdout).toMatch(/Built dist in/);
  }, 600_000);

  /** Runs `npx api-reference <args>` in the project until `check` passes; stops it afterwards. */
  async function serving(args: string[], check: (url: (p: string) => string, log: () => string) => Promise<void>): Promise<void> {
    const port = 4500 + Math.floor(Math.random() * 400);
    const child = spawn('npx', ['api-reference', ...args, '--port', String(port), '--host', 'localhost'], {
      cwd: project,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const url = (p: string) => `http://localhost:${port}${p}`;
    try {
      let home: Response | undefined;
      for (let i = 0; i < 240 && !home?.ok; i++) {
        home = await fetch(url('/')).catch(() => undefined);
        if (!home?.ok) await new Promise((r) => setTimeout(r, 250));
      }
      expect(home?.ok, log).toBe(true);
      await check(url, () => log);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  }

  it('preview serves the built site: pages, styles and search index', async () => {
    await serving(['preview', 'site'], async (url) => {
      const html = await (await fetch(url('/'))).text();
      expect(html).toContain('Widgets API Reference');
      const endpoint = await fetch(url('/reference/widgets/create-a-widget/'));
      expect(endpoint.status).toBe(200);
      const page = await endpoint.text();
      expect(page).toContain('Create a widget');
      // The MDX page, with its bare #anchor resolved to the endpoint page.
      const guide = await (await fetch(url('/guides/getting-started/'))).text();
      expect(guide).toContain('href="/reference/widgets/create-a-widget/#create-a-widget"');
      for (const [, href] of page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) expect((await fetch(url(href))).status).toBe(200);
      expect((await fetch(url('/pagefind/pagefind.js'))).status).toBe(200);
    });
  }, 120_000);

  it('dev serves the pages from the installed package (its routes and runtime compiled by Vite)', async () => {
    await serving(['dev', 'site'], async (url, log) => {
      const endpoint = await fetch(url('/reference/widgets/list-widgets/'));
      expect(endpoint.status, log()).toBe(200);
      expect(await endpoint.text()).toContain('List all widgets');
      const guide = await fetch(url('/guides/getting-started/'));
      expect(await guide.text()).toContain('Make your first request');
    });
  }, 180_000);
});
