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
import { productKey, type Product } from './products.ts';
import type { SourceDocument } from '../front-matter.ts';
import { slugify } from '../liquid/jekyll-filters.ts';
import { documentRead } from '../liquid/reads.ts';
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

/**
 * The heading of an object's section, sidebar entry and index card. Nothing is pluralised by code: the
 * object's own `plural`, else its product's `object-heading` rule (a Liquid template, e.g. Jekyll's
 * `object.title | append: "s"` for one product only), else the title.
 */
function objectHeading(render: PageRender, doc: SourceDocument, title: string, product: Product | undefined): string {
  if (doc.data.plural !== undefined && doc.data.plural !== null) return render.text(doc, ['plural']).trim() || title;
  const rule = product?.objectHeading;
  if (rule === undefined) return title;
  return render.fromConfig(`products.${product!.key}.object-heading`, rule).trim() || title;
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
  const heading = objectHeading(render, doc, title, render.product);
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
    heading,
    path,
    source: versionDoc?.doc.file ?? doc.file,
    product: group.product,
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

export function buildStructure(
  env: RenderEnv,
  s: Typed<StructureFrontMatter>,
  collection: string,
  paths: SitePaths,
  all: StructureIndex,
): StructureEntry {
  const raw = liquidDocument(s.doc, collection);
  const path = structurePath(s.fm.key, paths.product);
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
    product: productKey(s.doc.data),
    anchors: [],
    ids,
    key: s.fm.key,
    sub: s.doc.data['content-type'] === 'api-sub-structure',
    descriptionHtml,
    attributes,
    examples: codeSamples(render, s.doc, s.fm.examples),
    subStructures: (s.fm['sub-structures'] ?? []).flatMap((sub) => all.link(entryProduct(s.doc), sub.key) ?? []),
    parents: all.parentsOf(entryProduct(s.doc), s.fm.key),
  };
  entry.anchors = structureAnchors(entry);
  return entry;
}

const entryProduct = (doc: SourceDocument) => productKey(doc.data);

/**
 * Structures by product and key, for the links between a structure and its `sub-structures` (which name
 * structures of the same product): a title, a page and a one-line summary (the first paragraph of the
 * description, rendered in the linked structure's own context).
 */
export class StructureIndex {
  private readonly byKey: Map<string, Typed<StructureFrontMatter>>;
  /** Made once per build; `reads` are what making it read, counted for every page that shows it. */
  private readonly summaries = new Map<string, { title: string; summaryHtml: string; reads: Set<string> }>();
  private readonly env: RenderEnv;
  private readonly collectionOf: (doc: SourceDocument) => string;
  private readonly pathsOf: (product: string) => SitePaths;

  constructor(
    env: RenderEnv,
    structures: Typed<StructureFrontMatter>[],
    collectionOf: (doc: SourceDocument) => string,
    pathsOf: (product: string) => SitePaths,
  ) {
    this.env = env;
    this.collectionOf = collectionOf;
    this.pathsOf = pathsOf;
    this.byKey = new Map(structures.map((s) => [`${entryProduct(s.doc)}\0${s.fm.key}`, s]));
  }

  link(product: string, key: string): { key: string; title: string; path: string; summaryHtml: string } | undefined {
    const id = `${product}\0${key}`;
    const s = this.byKey.get(id);
    if (!s) return undefined;
    const path = structurePath(key, this.pathsOf(product).product);
    let known = this.summaries.get(id);
    const outer = this.env.engine.reads;
    if (!known) {
      // A page showing the summary depends on the structure's file too.
      const reads = new Set<string>([documentRead(s.doc)]);
      this.env.engine.reads = reads;
      const collection = this.collectionOf(s.doc);
      try {
        const render = new PageRender(this.env, {
          page: pageDocument(s.doc, collection, path),
          structure: liquidDocument(s.doc, collection),
        });
        known = {
          title: render.text(s.doc, ['title']).trim(),
          summaryHtml: firstParagraph(render.markdown(s.doc, ['description'])),
          reads,
        };
      } catch {
        // The structure's own page reports what is wrong with it; here it is only named.
        known = { title: String(s.fm.title), summaryHtml: '', reads };
      } finally {
        this.env.engine.reads = outer;
      }
      this.summaries.set(id, known);
    }
    for (const r of known.reads) outer?.add(r);
    return { key, path, title: known.title, summaryHtml: known.summaryHtml };
  }

  /** The structures of `product` that list `key`, named only (a sub-structure page links back to its parents). */
  parentsOf(product: string, key: string): Array<{ key: string; title: string; path: string; summaryHtml: string }> {
    return [...this.byKey.values()]
      .filter((p) => entryProduct(p.doc) === product && (p.fm['sub-structures'] ?? []).some((sub) => sub.key === key))
      .flatMap((p) => {
        const link = this.link(product, p.fm.key);
        return link ? [{ ...link, summaryHtml: '' }] : [];
      });
  }
}

function firstParagraph(html: string): string {
  return /<p>[\s\S]*?<\/p>/.exec(html)?.[0] ?? '';
}

export function buildForm(env: RenderEnv, f: Typed<FormFrontMatter>, collection: string, paths: SitePaths): FormEntry {
  const path = formPath(f.fm.key, paths.product);
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
    product: productKey(f.doc.data),
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
