/**
 * The command-line side of bad input. For every case in tests/fixtures/bad, `npm run build` prints the
 * case's exact line, exits 1 and leaves an earlier output folder exactly as it was (the checker's exact
 * line per case is asserted in-process by tests/unit/check.test.ts; here `npm run check` runs on a few).
 * Plus `npm run check` on the sample site (passes) and on the corpus (no errors: the build accepts it; its
 * warnings are the build's), and `--json`. The bad-input builds run in one process, and so do the warning
 * cases' builds and checks (helpers/cli-batch.ts: the CLI's entry point once per run, with its own
 * environment and captured output); the checks on real content are processes of their own.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_CASES, caseRoot, HUGE_CASE, linesOf, type BadCase } from '../fixtures/bad/cases.ts';
import { WARN_CASES, warnCaseRoot } from '../fixtures/warn/cases.ts';
import { BUILD_MARKER } from '../../src/core/output/guard.ts';
import { runBatch } from './helpers/cli-batch.ts';
import { CORPUS, hasCorpus, REPO_ROOT } from './helpers/site.ts';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `api-reference <command> …` (what `npm run build` and `npm run check` run). */
function run(command: 'build' | 'check', args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/api-reference.js', command, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiref-cli-'));
const made: string[] = [tmp];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface CaseResult {
  build: Run;
  out: string;
}
const results = new Map<string, CaseResult>();
const cases: BadCase[] = [...BAD_CASES, HUGE_CASE];

beforeAll(async () => {
  const jobs = cases.map((c) => {
    const root = caseRoot(c);
    made.push(root);
    const out = path.join(tmp, c.name, 'dist');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, BUILD_MARKER), '');
    writeFileSync(path.join(out, 'index.html'), `earlier build of ${c.name}`);
    results.set(c.name, { out } as CaseResult);
    return { args: ['build', root, '--out', out] };
  });
  const builds = await runBatch(jobs);
  cases.forEach((c, i) => (results.get(c.name)!.build = builds[i]));
}, 240_000);

describe.each(cases.map((c) => [c.name, c] as const))('bad input: %s', (name, c) => {
  it('npm run build prints the exact line, exits 1 and leaves the earlier output untouched', () => {
    const { build, out } = results.get(name)!;
    expect(build.status, build.stderr).toBe(1);
    for (const line of linesOf(c.build)) expect(build.stderr.split('\n')).toContain(line);
    expect(build.stderr).toContain('was left untouched');
    expect(readdirSync(out).sort()).toEqual([BUILD_MARKER, 'index.html']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(`earlier build of ${name}`);
    // No staging folder, old output or lock left beside it.
    expect(readdirSync(path.dirname(out))).toEqual(['dist']);
  });
});

describe('npm run check on real content', () => {
  it('passes the sample site with a summary line and exit 0', async () => {
    const r = await run('check', []);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^✓ content: 0 errors, 0 warnings, \d+ reference pages \(\d+ ms\)$/m);
  });

  it.each([BAD_CASES[0], HUGE_CASE])('prints the exact line of $name and exits 1', async (c) => {
    const root = caseRoot(c);
    made.push(root);
    const r = await run('check', [root]);
    expect(r.status, r.stderr).toBe(1);
    for (const line of linesOf(c.check)) expect(r.stderr.split('\n')).toContain(line);
    expect(r.stdout).toMatch(/^✗ .*: 1 error, \d+ warnings? \(\d+ ms\)$/m);
  });

  it('--json gives tools the problems with file, line and field', async () => {
    const root = caseRoot(BAD_CASES.find((c) => c.name === 'unknown-variable')!);
    made.push(root);
    const r = await run('check', ['--json'], { CONTENT_ROOT: root });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: false, errors: 1, pages: 0 });
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: 'reference/widgets/list-widgets.md',
        line: 8,
        field: 'description',
        message: 'undefined variable "widgit"',
      }),
    );
  });

  it('names a content root that does not exist and exits 1', async () => {
    const r = await run('check', [path.join(tmp, 'nowhere')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content root \S*nowhere does not exist/);
  });

  it.skipIf(!hasCorpus)(
    'finds no errors in the corpus, whose build succeeds (needs ../shared)',
    async () => {
      const r = await run('check', [path.join(CORPUS, 'stitch-docs'), '--json', '--config', 'presets/stitch-docs.yml']);
      const report = JSON.parse(r.stdout);
      console.log(`check on the corpus: ${report.errors} errors, ${report.warnings} warnings, ${report.pages} pages`);
      expect(r.status).toBe(0);
      expect(report.errors).toBe(0);
      expect(report.pages).toBeGreaterThan(100);
    },
    60_000,
  );
});

/**
 * The warning cases: the build succeeds and prints each warning (`warning: file:line (field "x"): message`);
 * `npm run check` prints the same lines and passes, or fails under --strict.
 */
describe('warning cases: build and check report what used to pass in silence', () => {
  const runs = new Map<string, { build: Run; check: Run; strict: Run }>();
  beforeAll(async () => {
    const cases = WARN_CASES.map((c) => {
      const { root, configFile } = warnCaseRoot(c);
      made.push(root);
      const out = path.join(tmp, `warn-${c.name}`, 'dist');
      return { c, out, env: { CONTENT_ROOT: root, ...(configFile ? { SITE_CONFIG: configFile } : {}) } };
    });
    // Build, check and check --strict of each case, in order, one case after another (Astro builds of one
    // project share its .astro/ folder).
    const results = await runBatch(
      cases.flatMap(({ out, env }) => [
        { args: ['build', '--out', out], env },
        { args: ['check'], env },
        { args: ['check', '--strict'], env },
      ]),
    );
    cases.forEach(({ c }, i) => runs.set(c.name, { build: results[3 * i], check: results[3 * i + 1], strict: results[3 * i + 2] }));
  }, 300_000);

  it.each(WARN_CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const { build, check, strict } = runs.get(name)!;
    expect(build.status, build.stderr).toBe(0);
    const logged = `${build.stdout}\n${build.stderr}`.split('\n');
    for (const line of c.check) expect(logged, line).toContain(line);
    expect(check.status, check.stderr).toBe(0);
    for (const line of c.check) expect(check.stderr.split('\n')).toContain(line);
    expect(strict.status).toBe(1);
    for (const line of c.strict ?? []) expect(strict.stderr.split('\n')).toContain(line);
  });
});
