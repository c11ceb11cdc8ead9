/**
 * The child process of helpers/cli-batch.ts: runs many `api-reference` commands one after another through
 * the CLI's own entry point (`main` of src/cli/index.ts, what bin/api-reference.js calls), each with its
 * environment set as a process of its own would have it and its stdout and stderr captured, and writes
 * their results to a file.
 *
 * Usage: node tests/site/helpers/cli-batch-runner.ts <jobs.json> <results.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { main } from '../../../src/cli/index.ts';
import type { CliJob } from './cli-batch.ts';
import type { RunResult } from './build-run.ts';

const [jobsFile, resultsFile] = process.argv.slice(2);
const jobs = JSON.parse(readFileSync(jobsFile, 'utf8')) as CliJob[];
const baseEnv = { ...process.env };
const write = { stdout: process.stdout.write, stderr: process.stderr.write };

/** Sends everything written to `stream` into `sink` until the returned function is called. */
function capture(stream: 'stdout' | 'stderr', sink: (text: string) => void): () => void {
  process[stream].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write;
  return () => void (process[stream].write = write[stream]);
}

const results: RunResult[] = [];
for (const job of jobs) {
  // The job's environment and nothing else: content that could run code would read CONTENT_ROOT from it.
  for (const key of Object.keys(process.env)) if (!(key in baseEnv)) delete process.env[key];
  Object.assign(process.env, baseEnv, job.env);
  let stdout = '';
  let stderr = '';
  const restore = [capture('stdout', (t) => (stdout += t)), capture('stderr', (t) => (stderr += t))];
  const started = performance.now();
  const cpu = process.cpuUsage();
  let status: number;
  try {
    status = await main(job.args, process.env, process.cwd());
  } catch (error) {
    // What Node does with the CLI's uncaught error: the stack on stderr, exit status 1.
    stderr += `${(error as Error)?.stack ?? String(error)}\n`;
    status = 1;
  }
  const used = process.cpuUsage(cpu);
  const ms = Math.round(performance.now() - started);
  for (const r of restore) r();
  results.push({ status, signal: null, stdout, stderr, ms, cpuMs: Math.round((used.user + used.system) / 1000) });
}
writeFileSync(resultsFile, JSON.stringify(results));
process.exit(0);
