/**
 * The floor: the Liquid, Markdown and Shiki work of a content root done in one plain Node loop, with no
 * Astro, no page templates, no file writes and no search index. It uses the project's own modules (config,
 * site data and front-matter readers, LiquidEngine + PageRender, markdownify, the Shiki highlighter) but
 * none of buildReference's model assembly (grouping, version links, link index and rewriting).
 *
 * Per file it does: read + YAML-parse the front matter; one Liquid context per page with `site`, `page`,
 * `endpoint`/`object` and the config's aliases bound; every front-matter string rendered once through
 * Liquid (flatify included), Markdown for prose fields; for endpoints the Errors rows from site data
 * (conditions inline, bodies Markdown); every code example Shiki-highlighted (both themes), plus the
 * JavaScript/Python snippets of curl requests where the checkout's model makes them (model/snippets.ts).
 *   node scripts/bench/floor.ts --project <dir> --root <content root>   (prints one JSON line)
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const project = path.resolve(arg('--project') ?? '.');
const root = path.resolve(arg('--root') ?? 'content');
const load = (module: string) => import(pathToFileURL(path.join(project, 'src/core', module)).href);

const started = performance.now();
const [
  { loadSiteConfig },
  { loadSiteData },
  { WarningSink },
  { LiquidEngine },
  { createMarkdownRenderer },
  { collectDocuments, liquidDocument },
  { PageRender },
  { createCodeHighlighter },
] = await Promise.all([
  load('config.ts'),
  load('data.ts'),
  load('errors.ts'),
  load('liquid/engine.ts'),
  load('markdown/markdownify.ts'),
  load('model/collect.ts'),
  load('model/page-render.ts'),
  load('highlight.ts'),
]);
const highlight: (code: string, lang: string) => string = await createCodeHighlighter();
// Checkouts whose model turns each curl request into JavaScript/Python snippets highlight those too.
const snippetsFor: ((text: string) => Array<{ code: string; lang: string }> | undefined) | undefined = await load('model/snippets.ts').then(
  (m) => m.snippetsFor,
  () => undefined,
);
const setup = performance.now() - started;

type Raw = Record<string, unknown>;
type FieldPath = Array<string | number>;
const PROSE_KEYS = new Set(['description', 'returns']);

const t0 = performance.now();
const loaded = loadSiteConfig(root);
const { config, paths } = loaded;
const warnings = new WarningSink();
const data = loadSiteData(paths.data, loaded.root);
const collections = collectDocuments(paths.reference, loaded.root);
const site: Raw = { ...loaded.raw, data: data.data, pages: [] };
for (const c of collections) site[c.name] = c.documents.map((d: { data: Raw }) => liquidDocument(d, c.name));
const markdown = createMarkdownRenderer({ highlight: (code: string, lang: string) => highlight(code, lang || 'text') });
const engine = new LiquidEngine({
  strict: config.liquid.strict,
  maxFlatifyDepth: config.liquid['max-flatify-depth'],
  includes: paths.includes,
  site: { url: config.url, baseurl: config.baseurl },
  markdown,
  warnings,
});
const env = { engine, markdown, site, aliases: config.aliases, configFile: 'site.yml', laxTypes: new Set<string>(), warnings };

type Doc = { doc: { data: Raw; file: string }; collection: string };
const docs: Doc[] = (collections as Array<{ name: string; documents: Doc['doc'][] }>).flatMap((c) =>
  c.documents.map((doc) => ({ doc, collection: c.name })),
);
const objects = new Map<unknown, Doc>(docs.filter((d) => d.doc.data['content-type'] === 'api-object').map((d) => [d.doc.data.endpoint, d]));

let pages = 0;
let highlighted = 0;
for (const { doc, collection } of docs) {
  const fm = doc.data;
  const isEndpoint = fm['content-type'] === 'api-endpoint';
  const object = objects.get(fm.endpoint);
  const render = new PageRender(env, {
    page: liquidDocument(doc, collection),
    endpoint: isEndpoint ? liquidDocument(doc, collection) : null,
    object: object ? liquidDocument(object.doc, object.collection) : null,
  });
  const walk = (value: unknown, at: FieldPath, key: string | number) => {
    if (typeof value === 'string') {
      if (key === 'code') {
        const text = render.text(doc, at);
        highlighted++;
        const curl = /^\s*(curl|')/.test(text);
        highlight(text, curl ? 'shellscript' : 'json');
        for (const snippet of (curl && snippetsFor?.(text.trim())) || []) {
          if (snippet.code !== text.trim()) highlight(snippet.code, snippet.lang);
          highlighted++;
        }
      } else if (PROSE_KEYS.has(String(key))) render.markdown(doc, at);
      else render.text(doc, at);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i], key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...at, k], k);
  };
  for (const [k, v] of Object.entries(fm)) walk(v, [k], k);
  if (isEndpoint) {
    const codes = engine.evaluate(config['response-codes'], render.ctx, { file: doc.file, field: 'response-codes' }) as Raw | undefined;
    const all = (codes?.[String(fm.endpoint)] as Raw | undefined)?.all;
    for (const entry of Array.isArray(all) ? (all as Raw[]) : []) {
      for (const response of (entry.responses as Raw[]) ?? []) {
        if (!String(response.method).includes(String(fm.method))) continue;
        render.fromData(doc, ['examples'], 'response-codes', response.condition ?? '', 'inline');
        render.fromData(doc, ['examples'], 'response-codes', response['response-body'] ?? '', 'markdown');
      }
    }
  }
  pages++;
}
const work = performance.now() - t0;
console.log(JSON.stringify({ pages, highlighted, setupMs: Math.round(setup), workMs: Math.round(work) }));
