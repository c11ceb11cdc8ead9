/**
 * The CLI's argument handling (src/cli/args.ts), what `preview` serves under (the base the build recorded),
 * `init` (a starter that passes check, refusing a non-empty folder), and how every command reports what
 * went wrong (src/cli/errors.ts: one message, exit 1, no stack trace; the command spawned as a user runs
 * it). Builds themselves run in tests/site (check.test.ts, build-script.test.ts, output-safety.test.ts)
 * and tests/pack.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { AstroError } from 'astro/errors';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseCli, UsageError } from '../../src/cli/args.ts';
import { readBuildRecord, writeBuildRecord } from '../../src/cli/build-record.ts';
import { reportError } from '../../src/cli/errors.ts';
import { main } from '../../src/cli/index.ts';
import { runInit } from '../../src/cli/init.ts';
import { previewBase } from '../../src/cli/serve.ts';
import { checkContent } from '../../src/core/check/check.ts';
import { fixture } from './_helpers.ts';

const cwd = '/work/project';

describe('api-reference arguments', () => {
  it('take the content root from the argument, else CONTENT_ROOT, else ./content; the overlay from --config, else SITE_CONFIG', () => {
    expect(parseCli(['build'], {}, cwd)).toMatchObject({
      command: 'build',
      root: '/work/project/content',
      rootGiven: false,
      out: '/work/project/dist',
    });
    expect(parseCli(['build'], { CONTENT_ROOT: 'docs', SITE_CONFIG: 'o.yml' }, cwd)).toMatchObject({
      root: '/work/project/docs',
      configFile: '/work/project/o.yml',
    });
    expect(parseCli(['check', 'site', '--config', 'x.yml', '--json', '--strict'], { CONTENT_ROOT: 'docs' }, cwd)).toMatchObject({
      root: '/work/project/site',
      rootGiven: true,
      configFile: '/work/project/x.yml',
      json: true,
      strict: true,
    });
    expect(parseCli(['preview', '--out', 'build', '--port', '4000', '--host', 'localhost'], {}, cwd)).toMatchObject({
      out: '/work/project/build',
      port: 4000,
      host: 'localhost',
    });
    expect(parseCli(['build', '--wait', '0'], { API_REFERENCE_TEST_PAUSE: 'swap', LOG_LEVEL: 'warn' }, cwd)).toMatchObject({
      waitSeconds: 0,
      pause: 'swap',
      logLevel: 'warn',
    });
  });

  it('refuse what they do not know, saying what is wrong', () => {
    const usage = (argv: string[], env = {}) => {
      try {
        parseCli(argv, env, cwd);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(usage(['deploy'])).toBe('unknown command "deploy"');
    expect(usage(['build', 'a', 'b'])).toBe('unexpected argument "b"');
    expect(usage(['preview', '--port', 'eighty'])).toBe('--port must be a port number, not "eighty"');
    expect(usage(['build', '--wait', 'soon'])).toBe('--wait takes a number of seconds, not "soon"');
    expect(usage(['build', '--frobnicate'])).toMatch(/Unknown option '--frobnicate'/);
    expect(usage(['build'], { LOG_LEVEL: 'loud' })).toBe('--log-level must be one of debug, info, warn, error, silent');
    expect(usage([])).toBe('');
  });
});

describe('preview', () => {
  it('serves a build under the base it recorded, whatever the content says now', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'apiref-preview-'));
    writeBuildRecord(out, { base: '/other', site: 'https://x.example' });
    expect(readBuildRecord(out)).toEqual({ generator: 'api-reference', base: '/other', site: 'https://x.example' });
    expect(previewBase(parseCli(['preview', fixture('mini-site'), '--out', out], {}, cwd), cwd)).toBe('/other');
  });

  it("falls back to the content's configured base for an output without a record", () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'apiref-preview-'));
    expect(readBuildRecord(out)).toBeUndefined();
    expect(previewBase(parseCli(['preview', fixture('mini-site'), '--out', out], {}, cwd), cwd)).toBe('/docs');
  });
});

describe('init', () => {
  it('writes a starter content root that check passes with no warnings', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'apiref-init-')), 'site');
    // Restored at once: test files share their worker's console (vitest.config.ts: isolate false).
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    runInit(parseCli(['init', dir], {}, cwd), cwd);
    log.mockRestore();
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'data', 'pages', 'reference', 'site.yml']);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).toEqual([
      'dist/',
      'dist.staging-*/',
      'dist.old-*/',
      'dist.lock*',
      'node_modules/',
      '.astro/',
      '',
    ]);
    const report = checkContent({ root: dir });
    expect(report).toMatchObject({ errors: 0, warnings: 0, pages: 3 });
  });

  it('needs a folder, and never writes into a non-empty one', () => {
    expect(() => runInit(parseCli(['init'], {}, cwd), cwd)).toThrow(/init needs the folder to create/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apiref-init-'));
    mkdirSync(path.join(dir, 'notes'));
    expect(() => runInit(parseCli(['init', dir], {}, cwd), cwd)).toThrow(/already exists and is not empty/);
    expect(existsSync(path.join(dir, 'site.yml'))).toBe(false);
  });

  it('a file, a non-empty folder or a path through a file: one message, exit 1 (2 is for wrong arguments)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apiref-init-'));
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'mine');
    mkdirSync(path.join(dir, 'full'));
    writeFileSync(path.join(dir, 'full', 'a.txt'), 'a');
    const printed: string[] = [];
    const err = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void printed.push(a.join(' ')));
    try {
      expect(await main(['init', file], {}, cwd)).toBe(1);
      expect(await main(['init', path.join(dir, 'full')], {}, cwd)).toBe(1);
      expect(await main(['init', path.join(file, 'sub')], {}, cwd)).toBe(1);
      expect(await main(['init'], {}, cwd)).toBe(2);
    } finally {
      err.mockRestore();
    }
    const shown = (p: string) => path.relative(cwd, p);
    expect(printed[0]).toBe(
      `api-reference: ${shown(file)} is a file, not a folder; init writes only into a new or empty folder\nHint: Name a folder that does not exist yet, e.g. \`api-reference init docs\`.`,
    );
    expect(printed[1]).toMatch(/already exists and is not empty; init writes only into a new or empty folder\nHint: /);
    expect(printed[2]).toMatch(/^api-reference: could not write the starter to .*sub: ENOTDIR/);
    expect(printed.join('\n')).not.toMatch(/\n\s+at /); // no stack
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});

const BIN = path.resolve(import.meta.dirname, '../../bin/api-reference.js');
// The test runner's NODE_ENV=test and VITEST* variables would put Astro and its Vite into test mode.
const cliEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(NODE_ENV|VITEST.*|VITE_.*|CONTENT_ROOT|SITE_CONFIG|LOG_LEVEL)$/.test(k)),
);

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `api-reference <args>` in `dir`, as a user runs it. A server (dev, preview) is stopped once it has
 * printed `until`; a command that fails ends by itself. Output is compared without colour codes: with CI
 * set (as on a CI machine), Astro colours its output even into a pipe.
 */
function cli(args: string[], dir: string, until?: RegExp): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: cliEnv, detached: true });
    let stdout = '';
    let stderr = '';
    const seen = () => {
      if (until && until.test(stripVTControlCharacters(stdout + stderr))) process.kill(-child.pid!, 'SIGTERM');
    };
    child.stdout.on('data', (d) => ((stdout += d), seen()));
    child.stderr.on('data', (d) => ((stderr += d), seen()));
    child.on('close', (status) => resolve({ status, stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr) }));
  });
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('errors from every command', () => {
  // Inside the repository, so that dev finds astro in its node_modules as an installed copy would.
  const tmpRoot = path.resolve(import.meta.dirname, '../.tmp');
  mkdirSync(tmpRoot, { recursive: true });
  const project = mkdtempSync(path.join(tmpRoot, 'cli-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  // An output folder that is not a build output: preview needs the content's base for it.
  mkdirSync(path.join(project, 'elsewhere'));
  writeFileSync(path.join(project, 'elsewhere/index.html'), '<p>not ours</p>');

  it('a missing content root reads the same from check, build, dev and preview, and exits 1', async () => {
    const runs = await Promise.all([
      cli(['check', 'nowhere'], project),
      cli(['build', 'nowhere'], project),
      cli(['dev', 'nowhere'], project),
      cli(['preview', 'nowhere', '--out', 'elsewhere'], project),
    ]);
    const expected =
      'api-reference: content root nowhere does not exist\n' +
      'Hint: Pass the content folder (the one holding site.yml or _config.yml) as the argument, or set CONTENT_ROOT.\n';
    for (const r of runs) {
      expect(r.stderr).toBe(expected);
      expect(r.status).toBe(1);
    }
    // Nothing was made in its place.
    expect(readdirSync(project).sort()).toEqual(['elsewhere']);
  });

  it('a broken site config is one message naming file, field and line, from every command', async () => {
    const root = path.join(project, 'broken');
    mkdirSync(root);
    writeFileSync(path.join(root, 'site.yml'), 'title: "Broken"\nliquid:\n  strict: maybe\n');
    const line = 'site.yml:3 (field "liquid.strict"): invalid site config: must be true or false, not a string';
    const runs = await Promise.all([
      cli(['check', 'broken'], project),
      cli(['build', 'broken', '--out', 'out'], project),
      cli(['dev', 'broken'], project),
      cli(['preview', 'broken', '--out', 'elsewhere'], project),
    ]);
    for (const r of runs) {
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain(line);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it('preview of an output folder that is not there says to build first', async () => {
    const r = await cli(['preview', '--out', 'gone'], project);
    expect(r).toMatchObject({ status: 1, stderr: 'api-reference: gone does not exist\nHint: Run `api-reference build` first.\n' });
  });

  it("an Astro user error is its message and hint, exit 1; anything else is left to Node's handler", () => {
    const printed: string[] = [];
    const print = (text: string) => printed.push(text);
    expect(reportError(new AstroError('Route clash: /x', 'Move one of them.'), print)).toBe(1);
    expect(printed).toEqual(['Route clash: /x\nHint: Move one of them.']);
    expect(reportError(new TypeError('a bug'), print)).toBeUndefined();
  });

  it('dev and preview start without Astro\'s "Missing pages directory" warning', async () => {
    const root = path.join(project, 'site');
    mkdirSync(root);
    runInitQuietly(root);
    const port = 4600 + Math.floor(Math.random() * 300);
    const dev = await cli(['dev', 'site', '--port', String(port), '--host', 'localhost'], project, /Local\s+http/);
    expect(dev.stdout, dev.stderr).toMatch(/Local\s+http/);
    const out = path.join(project, 'built');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), '<p>home</p>');
    writeBuildRecord(out, { base: '/' });
    const preview = await cli(['preview', '--out', 'built', '--port', String(port + 1), '--host', 'localhost'], project, /Local\s+http/);
    expect(preview.stdout, preview.stderr).toMatch(/Local\s+http/);
    for (const r of [dev, preview]) expect(r.stdout + r.stderr).not.toContain('Missing pages directory');
  }, 60_000);
});

function runInitQuietly(dir: string): void {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  runInit(parseCli(['init', dir], {}, cwd), cwd);
  log.mockRestore();
}
