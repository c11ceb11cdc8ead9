/**
 * Object, structure, doc and form pages. Each gets a fresh render context whose `page` is its own file.
 */
import { objectAnchors, structureAnchors } from './anchors.ts';
import { liquidDocument } from './collect.ts';
import { detectLanguage, dedent } from './curl.ts';
import { PageIds, sectionId, withParamIds } from './deep-links.ts';
import { isAvailable, pageDocument, versionLinks } from './endpoint.ts';
import { methodEntry, type ObjectGroup, type Typed } from './groups.ts';
import { PageRender, type RenderEnv } from './page-render.ts';
import { endpointPath, formPath, objectPath, structurePath, type SitePaths } from './paths.ts';
import type { SourceDocument } from '../front-matter.ts';
import { slugify } from '../liquid/jekyll-filters.ts';
import type { FormFrontMatter, StructureFrontMatter } from '../../schemas/front-matter.ts';
import type { CodeSample, FormEntry, MethodLink, ObjectEntry, StructureEntry } from '../../schemas/reference.ts';

/** Example objects: JSON code blocks, titled by their `type` when there are several. */
export function codeSamples(render: PageRender, doc: SourceDocument, examples: unknown): CodeSample[] {
  if (!Array.isArray(examples)) return [];
  return examples.flatMap((raw, i) => {
    const ex = (raw ?? {}) as Record<string, unknown>;
    if (ex.code === undefined) return [];
    const code = dedent(render.text(doc, ['examples', i, 'code'])).trim();
    const title = ex.type !== undefined ? render.text(doc, ['examples', i, 'type']).trim() : undefined;
    return [
      {
        ...(title ? { title } : {}),
        lang: detectLanguage(code, typeof ex.language === 'string' ? ex.language : undefined),
        code,
        html: '',
      },
    ];
  });
}

/** "Source" → "Sources", "Address" → "Addresses", "Entry" → "Entries": headings for lists of objects. */
export function pluralize(title: string): string {
  if (/(s|x|z|ch|sh)$/i.test(title)) return `${title}es`;
  if (/[^aeiou]y$/i.test(title)) return `${title.slice(0, -1)}ies`;
  return `${title}s`;
}

export function buildObject(env: RenderEnv, paths: SitePaths, group: ObjectGroup, version: string, collection: string): ObjectEntry {
  const { doc, fm } = group;
  const latest = version === group.latest;
  const versionDoc = group.versionDocs.get(version);
  const path = objectPath(paths, fm.endpoint, version, latest);
  const render = new PageRender(env, {
    page: pageDocument(doc, collection, path),
    object: liquidDocument(doc, collection),
    version: group.multiVersion ? { number: version } : null,
  });
  const title = render.required(doc, ['title']);
  const methods: MethodLink[] = group.methodOrder.flatMap((key) => {
    const { index, entry: method } = methodEntry(group, key);
    const e = group.endpoints.get(version)?.get(key);
    if (!e && !method) return [];
    const field = (name: string) => ['available-methods', index, name];
    const fromEndpoint = method?.short === undefined && e && e.doc.data.short !== undefined;
    return [
      {
        key,
        title: (method?.title !== undefined ? render.text(doc, field('title')) : render.text(e!.doc, ['title'])).trim(),
        method: String(method?.method ?? e?.fm.method ?? '').toUpperCase(),
        shortHtml: method?.short !== undefined ? render.inline(doc, field('short')) : e ? render.inline(e.doc, ['short']) : '',
        ...(fromEndpoint ? { shortFrom: { file: e.doc.file, field: 'short' } } : {}),
        path: e ? endpointPath(paths, fm.endpoint, key, version, latest) : '',
        available: !!e && isAvailable(e, version),
      },
    ];
  });
  const object = fm.endpoint;
  const pageIds = new PageIds();
  const ids = {
    page: pageIds.claim(object),
    object: pageIds.claim(`${slugify(title)}--object`),
    methods: pageIds.claim(sectionId(object, 'methods')),
    attributes: pageIds.claim(sectionId(object, 'attributes')),
  };
  const attributes = withParamIds(
    [
      ...render.params(doc, ['common-attributes'], fm['common-attributes']),
      ...(versionDoc
        ? render.params(versionDoc.doc, ['object-attributes'], versionDoc.fm['object-attributes'])
        : render.params(doc, ['object-attributes'], fm['object-attributes'])),
    ],
    'attr',
    pageIds,
  );
  const examples = versionDoc ? codeSamples(render, versionDoc.doc, versionDoc.fm.examples) : codeSamples(render, doc, fm.examples);
  const descriptionHtml = render.markdown(doc, ['description']);
  const entry: ObjectEntry = {
    kind: 'object',
    title,
    heading: pluralize(title),
    path,
    source: versionDoc?.doc.file ?? doc.file,
    anchors: [],
    ids,
    object,
    order: typeof fm.order === 'number' ? fm.order : Number.MAX_SAFE_INTEGER,
    version,
    latest,
    versions: versionLinks(group, paths),
    descriptionHtml,
    introShort: fm['intro-short'] !== undefined ? render.text(doc, ['intro-short']).trim() : '',
    methods,
    attributes,
    examples,
  };
  entry.anchors = objectAnchors(entry);
  return entry;
}

export function buildStructure(env: RenderEnv, s: Typed<StructureFrontMatter>, collection: string, all: StructureIndex): StructureEntry {
  const raw = liquidDocument(s.doc, collection);
  const path = structurePath(s.fm.key);
  const render = new PageRender(env, { page: pageDocument(s.doc, collection, path), structure: raw });
  const descriptionHtml = render.markdown(s.doc, ['description']);
  const pageIds = new PageIds();
  const ids = {
    heading: pageIds.claim(s.fm.key),
    attributes: pageIds.claim(sectionId(s.fm.key, 'attributes')),
    examples: pageIds.claim(sectionId(s.fm.key, 'examples')),
    subStructures: pageIds.claim(sectionId(s.fm.key, 'sub-structures')),
  };
  const attributes = withParamIds(render.params(s.doc, ['object-attributes'], s.fm['object-attributes']), 'attr', pageIds);
  const entry: StructureEntry = {
    kind: 'structure',
    title: render.required(s.doc, ['title']),
    path,
    source: s.doc.file,
    anchors: [],
    ids,
    key: s.fm.key,
    sub: s.doc.data['content-type'] === 'api-sub-structure',
    descriptionHtml,
    attributes,
    examples: codeSamples(render, s.doc, s.fm.examples),
    subStructures: (s.fm['sub-structures'] ?? []).flatMap((sub) => all.link(sub.key) ?? []),
    parents: all.parentsOf(s.fm.key),
  };
  entry.anchors = structureAnchors(entry);
  return entry;
}

/**
 * Structures by key, for the links between a structure and its `sub-structures`: a title, a page and a
 * one-line summary (the first paragraph of the description, rendered in the linked structure's own context).
 */
export class StructureIndex {
  private readonly byKey: Map<string, Typed<StructureFrontMatter>>;
  private readonly summaries = new Map<string, { title: string; summaryHtml: string }>();
  private readonly env: RenderEnv;
  private readonly collectionOf: (doc: SourceDocument) => string;

  constructor(env: RenderEnv, structures: Typed<StructureFrontMatter>[], collectionOf: (doc: SourceDocument) => string) {
    this.env = env;
    this.collectionOf = collectionOf;
    this.byKey = new Map(structures.map((s) => [s.fm.key, s]));
  }

  link(key: string): { key: string; title: string; path: string; summaryHtml: string } | undefined {
    const s = this.byKey.get(key);
    if (!s) return undefined;
    let known = this.summaries.get(key);
    if (!known) {
      const collection = this.collectionOf(s.doc);
      const render = new PageRender(this.env, {
        page: pageDocument(s.doc, collection, structurePath(key)),
        structure: liquidDocument(s.doc, collection),
      });
      try {
        known = { title: render.text(s.doc, ['title']).trim(), summaryHtml: firstParagraph(render.markdown(s.doc, ['description'])) };
      } catch {
        // The structure's own page reports what is wrong with it; here it is only named.
        known = { title: String(s.fm.title), summaryHtml: '' };
      }
      this.summaries.set(key, known);
    }
    return { key, path: structurePath(key), ...known };
  }

  /** The structures that list `key`, named only (a sub-structure page links back to its parents). */
  parentsOf(key: string): Array<{ key: string; title: string; path: string; summaryHtml: string }> {
    return [...this.byKey.values()]
      .filter((p) => (p.fm['sub-structures'] ?? []).some((sub) => sub.key === key))
      .flatMap((p) => {
        const link = this.link(p.fm.key);
        return link ? [{ ...link, summaryHtml: '' }] : [];
      });
  }
}

function firstParagraph(html: string): string {
  return /<p>[\s\S]*?<\/p>/.exec(html)?.[0] ?? '';
}

export function buildForm(env: RenderEnv, f: Typed<FormFrontMatter>, collection: string): FormEntry {
  const path = formPath(f.fm.key);
  const render = new PageRender(env, { page: pageDocument(f.doc, collection, path), 'form-property': liquidDocument(f.doc, collection) });
  const descriptionHtml = f.doc.data.description !== undefined ? render.markdown(f.doc, ['description']) : '';
  const pageIds = new PageIds();
  const ids = {
    heading: pageIds.claim(f.fm.key),
    attributes: pageIds.claim(sectionId(f.fm.key, 'attributes')),
    examples: pageIds.claim(sectionId(f.fm.key, 'examples')),
  };
  const attributes = withParamIds(render.params(f.doc, ['object-attributes'], f.fm['object-attributes']), 'attr', pageIds);
  const entry: FormEntry = {
    kind: 'form',
    title: render.required(f.doc, ['title']),
    path,
    source: f.doc.file,
    anchors: [],
    ids,
    key: f.fm.key,
    formType: String(f.doc.data['form-type'] ?? ''),
    descriptionHtml,
    attributes,
  };
  entry.anchors = structureAnchors(entry);
  return entry;
}
