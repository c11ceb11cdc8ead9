/**
 * Many `api-reference` runs (check, and builds that stop at bad content) in ONE Node process instead of a
 * process each: most of such a run's CPU time is Node starting and loading the CLI's modules, and the
 * bad-input and hostile suites have over a hundred of them. helpers/cli-batch-runner.ts calls the CLI's
 * entry point (`main`, what bin/api-reference.js runs) once per job, in order, with the job's environment
 * and its own captured stdout and stderr; the exit status is what `main` returns (what the bin exits
 * with). Its time and CPU time are the run's own, measured in the process. Builds that succeed run Astro
 * and stay separate processes (build-run.ts), as do the tests about the process itself (tests/unit/cli.test.ts,
 * check.test.ts on real content, build-script.test.ts, output-safety.test.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunResult } from './build-run.ts';
import { REPO_ROOT } from './site.ts';

export interface CliJob {
  /** `api-reference` arguments: `['check']`, `['build', root, '--out', out]`. */
  args: string[];
  /** Set on top of the runner's environment for this job only (CONTENT_ROOT, SITE_CONFIG). */
  env?: Record<string, string>;
}

const RUNNER = path.join(import.meta.dirname, 'cli-batch-runner.ts');

/** Runs `jobs` one after another in one process (cwd: the repository); their results, in order. */
export async function runBatch(jobs: CliJob[]): Promise<RunResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'apiref-batch-'));
  try {
    const jobsFile = path.join(dir, 'jobs.json');
    const resultsFile = path.join(dir, 'results.json');
    writeFileSync(jobsFile, JSON.stringify(jobs));
    const child = spawn(process.execPath, [RUNNER, jobsFile, resultsFile], { cwd: REPO_ROOT, env: process.env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (status !== 0) throw new Error(`the batch of ${jobs.length} CLI runs ended with status ${status}:\n${output}`);
    return JSON.parse(readFileSync(resultsFile, 'utf8')) as RunResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
