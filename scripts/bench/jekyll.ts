/**
 * `npm run bench -- --jekyll`: the same Jekyll tree built by Jekyll and by this generator, alternately,
 * cold and warm, with medians of wall time, CPU and peak RSS.
 *
 * Jekyll gets a minimal site written for the benchmark (scripts/bench/jekyll/): the tree's own `_data` and
 * reference collections, the overlay's include stand-ins and aliases, a `flatify` filter and one layout
 * that renders every endpoint, object, version-object, structure, form and doc page through the same
 * front-matter Liquid, kramdown and rouge highlighting. It has no navigation, search index, styling or
 * request snippets, so the comparison favours Jekyll; what it leaves out is listed in the README.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { measure, type Measured } from './measure.ts';

const TEMPLATE = path.join(import.meta.dirname, 'jekyll');

export function hasJekyll(): boolean {
  return spawnSync('jekyll', ['--version'], { encoding: 'utf8' }).status === 0;
}

interface Overlay {
  aliases?: Record<string, string>;
  folders?: { includes?: string | string[] };
  'response-codes'?: string;
}

function readYaml<T>(file: string): T {
  return (parse(readFileSync(file, 'utf8'), { maxAliasCount: 100 }) ?? {}) as T;
}

/** Lays out the benchmark's Jekyll site for `tree` in `dir`; returns the site folder. */
export function prepareJekyllSite(tree: string, overlayFile: string, dir: string): string {
  const site = path.join(dir, 'site');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  const config = readYaml<Record<string, unknown>>(path.join(tree, '_config.yml'));
  const overlay = readYaml<Overlay>(overlayFile);

  const names = Object.keys((config.collections as Record<string, unknown>) ?? {}).filter((n) => existsSync(path.join(tree, `_${n}`)));
  const collections = Object.fromEntries(names.map((n) => [n, { output: true, permalink: '/:collection/:path/' }]));
  const jekyllConfig = {
    baseurl: config.baseurl ?? '',
    markdown: 'kramdown',
    kramdown: config.kramdown ?? { input: 'GFM', auto_ids: true },
    collections,
    defaults: [{ scope: { path: '' }, values: { layout: 'reference' } }],
    plugins: [],
  };
  writeFileSync(path.join(site, '_config.yml'), JSON.stringify(jekyllConfig, null, 2));
  symlinkSync(path.join(tree, '_data'), path.join(site, '_data'));
  for (const n of names) symlinkSync(path.join(tree, `_${n}`), path.join(site, `_${n}`));

  cpSync(TEMPLATE, site, { recursive: true });
  const includeDirs = [overlay.folders?.includes ?? []].flat().map((d) => path.resolve(path.dirname(overlayFile), d));
  for (const d of includeDirs) if (existsSync(d)) cpSync(d, path.join(site, '_includes'), { recursive: true });

  const bindings = Object.entries(overlay.aliases ?? {}).map(([name, expr]) => `{% assign ${name} = ${expr} %}`);
  bindings.push(`{% assign response-codes = ${overlay['response-codes'] ?? 'site.data[page.product-type].response-codes'} %}`);
  writeFileSync(path.join(site, '_includes/bench/bindings.html'), bindings.join('') + '\n');
  return site;
}

export function buildWithJekyll(site: string, out: string, cold: boolean): Promise<Measured> {
  if (cold) rmSync(path.join(site, '.jekyll-cache'), { recursive: true, force: true });
  return measure('jekyll', ['build', '--quiet', '--source', site, '--destination', out]);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface JekyllComparisonOptions {
  /** The Jekyll tree and the overlay our build uses for it. */
  tree: string;
  overlay: string;
  rounds: number;
  work: string;
  /** Builds the tree with this generator into `out`; `cold` clears its caches first. */
  ours: (out: string, cold: boolean) => Promise<Measured>;
}

interface Sample {
  wall: number;
  cpu: number;
  rss: number;
  tree: number;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

function summary(label: string, samples: Sample[]): string {
  const m = (k: keyof Sample) => median(samples.map((s) => s[k]));
  const range = (k: keyof Sample) => `${fmt(Math.min(...samples.map((s) => s[k])))}–${fmt(Math.max(...samples.map((s) => s[k])))}`;
  return `${label.padEnd(22)} wall ${fmt(m('wall'))} s (${range('wall')})  cpu ${fmt(m('cpu'))} s  peak RSS ${fmt(m('rss'), 0)} MB (tree ${fmt(m('tree'), 0)} MB)`;
}

/** A/B alternately, `rounds` times, cold then warm; prints every run, then medians and ratios. */
export async function compareWithJekyll(o: JekyllComparisonOptions): Promise<void> {
  const site = prepareJekyllSite(o.tree, o.overlay, path.join(o.work, 'jekyll'));
  const jekyllOut = path.join(o.work, 'jekyll-out');
  const ourOut = path.join(o.work, 'ours-out');
  const runs: Record<string, Sample[]> = { 'jekyll cold': [], 'ours cold': [], 'jekyll warm': [], 'ours warm': [] };
  const record = (label: string, r: Measured) => {
    if (!r.ok) throw new Error(`${label} build failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
    runs[label]!.push({ wall: r.seconds, cpu: r.cpuSeconds, rss: r.peakRssMb, tree: r.treeRssMb });
    console.log(
      `  ${label.padEnd(12)} ${fmt(r.seconds, 2)} s wall, ${fmt(r.cpuSeconds, 2)} s cpu, ${fmt(r.peakRssMb, 0)} MB (tree ${fmt(r.treeRssMb, 0)} MB)`,
    );
  };
  console.log(`Jekyll vs this generator on ${o.tree} (${o.rounds} rounds, alternating)`);
  for (let i = 0; i < o.rounds; i++) {
    // Alternate which side goes first, so neither always runs on a machine warmed by the other.
    const order = i % 2 ? ['ours', 'jekyll'] : ['jekyll', 'ours'];
    for (const temperature of ['cold', 'warm'] as const) {
      for (const side of order) {
        const cold = temperature === 'cold';
        const r = side === 'jekyll' ? await buildWithJekyll(site, jekyllOut, cold) : await o.ours(ourOut, cold);
        record(`${side} ${temperature}`, r);
      }
    }
  }
  const html = (dir: string) => {
    const files = listFiles(dir).filter((f) => f.endsWith('.html'));
    return `${files.length} HTML files, ${fmt(files.reduce((sum, f) => sum + statSync(f).size, 0) / 1e6)} MB`;
  };
  console.log(`output: Jekyll ${html(jekyllOut)}; ours ${html(ourOut)}`);
  console.log('medians:');
  for (const [label, samples] of Object.entries(runs)) console.log(`  ${summary(label, samples)}`);
  for (const t of ['cold', 'warm']) {
    const ratio = (k: keyof Sample) => median(runs[`ours ${t}`]!.map((s) => s[k])) / median(runs[`jekyll ${t}`]!.map((s) => s[k]));
    console.log(
      `  ours/jekyll ${t}: wall ${fmt(ratio('wall'), 2)}×, cpu ${fmt(ratio('cpu'), 2)}×, memory ${fmt(ratio('rss'), 2)}× (tree ${fmt(ratio('tree'), 2)}×)`,
    );
  }
}
