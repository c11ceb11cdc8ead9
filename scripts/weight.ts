/**
 * `npm run weight`: what an endpoint page costs on first load. For every endpoint page of a built site it
 * sums the HTML and the CSS and JavaScript the page loads up front (<link rel="stylesheet">, <script src>,
 * modulepreload and the static imports of those modules, each file once), gzip- and brotli-compressed, and
 * prints the figures for the median and the heaviest page. Pagefind is left out: it loads when the search
 * opens. Builds the sample site first when the folder has no build.
 *   npm run weight -- [--dist <dir>] [--page <path under the site>] [--budget <KB gzip, default 50>]
 * Exits non-zero when the heaviest endpoint page is over the budget.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const dist = path.resolve(option('--dist') ?? 'dist');
const only = option('--page');
const budgetKb = Number(option('--budget') ?? 50);

interface Asset {
  file: string;
  kind: 'html' | 'css' | 'js';
  raw: number;
  gzip: number;
  brotli: number;
}

interface PageWeight {
  page: string;
  assets: Asset[];
  total: { raw: number; gzip: number; brotli: number };
}

const sizes = new Map<string, Omit<Asset, 'kind'>>();

function measureFile(file: string): Omit<Asset, 'kind'> {
  let s = sizes.get(file);
  if (!s) {
    const bytes = readFileSync(file);
    s = {
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    sizes.set(file, s);
  }
  return s;
}

/** The file behind a root-relative URL: the site's base path is whatever leading segments dist lacks. */
function fileFor(url: string, from: string): string | undefined {
  if (/^[a-z]+:|^\/\//i.test(url)) return undefined; // another origin: not part of this site's weight
  const clean = url.split(/[?#]/)[0];
  if (!clean.startsWith('/')) {
    const local = path.resolve(path.dirname(from), clean);
    return existsSync(local) ? local : undefined;
  }
  const segments = clean.split('/').filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    const candidate = path.join(dist, ...segments.slice(i));
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const attr = (tag: string, name: string) =>
  tag
    .match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
    ?.slice(1)
    .find((v) => v !== undefined);

/** Static imports only: `import x from "./a.js"`, `import "./b.js"`, `export … from "./c.js"`; not `import()`. */
function staticImports(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g)) out.push(m[1]);
  return out;
}

function weigh(htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const assets: Asset[] = [{ ...measureFile(htmlFile), kind: 'html' }];
  const seen = new Set<string>();
  const add = (url: string | undefined, kind: 'css' | 'js', from: string) => {
    if (!url || url.includes('/pagefind/')) return;
    const file = fileFor(url, from);
    if (!file || seen.has(file)) return;
    seen.add(file);
    assets.push({ ...measureFile(file), kind });
    if (kind === 'js') for (const dep of staticImports(readFileSync(file, 'utf8'))) add(dep, 'js', file);
  };
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('stylesheet')) add(attr(tag, 'href'), 'css', htmlFile);
    if (rel.includes('modulepreload')) add(attr(tag, 'href'), 'js', htmlFile);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) add(attr(tag, 'src'), 'js', htmlFile);
  // Inline module scripts can import chunks too.
  for (const [, body] of html.matchAll(/<script\b[^>]*type=["']?module["']?[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const dep of staticImports(body)) add(dep, 'js', htmlFile);
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const a of assets) {
    total.raw += a.raw;
    total.gzip += a.gzip;
    total.brotli += a.brotli;
  }
  return { page: path.relative(dist, path.dirname(htmlFile)).split(path.sep).join('/') + '/', assets, total };
}

function endpointPages(): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const file = path.join(entry.parentPath, entry.name);
    // Endpoint pages are the ones whose main content is an endpoint article.
    if (/<article\b[^>]*class="[^"]*\bendpoint\b/.test(readFileSync(file, 'utf8'))) out.push(file);
  }
  return out;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function print(w: PageWeight, label: string): void {
  console.log(`\n${label}: /${w.page}`);
  console.log(`  ${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const a of w.assets) {
    const rel = path.relative(dist, a.file);
    const name = `${a.kind.padEnd(4)} ${rel.length > 39 ? `…${rel.slice(-38)}` : rel}`;
    console.log(`  ${name.padEnd(44)} ${kb(a.raw).padStart(10)} ${kb(a.gzip).padStart(10)} ${kb(a.brotli).padStart(10)}`);
  }
  console.log(
    `  ${'total'.padEnd(44)} ${kb(w.total.raw).padStart(10)} ${kb(w.total.gzip).padStart(10)} ${kb(w.total.brotli).padStart(10)}`,
  );
}

if (!existsSync(path.join(dist, 'index.html'))) {
  console.log(`No build in ${path.relative(process.cwd(), dist) || dist}: building the sample site first.`);
  const built = spawnSync(process.execPath, ['bin/api-reference.js', 'build', '--out', dist], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const files = only ? [path.join(dist, only.replace(/^\/+/, ''), 'index.html')] : endpointPages();
if (!files.length || !files.every(existsSync)) {
  console.error(only ? `No page at ${only} in ${dist}.` : `No endpoint pages in ${dist}.`);
  process.exit(1);
}
const weights = files.map(weigh).sort((a, b) => a.total.gzip - b.total.gzip);
const median = weights[Math.floor((weights.length - 1) / 2)];
const heaviest = weights[weights.length - 1];
console.log(
  `First-load weight of ${weights.length} endpoint page(s) in ${path.relative(process.cwd(), dist) || dist} (HTML + CSS + JS; search loads on demand and is not counted)`,
);
if (weights.length > 1) print(median, 'Median page');
print(heaviest, weights.length > 1 ? 'Heaviest page' : 'Page');
const over = heaviest.total.gzip > budgetKb * 1024;
console.log(
  `\nHeaviest endpoint page: ${kb(heaviest.total.gzip)} gzip, ${kb(heaviest.total.brotli)} brotli ` +
    `(median ${kb(median.total.gzip)} gzip); budget ${budgetKb} KB gzip: ${over ? 'OVER' : 'ok'}`,
);
process.exit(over ? 1 : 0);
