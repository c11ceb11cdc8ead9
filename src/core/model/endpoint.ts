/**
 * Builds an endpoint page. Fields are rendered in the order the Jekyll page showed them (heading,
 * description, arguments, returns, examples) because `assign`s made by one string are visible to the next.
 */
import { liquidDocument } from './collect.ts';
import { buildExamples } from './examples.ts';
import type { ObjectGroup, Typed } from './groups.ts';
import { PageRender, type RenderEnv } from './page-render.ts';
import { endpointPath, objectPath, type SitePaths } from './paths.ts';
import { idsIn } from './links.ts';
import type { EndpointFrontMatter } from '../../schemas/front-matter.ts';
import type { EndpointEntry, VersionLink } from '../../schemas/reference.ts';

export interface EndpointContext {
  env: RenderEnv;
  paths: SitePaths;
  group: ObjectGroup;
  version: string;
  endpoint: Typed<EndpointFrontMatter>;
  /** Raw `available-methods` entry for this key, when the object lists it. */
  method?: Record<string, unknown>;
  methodIndex: number;
  /** Liquid expression for the Errors-tab data (`response-codes` in the site config). */
  responseCodes: string;
  /** The collection name used for `page`/`endpoint` documents. */
  collection: string;
}

export function isAvailable(e: Typed<EndpointFrontMatter>, version: string): boolean {
  const from = e.fm['not-available-until-version'];
  return from === undefined || Number(version) >= Number(from);
}

export function versionLinks(group: ObjectGroup, paths: SitePaths, key?: string): VersionLink[] {
  return group.versions.map((number) => {
    const latest = number === group.latest;
    const e = key ? group.endpoints.get(number)?.get(key) : undefined;
    const available = key ? !!e && isAvailable(e, number) : true;
    const href =
      key && e ? endpointPath(paths, group.fm.endpoint, key, number, latest) : objectPath(paths, group.fm.endpoint, number, latest);
    return { number, href, latest, available };
  });
}

const stripNewlines = (s: string) => s.replace(/[\r\n]+/g, '').trim();
const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export function buildEndpoint(c: EndpointContext): EndpointEntry {
  const { group, version, endpoint } = c;
  const { doc, fm } = endpoint;
  const latest = version === group.latest;
  const objectDoc = group.doc;
  const render = new PageRender(c.env, {
    page: liquidDocument(doc, c.collection),
    endpoint: liquidDocument(doc, c.collection),
    object: liquidDocument(objectDoc, c.collection),
    'object-method': c.method ?? null,
    version: group.multiVersion ? { number: version } : null,
  });
  const methodPath = (field: string) => ['available-methods', c.methodIndex, field];
  const fromObject = (field: string) => c.method?.[field] !== undefined;

  const title = fromObject('title') ? render.text(objectDoc, methodPath('title')) : render.text(doc, ['title']);
  const available = isAvailable(endpoint, version);
  const entry: EndpointEntry = {
    kind: 'endpoint',
    title: title.trim(),
    path: endpointPath(c.paths, fm.endpoint, fm.key, version, latest),
    source: doc.file,
    anchors: [],
    product: group.product,
    key: fm.key,
    object: fm.endpoint,
    objectTitle: String(group.fm.title),
    objectPath: objectPath(c.paths, fm.endpoint, version, latest),
    version,
    latest,
    versions: versionLinks(group, c.paths, fm.key),
    available,
    ...(available ? {} : { availableFrom: fm['not-available-until-version'] }),
    method: String(c.method?.method ?? fm.method ?? '').toUpperCase(),
    shortHtml: '',
    shortUrl: '',
    fullUrl: '',
    descriptionHtml: '',
    notesHtml: '',
    arguments: [],
    returnsHtml: '',
    responseAttributes: [],
    requests: [],
    responses: [],
    errors: [],
    tabs: [],
  };
  if (available) {
    entry.shortHtml = fromObject('short') ? render.inline(objectDoc, methodPath('short')) : render.inline(doc, ['short']);
    entry.descriptionHtml = render.markdown(doc, ['description']);
    const notes = fromObject('notes') ? render.markdown(objectDoc, methodPath('notes')) : '';
    // Object notes often repeat a paragraph of the description (Jekyll showed one or the other).
    entry.notesHtml = notes && !plain(entry.descriptionHtml).includes(plain(notes)) ? notes : '';
    entry.shortUrl = stripNewlines(render.text(doc, ['short-url']));
    entry.fullUrl = stripNewlines(render.text(doc, ['full-url']));
    entry.arguments = render.params(doc, ['arguments'], fm.arguments);
    entry.returnsHtml = render.markdown(doc, ['returns']);
    entry.responseAttributes = render.params(doc, ['response-attributes'], fm['response-attributes']);
    const codes = safeEvaluate(c, render);
    Object.assign(
      entry,
      buildExamples(render, doc, fm.examples, {
        codes,
        method: String(fm.method ?? ''),
        version: fm.version ?? version,
        defaultFile: fm.endpoint,
        label: c.responseCodes,
      }),
    );
  }
  entry.anchors = endpointAnchors(entry);
  return entry;
}

/** Error rows are optional: a site without response-code data simply has no Errors tabs. */
function safeEvaluate(c: EndpointContext, render: PageRender): unknown {
  const strict = render.ctx.strictVariables;
  render.ctx.strictVariables = false;
  try {
    return c.env.engine.evaluate(c.responseCodes, render.ctx, { file: c.env.configFile, field: 'response-codes' });
  } finally {
    render.ctx.strictVariables = strict;
  }
}

function endpointAnchors(e: EndpointEntry): string[] {
  const fixed = [
    e.key,
    ...(e.arguments.length ? [`${e.key}--arguments`] : []),
    ...(e.returnsHtml ? [`${e.key}--returns`] : []),
    ...(e.responseAttributes.length ? [`${e.key}--response-attributes`] : []),
    ...(e.tabs.length ? [`${e.key}--examples`] : []),
  ];
  const html = [e.descriptionHtml, e.notesHtml, e.returnsHtml, ...e.errors.map((r) => r.bodyHtml)];
  return [...new Set([...fixed, ...html.flatMap(idsIn)])];
}
