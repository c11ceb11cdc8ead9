/**
 * Runs a command and reports its wall time and peak RSS. Peak RSS is the largest resident set of any one
 * process in the tree (GNU time's "Maximum resident set size", i.e. getrusage(RUSAGE_CHILDREN)); without
 * /usr/bin/time it falls back to polling /proc and summing the tree, which it says in `rssSource`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  ok: boolean;
  seconds: number;
  peakRssMb: number;
  /** User + system CPU seconds of the whole tree (0 without /usr/bin/time); steadier than wall time on a busy machine. */
  cpuSeconds: number;
  rssSource: 'time -v (largest process)' | '/proc poll (tree sum)';
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export async function measure(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-v', command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let polled = 0;
  const poll = useTime ? undefined : setInterval(() => (polled = Math.max(polled, treeRss(child.pid!))), 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  let peakRssMb = polled / 1024;
  let cpuSeconds = 0;
  if (useTime) {
    const cpu = (label: string) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? 0);
    cpuSeconds = cpu('User') + cpu('System');
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    peakRssMb = m ? Number(m[1]) / 1024 : 0;
    stderr = stderr.replace(/\n?\s*Command being timed:[\s\S]*$/, '');
  }
  return { ok: code === 0, seconds, peakRssMb, cpuSeconds, rssSource: useTime ? 'time -v (largest process)' : '/proc poll (tree sum)', stdout, stderr };
}

/** Resident kB of `pid` and all its descendants. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  let total = 0;
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}
