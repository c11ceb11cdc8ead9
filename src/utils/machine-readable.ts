/**
 * The machine-readable files of the site (OpenAPI documents, llms.txt, llms-full.txt, Markdown twins),
 * made by core/export from the model the pages render and served by the endpoint routes in src/routes/files
 * (injected by the integration), so they exist in dev as in a build. They are computed once per model: once
 * in a build, again in dev after each rebuild.
 */
import { readFileSync } from 'node:fs';
import { listMarkdown, machineReadableFiles, siteProducts, type ExportInput, type ExportPage } from '../core/export/site-files.ts';
import { buildLinkIndex } from '../core/model/links.ts';
import type { ReferenceEntry } from '../schemas/reference.ts';
import { proseEntries, referenceEntries } from './entries.ts';
import { routes } from './routes.ts';
import { siteConfig } from './site.ts';

async function input(entries: ReferenceEntry[]): Promise<ExportInput> {
  const config = await siteConfig();
  const site = {
    title: config.title ?? '',
    description: config.description,
    url: config.url,
    baseurl: config.baseurl,
    products: siteProducts(config.products, entries),
    formsTitle: config.labels.forms.title,
  };
  const prose = (await proseEntries()).map((p) => ({
    path: p.path,
    title: p.title,
    description: p.description,
    text: readFileSync(p.absolutePath, 'utf8'),
  }));
  // The home page and the list pages are the Astro side's; the list pages get twins of their items.
  const pages: ExportPage[] = [{ path: '', title: site.title, description: site.description, section: 'Start' }];
  for (const r of await routes()) {
    if (r.kind !== 'list') continue;
    const items = r.items.map((i) => ({ title: i.title, path: i.path, summary: i.summary }));
    pages.push({
      path: r.path,
      title: r.title,
      description: r.intro,
      section: 'Start',
      markdown: listMarkdown(r.title, r.intro, items, site),
    });
  }
  const anchors = buildLinkIndex(entries, [], config.baseurl, '').anchors;
  return { site, entries, prose, pages, anchors };
}

const built = new WeakMap<ReferenceEntry[], Promise<Map<string, string>>>();

async function compute(entries: ReferenceEntry[]): Promise<Map<string, string>> {
  const { files } = machineReadableFiles(await input(entries));
  return new Map(files.map((f) => [f.path, f.text]));
}

/** Every file by its path under the reference's root (`openapi.json`, `reference/parcels/index.md`). */
export async function siteFiles(): Promise<Map<string, string>> {
  // Keyed by the model's entries: a rebuild (dev) makes a new array, and so new files.
  const entries = await referenceEntries();
  let files = built.get(entries);
  if (!files) built.set(entries, (files = compute(entries)));
  return files;
}

const TYPES: Record<string, string> = {
  json: 'application/json',
  yaml: 'application/yaml',
  md: 'text/markdown',
  txt: 'text/plain',
};

/** The file at `file` as a response, or a 404 when the model has no such file. */
export async function fileResponse(file: string): Promise<Response> {
  const text = (await siteFiles()).get(file);
  if (text === undefined) return new Response('Not found', { status: 404 });
  const type = TYPES[file.slice(file.lastIndexOf('.') + 1)] ?? 'text/plain';
  return new Response(text, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}

/** The files whose path matches `pattern`, as getStaticPaths params. */
export async function filesMatching(pattern: RegExp): Promise<string[]> {
  return [...(await siteFiles()).keys()].filter((f) => pattern.test(f));
}
