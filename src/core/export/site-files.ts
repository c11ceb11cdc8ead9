/**
 * Every machine-readable file of a built site, from the model, as `{ path, text }` pairs relative to the
 * output folder: the OpenAPI documents (`openapi*.json` and `.yaml`), `llms.txt`, `llms-full.txt` and a
 * Markdown twin (`…/index.md`) beside every page that has one. The one entry point the Astro layer calls;
 * it writes nothing itself.
 */
import type { EndpointEntry, ReferenceEntry } from '../../schemas/reference.ts';
import type { ProductConfig } from '../../schemas/site-config.ts';
import { resolveProducts } from '../model/products.ts';
import { buildOpenApi, type OpenApiProduct } from '../openapi/document.ts';
import { openApiJson, openApiYaml } from '../openapi/serialize.ts';
import { entryPage, llmsFullTxt, llmsTxt, type LlmsPage, type LlmsSite } from './llms.ts';
import { entryMarkdown, type MarkdownOptions } from './page-markdown.ts';
import { proseMarkdown } from './prose-markdown.ts';

export interface ExportSite {
  title: string;
  description?: string;
  /** The site's origin (`url` of the site config); links are root-relative without it. */
  url?: string;
  /** `baseurl`: `/docs`, or `''`. */
  baseurl: string;
  /** The site's products (siteProducts()); one unnamed product when absent. */
  products?: OpenApiProduct[];
  /** What the site calls its forms (site config `labels.forms.title`): their llms.txt section. */
  formsTitle?: string;
}

const productOf = (e: ReferenceEntry) => (e as { product?: string }).product ?? '';

/** The products of a site as the model resolves them (title and URL segment from the site config). */
export function siteProducts(config: Record<string, ProductConfig>, entries: ReferenceEntry[]): OpenApiProduct[] {
  return resolveProducts(config, entries.map(productOf)).map(({ key, title, segment }) => ({ key, title, segment }));
}

export interface ExportProse {
  path: string;
  title: string;
  description?: string;
  /** The MDX file's text. */
  text: string;
}

/** A page the model does not describe (the home page, the list pages); `markdown` makes its twin. */
export interface ExportPage extends Omit<LlmsPage, 'twin'> {
  markdown?: string;
}

export interface ExportInput {
  site: ExportSite;
  entries: ReferenceEntry[];
  prose: ExportProse[];
  pages?: ExportPage[];
  /** Anchor id → path of the page that holds it (BuildResult.links.anchors). */
  anchors?: Map<string, string>;
}

export interface SiteFile {
  /** Relative to the output folder, `/`-separated: `openapi.json`, `reference/parcels/index.md`. */
  path: string;
  text: string;
}

/** Page and link addresses: absolute with the site's `url`, root-relative without. */
export function siteUrls(site: Pick<ExportSite, 'url' | 'baseurl'>): Required<MarkdownOptions> {
  const origin = (site.url ?? '').replace(/\/+$/, '');
  const base = `/${site.baseurl.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  return {
    pageUrl: (path) => `${origin}${base}/${path.replace(/^\/+/, '')}`,
    resolve: (href) => (origin && href.startsWith('/') && !href.startsWith('//') ? `${origin}${href}` : href),
  };
}

/** The endpoint an MDX component names: its product and version when given, else the latest. */
function finder(entries: ReferenceEntry[]) {
  const endpoints = entries.filter((e): e is EndpointEntry => e.kind === 'endpoint');
  return (props: Record<string, string>) => {
    const mine = endpoints.filter((e) => e.key === props.endpoint && (props.product === undefined || productOf(e) === props.product));
    return props.version ? mine.find((e) => e.version === props.version) : (mine.find((e) => e.latest) ?? mine[0]);
  };
}

export function machineReadableFiles(input: ExportInput): { files: SiteFile[]; warnings: string[] } {
  const { site, entries } = input;
  const urls = siteUrls(site);
  const files: SiteFile[] = [];

  const openapi = buildOpenApi(entries, { title: site.title, description: site.description, ...urls, products: site.products });
  for (const d of openapi.documents) {
    files.push({ path: `${d.name}.json`, text: openApiJson(d.document) }, { path: `${d.name}.yaml`, text: openApiYaml(d.document) });
  }

  // Sections per product only in a site of several named products; shared pages (no product) stay plain.
  const several = (site.products ?? []).filter((p) => p.key).length > 1;
  const productTitle = (e: ReferenceEntry) =>
    several && productOf(e) ? site.products!.find((p) => p.key === productOf(e))?.title : undefined;
  const twins: Array<{ page: LlmsPage; markdown: string }> = [];
  for (const e of entries) twins.push({ page: entryPage(e, productTitle(e), site.formsTitle), markdown: entryMarkdown(e, urls) });
  const find = finder(entries);
  for (const p of input.prose) {
    twins.push({
      page: { path: p.path, title: p.title, description: p.description, section: 'Guides', twin: true },
      markdown: proseMarkdown(p, find, urls, p.path, (id) => input.anchors?.get(id)),
    });
  }
  const others: LlmsPage[] = [];
  for (const p of input.pages ?? []) {
    const page = { ...p, twin: p.markdown !== undefined };
    if (p.markdown !== undefined) twins.push({ page, markdown: p.markdown });
    else others.push(page);
  }
  for (const t of twins) files.push({ path: `${t.page.path}index.md`, text: t.markdown });

  const llms: LlmsSite = {
    title: site.title,
    description: site.description,
    pageUrl: urls.pageUrl,
    extra: openapi.documents.length
      ? [
          {
            section: 'OpenAPI',
            links: openapi.documents.map((d) => ({
              title: `${d.name}.json`,
              url: urls.pageUrl(`${d.name}.json`),
              description: `${String((d.document.info as { title: string }).title)}: ${d.version === undefined ? 'the current API' : `version ${d.version}`} (also as ${d.name}.yaml)`,
            })),
          },
        ]
      : [],
  };
  // Sections in reading order (the home page's first, then guides, the reference, the rest); pages keep
  // the model's order within them.
  const all = [...others, ...twins.map((t) => t.page)];
  const rank = (p: LlmsPage) =>
    p.section.startsWith('Guides') ? 1 : p.section.startsWith('API reference') ? 2 : others.includes(p) ? 0 : 3;
  const pages = all.sort((a, b) => rank(a) - rank(b));
  files.push({ path: 'llms.txt', text: llmsTxt(llms, pages) }, { path: 'llms-full.txt', text: llmsFullTxt(llms, twins) });
  return { files, warnings: openapi.warnings };
}

/** The twin of a list page (the API reference index, data structures): its items as links. */
export function listMarkdown(
  title: string,
  intro: string,
  items: Array<{ title: string; path: string; summary?: string }>,
  site: Pick<ExportSite, 'url' | 'baseurl'>,
): string {
  const { pageUrl } = siteUrls(site);
  const lines = items.map((i) => `- [${i.title}](${pageUrl(i.path)}index.md)${i.summary ? `: ${i.summary}` : ''}`);
  return `${[`# ${title}`, intro, lines.join('\n')].filter(Boolean).join('\n\n')}\n`;
}
