/**
 * `npm run bench`: generates synthetic content trees of N endpoints (scripts/bench/generate.ts), builds each
 * with the CLI (`api-reference build`) into a temp folder (cold: the Astro store and our render cache are cleared first),
 * and prints wall time, pages per second and peak RSS, next to the floor (scripts/bench/floor.ts: the same
 * Liquid, Markdown and Shiki work in a plain Node loop) and the ratio build/floor.
 *   npm run bench -- [--n 100,1000,10000] [--warm] [--dev] [--model] [--project <dir>]
 * --warm    also times a second build of each tree with the caches kept (a rebuild after no edit)
 * --dev     times `api-reference dev` on the sample site, the Stitch corpus (when ../shared has it) and N=1,000
 *           endpoints: first page, save-to-update of an endpoint file and of a data file, peak RSS
 *           (scripts/bench/dev-sites.ts; `--dev-sites sample,corpus,1000` picks some)
 * --dev-model  the model part of a dev save in process: full rebuild vs. the render cache (bench/dev-model.ts)
 * --floor-only  skips the Astro builds (e.g. to see how the core scales to N=10,000 cheaply)
 * --model   times buildReference alone on the sample site and the corpus (median of 5, in process)
 * --project code to benchmark (default: this checkout), e.g. a `git worktree` of an older commit
 * --jekyll  builds a Jekyll tree (default: the shared Stitch corpus with presets/stitch-docs.yml; --tree,
 *           --overlay, --rounds; --scale k: k copies of its content) with Jekyll and with this generator,
 *           alternately, cold and warm
 */
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { highlightCacheFile } from '../src/core/highlight-cache.ts';
import { generateContent } from './bench/generate.ts';
import { compareWithJekyll, hasJekyll } from './bench/jekyll.ts';
import { scaleTree } from './bench/scale-tree.ts';
import { measure, type Measured } from './bench/measure.ts';

const flag = (name: string) => process.argv.includes(name);
const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const project = path.resolve(option('--project') ?? '.');
// --jekyll or --dev alone times only that, no synthetic builds.
const jekyllOnly = (flag('--jekyll') || flag('--dev') || flag('--dev-model')) && !option('--n');
const sizes = jekyllOnly ? [] : (option('--n') ?? '100,1000').split(',').map((s) => Number(s.replace(/_/g, '')));
const work = path.resolve('tests/.tmp/bench');
const node = process.execPath;

function clearCaches(root: string, out: string, overlay?: string): void {
  // Same key as the standalone config: one Astro cache dir (which holds our highlight cache) per content
  // root and output folder. Older checkouts kept the highlight cache under node_modules/.cache.
  const key = createHash('sha256').update(`${root}\0${out}`).digest('hex').slice(0, 12);
  rmSync(path.join(project, 'node_modules/.astro', key), { recursive: true, force: true });
  rmSync(highlightCacheFile(root, overlay, path.join(project, 'node_modules/.cache/api-reference')), { force: true });
}

/** The build command of the checkout being measured: the CLI, or the build script of older checkouts. */
function buildArgs(out: string): string[] {
  const cli = path.join(project, 'bin/api-reference.js');
  return existsSync(cli) ? [cli, 'build', '--out', out] : [path.join(project, 'scripts/build.ts'), '--out', out];
}

function build(root: string, out: string): Promise<Measured> {
  return measure(node, buildArgs(out), {
    cwd: project,
    env: { ...process.env, CONTENT_ROOT: root, LOG_LEVEL: 'warn' },
  });
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const row = (cells: Array<string | number>) => cells.map((c, i) => String(c).padStart(i === 0 ? 7 : i === 11 ? 18 : 10)).join(' ');

console.log(
  `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${fmt(os.totalmem() / 2 ** 30, 0)} GB, Node ${process.versions.node}`,
);
console.log(`code: ${project}`);
const header = ['N', 'pages', 'build s', 'pages/s', 'cpu s', 'RSS/tree MB', 'floor s', 'floor cpu', 'floor MB', 'ratio', 'cpu ratio'];
if (flag('--warm')) header.push('warm s (cpu)');
if (sizes.length) console.log(row(header));
const times = new Map<number, number>();
for (const n of sizes) {
  const root = path.join(work, `content-${n}`);
  const out = path.join(work, `dist-${n}`);
  const { endpoints, objects } = generateContent(root, n);
  clearCaches(root, out);
  const skip: Measured = {
    ok: true,
    seconds: NaN,
    cpuSeconds: NaN,
    peakRssMb: NaN,
    treeRssMb: NaN,
    rssSource: 'time -v (largest process)',
    stdout: '',
    stderr: '',
  };
  const b = flag('--floor-only') ? skip : await build(root, out);
  if (!b.ok) {
    console.error(`build of N=${n} failed:\n${b.stdout.slice(-3000)}\n${b.stderr.slice(-3000)}`);
    process.exit(1);
  }
  // The floor never reads the on-disk caches, so the build's cache can stay for the warm run.
  const f = await measure(node, [path.resolve('scripts/bench/floor.ts'), '--project', project, '--root', root]);
  if (!f.ok) {
    console.error(`floor of N=${n} failed:\n${f.stderr.slice(-3000)}`);
    process.exit(1);
  }
  // Pages: one per endpoint and object, plus the home page and the list page.
  const pages = endpoints + objects + 2;
  const cells: Array<string | number> = [
    n,
    pages,
    fmt(b.seconds),
    fmt(pages / b.seconds, 0),
    fmt(b.cpuSeconds),
    `${fmt(b.peakRssMb, 0)}/${fmt(b.treeRssMb, 0)}`,
    fmt(f.seconds),
    fmt(f.cpuSeconds),
    fmt(f.peakRssMb, 0),
    fmt(b.seconds / f.seconds, 2),
    fmt(b.cpuSeconds / f.cpuSeconds, 2),
  ];
  if (flag('--warm') && !flag('--floor-only')) {
    const w = await build(root, out);
    cells.push(w.ok ? `${fmt(w.seconds)} (${fmt(w.cpuSeconds)} cpu)` : 'failed');
  }
  times.set(n, b.seconds);
  console.log(row(cells));
  rmSync(out, { recursive: true, force: true });
}
const [t1k, t10k] = [times.get(1000), times.get(10000)];
if (t1k && t10k) console.log(`time at 10,000 / time at 1,000: ${fmt(t10k / t1k, 2)}`);
if (sizes.length) {
  console.log(`ratio = build wall / floor wall; cpu = user+sys seconds of the process tree (steadier on a shared machine)`);
  console.log(
    `peak RSS: ${existsSync('/usr/bin/time') ? 'largest single process (GNU time)' : 'process tree sum (polled)'} / process tree sum (polled)`,
  );
}

if (flag('--dev')) await import('./bench/dev-sites.ts');
if (flag('--dev-model')) await import('./bench/dev-model.ts');

if (flag('--model')) await import('./bench/model.ts');

if (flag('--jekyll')) {
  if (!hasJekyll()) {
    console.error(
      '--jekyll needs Jekyll on the PATH (Debian: apt-get install jekyll ruby-jekyll-redirect-from ruby-jekyll-include-cache ruby-kramdown-parser-gfm)',
    );
    process.exit(1);
  }
  const source = path.resolve(option('--tree') ?? '../shared/corpus/stitch-docs');
  const overlay = path.resolve(option('--overlay') ?? 'presets/stitch-docs.yml');
  // --scale k: k copies of every collection's files (scripts/bench/scale-tree.ts), built by both sides.
  const scale = Number(option('--scale') ?? 1);
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale takes a whole number of copies, not ${option('--scale')}`);
  const tree = scale > 1 ? path.join(work, `jekyll-tree-x${scale}`) : source;
  if (scale > 1) console.log(`${source} × ${scale}: ${scaleTree(source, tree, scale)} Markdown files in ${tree}`);
  await compareWithJekyll({
    tree,
    overlay,
    rounds: Number(option('--rounds') ?? 3),
    work: path.join(work, 'jekyll'),
    ours: (out, cold) => {
      if (cold) clearCaches(tree, out, overlay);
      return measure(node, buildArgs(out), {
        cwd: project,
        env: { ...process.env, CONTENT_ROOT: tree, SITE_CONFIG: overlay, LOG_LEVEL: 'warn' },
      });
    },
  });
}
