/**
 * Runs a command and reports its wall time and peak RSS. Peak RSS is the largest resident set of any one
 * process in the tree (GNU time's "Maximum resident set size", i.e. getrusage(RUSAGE_CHILDREN)); without
 * /usr/bin/time it falls back to polling /proc and summing the tree, which it says in `rssSource`.
 * `treeRssMb` is always the polled peak of the whole tree summed (Node, Pagefind, esbuild).
 * CPU time is polled from /proc for the whole tree, because GNU time misses children that are killed
 * rather than waited for (Pagefind's indexing service is one).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  ok: boolean;
  seconds: number;
  peakRssMb: number;
  /** Peak of the whole tree's resident memory summed (polled every 200 ms, so a short peak can be missed). */
  treeRssMb: number;
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
  /** Highest CPU ticks seen per process of the tree. */
  const ticks = new Map<number, number>();
  const poll = setInterval(() => {
    const tree = scanTree(child.pid!);
    polled = Math.max(polled, tree.rssKb);
    for (const [pid, t] of tree.ticks) ticks.set(pid, Math.max(ticks.get(pid) ?? 0, t));
  }, 200);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(poll);
  let peakRssMb = polled / 1024;
  // Clock ticks are 1/100 s on Linux.
  let cpuSeconds = [...ticks.values()].reduce((a, b) => a + b, 0) / 100;
  if (useTime) {
    const cpu = (label: string) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? 0);
    cpuSeconds = Math.max(cpuSeconds, cpu('User') + cpu('System'));
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    peakRssMb = m ? Number(m[1]) / 1024 : 0;
    stderr = stderr.replace(/\n?\s*Command being timed:[\s\S]*$/, '');
  }
  return {
    ok: code === 0,
    seconds,
    peakRssMb,
    treeRssMb: polled / 1024,
    cpuSeconds,
    rssSource: useTime ? 'time -v (largest process)' : '/proc poll (tree sum)',
    stdout,
    stderr,
  };
}

/** Resident kB and CPU ticks (user + system) of `pid` and all its descendants. */
function scanTree(pid: number): { rssKb: number; ticks: Map<number, number> } {
  const children = new Map<number, number[]>();
  const info = new Map<number, { rss: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command name (which may hold spaces) start at state: ppid is 2nd, utime 12th, stime 13th, rss 22nd (pages).
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(f[1]);
      info.set(Number(name), { ticks: Number(f[11]) + Number(f[12]), rss: (Number(f[21]) * 4096) / 1024 });
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let rssKb = 0;
  const ticks = new Map<number, number>();
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    const i = info.get(p);
    if (i) {
      rssKb += i.rss;
      ticks.set(p, i.ticks);
    }
    stack.push(...(children.get(p) ?? []));
  }
  return { rssKb, ticks };
}
