/**
 * The hostile-input suite: every case folder in tests/fixtures/hostile (format in its README.md) is run
 * through `npm run build` (and `npm run check`) as CI would run them on a pull request, and must fail
 * with its exact message, run no code (canary file), leak no file (canary secret), leave every file it
 * could reach byte-identical, and finish within its time budget. Every case's check and build run in one
 * process, in order (helpers/cli-batch.ts: each is the CLI's entry point with the case's environment and
 * its own captured output; a build that succeeds then takes about 1.5 s instead of 5, most of a build
 * process being Node and Astro starting), each timed in CPU time, as the build's own page budget is, so a
 * busy machine fails nothing. Each case prints its times.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER } from '../../src/core/output/guard.ts';
import { acquireLock, type HeldLock } from '../../src/core/output/lock.ts';
import { hashTree, run, type RunResult } from './helpers/build-run.ts';
import { runBatch, type CliJob } from './helpers/cli-batch.ts';
import { REPO_ROOT } from './helpers/site.ts';

const CASES = path.join(REPO_ROOT, 'tests/fixtures/hostile');

interface HostileCase {
  description: string;
  /**
   * The exact line `npm run check` prints (a failed build prints the same words after `  - `); `null`
   * when the input must build. For a case about the build's output (`args`, `lockHeld`), the line the
   * build prints.
   */
  error: string | null;
  /** Every error line, when there is more than one. */
  errors?: string[];
  /** For input that builds: the warning line `npm run check` prints (the build prints it without `warning: `). */
  warning?: string;
  canarySecret?: string;
  canaryFile?: string;
  symlinks?: Record<string, string>;
  /** Files written beside the content root (outside it) before the run. */
  outsideFiles?: Record<string, string>;
  maxSeconds: number;
  args?: string[];
  status?: number;
  lockHeld?: boolean;
}

const cases = readdirSync(CASES)
  .filter((name) => existsSync(path.join(CASES, name, 'case.json')))
  .sort()
  .map((name) => [name, JSON.parse(readFileSync(path.join(CASES, name, 'case.json'), 'utf8')) as HostileCase] as const);

const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'apiref-hostile-')));
const reference = path.join(tmp, 'reference-dist');

/** A case laid out in its temp folder, before any run. */
interface Prepared {
  dir: string;
  dist: string;
  fill: (s: string) => string;
  env: Record<string, string>;
  /** The build's arguments. */
  buildArgs: string[];
  /** A case about where and when the build writes (--out, a held lock) concerns the build alone. */
  outputCase: boolean;
  errors: string[];
  status: number;
  /** Every file under `dir` before the runs. */
  before: Record<string, string>;
  lock?: HeldLock;
  check?: RunResult;
  build?: RunResult;
}
const prepared = new Map<string, Prepared>();

afterAll(() => {
  for (const p of prepared.values()) p.lock?.release();
  rmSync(tmp, { recursive: true, force: true });
});

async function prepare(name: string, c: HostileCase): Promise<Prepared> {
  const dir = path.join(tmp, name);
  const root = path.join(dir, 'content');
  const fill = (s: string) =>
    s
      .replace(/\{tmp\}/g, dir)
      .replace(/\{root\}/g, root)
      .replace(/\{pid\}/g, String(process.pid));
  cpSync(path.join(CASES, name), root, { recursive: true, filter: (src) => path.basename(src) !== 'case.json' });
  for (const [file, text] of Object.entries(c.outsideFiles ?? {})) writeFileSync(path.join(dir, file), text);
  for (const [link, target] of Object.entries(c.symlinks ?? {})) {
    // git keeps no empty folders, so a link may be the only thing in its folder.
    mkdirSync(path.dirname(path.join(root, link)), { recursive: true });
    symlinkSync(target, path.join(root, link));
  }
  const dist = path.join(dir, 'dist');
  cpSync(reference, dist, { recursive: true });
  // Held until the suite ends (afterAll), as a build that is still running would hold it.
  const lock = c.lockHeld ? await acquireLock(`${dist}.lock`, { waitMs: 0 }) : undefined;
  const args = (c.args ?? []).map(fill);
  const errors = (c.errors ?? (c.error === null ? [] : [c.error])).map(fill);
  return {
    dir,
    dist,
    fill,
    env: { CONTENT_ROOT: root },
    buildArgs: ['build', ...(args.includes('--out') ? args : ['--out', dist, ...args])],
    outputCase: c.args !== undefined || c.lockHeld === true,
    errors,
    status: c.status ?? (errors.length ? 1 : 0),
    before: hashTree(dir),
    lock,
  };
}

// One good build, copied in as every case's previous output; then every case laid out, and its check and
// build run in one batch.
beforeAll(async () => {
  const r = await run('bin/api-reference.js', ['build', '--out', reference], {
    CONTENT_ROOT: path.join(REPO_ROOT, 'tests/fixtures/mini-site'),
  });
  expect(r.status, r.stderr).toBe(0);
  const jobs: Array<CliJob & { done: (r: RunResult) => void }> = [];
  for (const [name, c] of cases) {
    const p = await prepare(name, c);
    prepared.set(name, p);
    if (!p.outputCase) jobs.push({ args: ['check'], env: p.env, done: (r) => (p.check = r) });
    jobs.push({ args: p.buildArgs, env: p.env, done: (r) => (p.build = r) });
  }
  const results = await runBatch(jobs.map(({ args, env }) => ({ args, env })));
  results.forEach((result, i) => jobs[i].done(result));
}, 300_000);

const lines = (r: RunResult) => `${r.stdout}\n${r.stderr}`.split('\n');
const seconds = (r: RunResult) =>
  `${(r.ms / 1000).toFixed(2)} s` + (r.cpuMs === undefined ? '' : ` (CPU ${(r.cpuMs / 1000).toFixed(2)} s)`);

describe.each(cases)('hostile input: %s', (name, c) => {
  it(
    c.description.replace(/\{pid\}/g, 'the runner'),
    () => {
      const { dir, dist, fill, errors, status, before, check, build: built, outputCase } = prepared.get(name)!;
      const build = built!;
      console.log(`hostile ${name}: build ${seconds(build)}` + (check ? `, check ${seconds(check)}` : ''));

      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(status);
      for (const error of errors) expect(lines(build)).toContain(outputCase ? error : `  - ${error}`);
      if (check) {
        expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(errors.length ? 1 : 0);
        for (const error of errors) expect(lines(check)).toContain(error);
      }
      if (c.warning) {
        expect(lines(check!)).toContain(fill(c.warning));
        // One formatter (core/errors.ts): the build prints the line check prints.
        const logged = fill(c.warning);
        expect(
          lines(build).some((l) => l.includes(logged)),
          `the build logs "${logged}"`,
        ).toBe(true);
      }
      if (c.canaryFile) expect(existsSync(path.join(dir, c.canaryFile)), `${c.canaryFile} was created`).toBe(false);
      if (c.canarySecret) {
        const secret = Buffer.from(c.canarySecret);
        const leaked = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => {
          const file = path.join(dist, f);
          return statSync(file).isFile() && readFileSync(file).includes(secret);
        });
        expect(leaked, 'files in dist/ holding the canary secret').toEqual([]);
      }
      if (status === 0) {
        // Input that is fine after all (a warning at most): a complete new build, nothing else touched.
        const outside = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).filter(([f]) => !f.startsWith('dist/')));
        expect(existsSync(path.join(dist, BUILD_MARKER))).toBe(true);
        expect(outside(hashTree(dir)), 'files changed beside dist/').toEqual(outside(before));
      } else {
        expect(hashTree(dir), 'files changed under the case folder').toEqual(before);
      }
      // The budget is for the model stage: check, and a build that stops there. A build that succeeds
      // also runs Astro, whose time depends on the machine, not on the input.
      const timed = [['check', check] as const, ...(status === 0 ? [] : [['build', build] as const])];
      for (const [what, r] of timed) {
        if (!r) continue;
        const cpu = r.cpuMs! / 1000;
        expect(cpu, `${what} took ${cpu.toFixed(2)} s of CPU time, over ${c.maxSeconds} s`).toBeLessThanOrEqual(c.maxSeconds);
      }
    },
    60_000,
  );
});
