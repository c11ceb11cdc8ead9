/**
 * Running the CLI (`bin/api-reference.js build` and `check`) as child processes, as CI would, and reading what
 * they left on disk: a whole folder as a map of file -> sha256, to compare outputs byte for byte.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './site.ts';

export interface RunResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** CPU time of the run (user + system, ms): given for runs in a batch (cli-batch.ts), timed in-process. */
  cpuMs?: number;
}

export interface Running {
  child: ChildProcess;
  /** Resolves when the output (stdout + stderr) contains `text`; rejects if the process ends first. */
  waitFor(text: string): Promise<void>;
  done: Promise<RunResult>;
}

export function start(script: string, args: string[], env: Record<string, string> = {}): Running {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  const seen = () => {
    for (const w of waiters.splice(0)) {
      if (`${stdout}${stderr}`.includes(w.text)) w.resolve();
      else waiters.push(w);
    }
  };
  child.stdout!.on('data', (d) => ((stdout += d), seen()));
  child.stderr!.on('data', (d) => ((stderr += d), seen()));
  const done = new Promise<RunResult>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr, ms: Math.round(performance.now() - started) })),
  );
  return {
    child,
    done,
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ text, resolve });
        seen();
        void done.then((r) => reject(new Error(`process ended (status ${r.status}) before printing "${text}":\n${r.stdout}\n${r.stderr}`)));
      }),
  };
}

export const run = (script: string, args: string[], env: Record<string, string> = {}) => start(script, args, env).done;

/** Every file and symbolic link under `dir` (relative path -> sha256 of the content or link target). */
export function hashTree(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, rel);
    const stat = lstatSync(file);
    const key = rel.split(path.sep).join('/');
    if (stat.isSymbolicLink()) out[key] = `link:${readlinkSync(file)}`;
    else if (stat.isFile()) out[key] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}
