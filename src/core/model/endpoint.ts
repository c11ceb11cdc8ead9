/**
 * Builds an endpoint page. Fields are rendered in the order the Jekyll page showed them (heading,
 * description, arguments, returns, examples) because `assign`s made by one string are visible to the next.
 */
import { endpointAnchors } from './anchors.ts';
import { liquidDocument } from './collect.ts';
import { exampleTab, PageIds, sectionId, snippetTab, versionStem, withParamIds } from './deep-links.ts';
import { endpointDetails, requestBody, resourceRows } from './endpoint-facts.ts';
import { buildExamples } from './examples.ts';
import type { ObjectGroup, Typed } from './groups.ts';
import { PageRender, type RenderEnv } from './page-render.ts';
import { endpointPath, objectPath, type SitePaths } from './paths.ts';
import { formatFieldPath } from '../yaml.ts';
import type { EndpointFrontMatter } from '../../schemas/front-matter.ts';
import type { ResourceListConfig } from '../../schemas/site-config.ts';
import type { TryItConfig } from '../../schemas/try-it.ts';
import { requestShape } from './request-shape.ts';
import type { CodeSample, EndpointEntry, VersionLink } from '../../schemas/reference.ts';
import { htmlToText } from '../html.ts';

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
  /** Rows of the resource list (`resource-list` in the site config), if the site has one. */
  resourceList?: ResourceListConfig;
  /** The collection name used for `page`/`endpoint` documents. */
  collection: string;
  /** The Try it panel's settings (`try-it` in the site config); off when absent. */
  tryIt?: TryItConfig;
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

export function buildEndpoint(c: EndpointContext): EndpointEntry {
  const { group, version, endpoint } = c;
  const { doc, fm } = endpoint;
  const latest = version === group.latest;
  const objectDoc = group.doc;
  const path = endpointPath(c.paths, fm.endpoint, fm.key, version, latest);
  const render = new PageRender(c.env, {
    page: pageDocument(doc, c.collection, path),
    endpoint: liquidDocument(doc, c.collection),
    object: liquidDocument(objectDoc, c.collection),
    'object-method': c.method ?? null,
    version: group.multiVersion ? { number: version } : null,
  });
  const methodPath = (field: string) => ['available-methods', c.methodIndex, field];
  const fromObject = (field: string) => c.method?.[field] !== undefined;

  const title = fromObject('title') ? render.required(objectDoc, methodPath('title')) : render.required(doc, ['title']);
  const available = isAvailable(endpoint, version);
  const ids = new PageIds();
  const section = (name: string) => ids.claim(sectionId(fm.key, name));
  const entry: EndpointEntry = {
    kind: 'endpoint',
    title: title.trim(),
    path,
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
    details: {},
    resourceList: [],
    requestBodyHtml: '',
    arguments: [],
    returnsHtml: '',
    responseAttributes: [],
    requests: [],
    responses: [],
    errors: [],
    tabs: [],
    // Claimed in the order the page shows them, so a clash renames the later one.
    ids: {
      heading: ids.claim(fm.key),
      resourceList: section('resource-list'),
      requestBody: section('request-body'),
      arguments: section('arguments'),
      returns: section('returns'),
      responseAttributes: section('response-attributes'),
      examples: section('examples'),
    },
  };
  if (available) {
    if (fromObject('short')) {
      entry.shortHtml = render.inline(objectDoc, methodPath('short'));
      entry.shortFrom = { file: objectDoc.file, field: formatFieldPath(methodPath('short')) };
    } else entry.shortHtml = render.inline(doc, ['short']);
    entry.descriptionHtml = render.markdown(doc, ['description']);
    const notes = fromObject('notes') ? render.markdown(objectDoc, methodPath('notes')) : '';
    // Object notes often repeat a paragraph of the description (Jekyll showed one or the other).
    entry.notesHtml = notes && !htmlToText(entry.descriptionHtml).includes(htmlToText(notes)) ? notes : '';
    if (entry.notesHtml) entry.notesFrom = { file: objectDoc.file, field: formatFieldPath(methodPath('notes')) };
    // The URLs are optional, but one that is written must say something.
    const url = (field: string) => (fm[field] === undefined || fm[field] === null ? '' : stripNewlines(render.required(doc, [field])));
    entry.shortUrl = url('short-url');
    entry.fullUrl = url('full-url');
    entry.details = endpointDetails(render, doc, fm);
    // Jekyll drew the resource list between the description and the arguments; its assigns leak onwards.
    entry.resourceList = resourceRows(c.env, render, doc, c.resourceList);
    entry.requestBodyHtml = requestBody(render, doc, entry.resourceList);
    entry.arguments = withParamIds(render.params(doc, ['arguments'], fm.arguments), 'arg', ids);
    entry.returnsHtml = render.markdown(doc, ['returns']);
    entry.responseAttributes = withParamIds(render.params(doc, ['response-attributes'], fm['response-attributes']), 'attr', ids);
    const codes = safeEvaluate(c, render);
    const examples = buildExamples(render, doc, fm.examples, {
      codes,
      method: String(fm.method ?? ''),
      version: fm.version ?? version,
      defaultFile: fm.endpoint,
      label: c.responseCodes,
    });
    const stem = versionStem(fm.key, version);
    entry.tabs = examples.tabTypes.map((type) => exampleTab(stem, type, ids));
    entry.requests = examples.requests.map((s, n) => withSnippetIds(s, `${stem}-request-${n + 1}`, ids));
    entry.responses = examples.responses;
    entry.errors = examples.errors;
    const shape = c.tryIt ? requestShape(entry, c.tryIt, fm['try-it'] as boolean | undefined) : undefined;
    if (shape) entry.tryIt = shape;
  }
  entry.anchors = endpointAnchors(entry);
  return entry;
}

function withSnippetIds(sample: CodeSample, group: string, ids: PageIds): CodeSample {
  if (!sample.snippets) return sample;
  return { ...sample, snippets: sample.snippets.map((s) => ({ ...s, ...snippetTab(group, s.id, ids) })) };
}

/**
 * `page` as Liquid sees it on a page of ours. Jekyll's `page` was the one big reference page; strings that
 * link to "this page" (`{{ page.permalink | prepend: site.baseurl }}#…`) now mean the page being built.
 */
export function pageDocument(doc: Parameters<typeof liquidDocument>[0], collection: string, path: string): Record<string, unknown> {
  const page = liquidDocument(doc, collection);
  return page.permalink === undefined ? { ...page, permalink: `/${path}` } : page;
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
