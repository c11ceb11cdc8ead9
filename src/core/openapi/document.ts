/**
 * OpenAPI 3.1 documents from the reference model, one per product and version:
 *
 * - `openapi` — the current API: every object at its latest version, as the site's unversioned pages
 *   show it. Each operation says its version in `x-api-version`; `info.version` lists them.
 * - `openapi-v<N>` — version N alone, written only when the product has more than one version.
 * - In a site of several products, each product's names carry its URL segment (`openapi-tracking`,
 *   `openapi-tracking-v2`); a product kept at the top of the reference (segment `''`) has the plain names.
 *
 * Pure: callers write `json`/`yaml` (see serialize) wherever their site serves files.
 */
import type { EndpointEntry, ObjectEntry, ReferenceEntry } from '../../schemas/reference.ts';
import { htmlToMarkdown, type ResolveHref } from '../export/html-to-markdown.ts';
import { mergeOperation } from './merge.ts';
import { buildOperation, type SecurityName } from './operation.ts';

export interface OpenApiProduct {
  /** `product-type` of the product's files (`''` for files without one). */
  key: string;
  title: string;
  /** The product's URL segment; `''` for the product at the top of the reference. */
  segment: string;
}

export interface OpenApiOptions {
  /** The site's title and description (`info` of a single-product site). */
  title: string;
  description?: string;
  /** Address of a page from its path under the base: absolute when the site has a `url`. */
  pageUrl: (path: string) => string;
  /** The same for links inside descriptions. */
  resolve?: ResolveHref;
  /** Products of the site; by default one per distinct `product` of the entries, titled after the site. */
  products?: OpenApiProduct[];
}

export interface OpenApiDocument {
  /** File name without extension: `openapi`, `openapi-v2`, `openapi-tracking`. */
  name: string;
  product: string;
  /** The version it holds; `undefined` for the current API. */
  version?: string;
  document: Record<string, unknown>;
}

const SCHEMES: Record<SecurityName, Record<string, string>> = {
  bearerAuth: { type: 'http', scheme: 'bearer' },
  basicAuth: { type: 'http', scheme: 'basic' },
  apiKeyAuth: { type: 'apiKey', in: 'header', name: 'Authorization' },
};

const productOf = (e: ReferenceEntry) => (e as { product?: string }).product ?? '';

/** Versions in reading order: numeric when they are numbers, else as text. */
function sortVersions(versions: string[]): string[] {
  return [...new Set(versions)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export function openApiName(segment: string, version?: string): string {
  const safe = (s: string) => s.replace(/[^\w.-]+/g, '-');
  return ['openapi', ...(segment ? [safe(segment)] : []), ...(version !== undefined ? [`v${safe(version)}`] : [])].join('-');
}

/** A server URL with `{name}` parts needs a variable for each (its default is the name itself). */
function server(url: string): Record<string, unknown> {
  const names = [...url.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
  return names.length ? { url, variables: Object.fromEntries(names.map((n) => [n, { default: n }])) } : { url };
}

function buildDocument(
  endpoints: EndpointEntry[],
  objects: ObjectEntry[],
  info: { title: string; version: string; description?: string },
  options: OpenApiOptions,
  warn: (m: string) => void,
): Record<string, unknown> {
  const ctx = { resolve: options.resolve, pageUrl: options.pageUrl, warn };
  const built = endpoints.map((e) => ({ entry: e, ...buildOperation(e, ctx) }));
  // The server most operations use is the document's; the others say their own.
  const counts = new Map<string, number>();
  for (const b of built) if (b.server) counts.set(b.server, (counts.get(b.server) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main && built.length) warn(`${info.title}: no endpoint has a full URL with a host; the document's server is "/"`);

  const tags = new Map<string, Record<string, unknown>>();
  const tagOf = (e: EndpointEntry): string => {
    const object = objects.find((o) => o.path === e.objectPath);
    const name = object?.heading || e.objectTitle || e.object;
    if (!tags.has(name)) {
      const description = object ? htmlToMarkdown(object.introShort || object.descriptionHtml, options.resolve) : '';
      tags.set(name, { name, ...(description ? { description } : {}), externalDocs: { url: options.pageUrl(e.objectPath) } });
    }
    return name;
  };

  const paths: Record<string, Record<string, Record<string, unknown>>> = {};
  const ids = new Set<string>();
  const security = new Set<SecurityName>();
  for (const b of built) {
    let id = b.entry.key;
    if (ids.has(id)) id = `${b.entry.key}-v${b.entry.version}`;
    for (let i = 2; ids.has(id); i++) id = `${b.entry.key}-${i}`;
    ids.add(id);
    const op: Record<string, unknown> = { operationId: id, tags: [tagOf(b.entry)], ...b.operation };
    if (b.server && b.server !== main) op.servers = [server(b.server)];
    b.security.forEach((s) => security.add(s));
    const item = (paths[b.path] ??= {});
    if (item[b.method]) {
      warn(
        `${b.entry.source}: ${b.method.toUpperCase()} ${b.path} is also documented by another page; the two are merged into one operation`,
      );
      mergeOperation(item[b.method], op);
    } else item[b.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, ...(info.description ? { description: info.description } : {}) },
    // Without any base URL the API is described relative to wherever the document is served.
    servers: [server(main ?? '/')],
    tags: [...tags.values()],
    paths,
    ...(security.size ? { components: { securitySchemes: Object.fromEntries([...security].sort().map((s) => [s, SCHEMES[s]])) } } : {}),
  };
}

export interface OpenApiResult {
  documents: OpenApiDocument[];
  /** Things the export could not say exactly as the pages do (the build shows them as warnings). */
  warnings: string[];
}

export function buildOpenApi(entries: ReferenceEntry[], options: OpenApiOptions): OpenApiResult {
  const warnings: string[] = [];
  const warn = (m: string) => {
    if (!warnings.includes(m)) warnings.push(m);
  };
  const products = options.products ?? [...new Set(entries.map(productOf))].map((key) => ({ key, title: options.title, segment: key }));
  const endpointsOf = (key: string) =>
    entries.filter((e): e is EndpointEntry => e.kind === 'endpoint' && e.available && productOf(e) === key);
  // Products without endpoints (shared structures and guides) make no document, and do not make a site
  // of one API a site of several.
  const apis = products.filter((p) => endpointsOf(p.key).length);
  const single = apis.length <= 1;
  const documents: OpenApiDocument[] = [];
  for (const product of apis) {
    const mine = entries.filter((e) => productOf(e) === product.key);
    const endpoints = endpointsOf(product.key);
    const objects = mine.filter((e): e is ObjectEntry => e.kind === 'object');
    const title = single ? options.title : product.title;
    const description = single ? options.description : undefined;
    const segment = single ? '' : product.segment;
    const current = endpoints.filter((e) => e.latest);
    const versions = sortVersions(endpoints.map((e) => e.version));
    documents.push({
      name: openApiName(segment),
      product: product.key,
      document: buildDocument(
        current,
        objects,
        { title, version: sortVersions(current.map((e) => e.version)).join(', '), description },
        options,
        warn,
      ),
    });
    if (versions.length < 2) continue;
    for (const version of versions) {
      documents.push({
        name: openApiName(segment, version),
        product: product.key,
        version,
        document: buildDocument(
          endpoints.filter((e) => e.version === version),
          objects,
          { title: `${title} (v${version})`, version, description },
          options,
          warn,
        ),
      });
    }
  }
  return { documents, warnings };
}
