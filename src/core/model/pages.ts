/**
 * Object, structure, doc and form pages. Each gets a fresh render context whose `page` is its own file.
 */
import { liquidDocument } from './collect.ts';
import { detectLanguage, dedent } from './curl.ts';
import { isAvailable, versionLinks } from './endpoint.ts';
import { methodEntry, type ObjectGroup, type Typed } from './groups.ts';
import { idsIn } from './links.ts';
import { PageRender, type RenderEnv } from './page-render.ts';
import { endpointPath, formPath, guidePath, objectPath, structurePath, type SitePaths } from './paths.ts';
import { productKey, type Product } from './products.ts';
import type { SourceDocument } from '../front-matter.ts';
import { slugify } from '../liquid/jekyll-filters.ts';
import type { DocFrontMatter, FormFrontMatter, StructureFrontMatter } from '../../schemas/front-matter.ts';
import type { CodeSample, DocEntry, FormEntry, MethodLink, ObjectEntry, Param, StructureEntry } from '../../schemas/reference.ts';

function paramIds(params: Param[]): string[] {
  return params.flatMap((p) => [...idsIn(p.descriptionHtml), ...paramIds(p.children)]);
}

/** Example objects: JSON code blocks, titled by their `type` when there are several. */
function codeSamples(render: PageRender, doc: SourceDocument, examples: unknown): CodeSample[] {
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
  const render = new PageRender(env, {
    page: liquidDocument(doc, collection),
    object: liquidDocument(doc, collection),
    version: group.multiVersion ? { number: version } : null,
  });
  const title = render.text(doc, ['title']).trim();
  const heading = objectHeading(render, doc, title, render.product);
  const methods: MethodLink[] = group.methodOrder.flatMap((key) => {
    const { index, entry: method } = methodEntry(group, key);
    const e = group.endpoints.get(version)?.get(key);
    if (!e && !method) return [];
    const field = (name: string) => ['available-methods', index, name];
    return [
      {
        key,
        title: (method?.title !== undefined ? render.text(doc, field('title')) : render.text(e!.doc, ['title'])).trim(),
        method: String(method?.method ?? e?.fm.method ?? '').toUpperCase(),
        shortHtml: method?.short !== undefined ? render.inline(doc, field('short')) : e ? render.inline(e.doc, ['short']) : '',
        path: e ? endpointPath(paths, fm.endpoint, key, version, latest) : '',
        available: !!e && isAvailable(e, version),
      },
    ];
  });
  const attributes = [
    ...render.params(doc, ['common-attributes'], fm['common-attributes']),
    ...(versionDoc
      ? render.params(versionDoc.doc, ['object-attributes'], versionDoc.fm['object-attributes'])
      : render.params(doc, ['object-attributes'], fm['object-attributes'])),
  ];
  const examples = versionDoc ? codeSamples(render, versionDoc.doc, versionDoc.fm.examples) : codeSamples(render, doc, fm.examples);
  const descriptionHtml = render.markdown(doc, ['description']);
  const object = fm.endpoint;
  return {
    kind: 'object',
    title,
    heading,
    path: objectPath(paths, object, version, latest),
    source: versionDoc?.doc.file ?? doc.file,
    product: group.product,
    anchors: [
      object,
      `${slugify(title)}--object`,
      ...(methods.length ? [`${object}--methods`] : []),
      ...(attributes.length ? [`${object}--attributes`] : []),
      ...idsIn(descriptionHtml),
      ...paramIds(attributes),
    ],
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
}

export function buildStructure(env: RenderEnv, s: Typed<StructureFrontMatter>, collection: string, paths: SitePaths): StructureEntry {
  const raw = liquidDocument(s.doc, collection);
  const render = new PageRender(env, { page: raw, structure: raw });
  const descriptionHtml = render.markdown(s.doc, ['description']);
  const attributes = render.params(s.doc, ['object-attributes'], s.fm['object-attributes']);
  return {
    kind: 'structure',
    title: render.text(s.doc, ['title']).trim(),
    path: structurePath(s.fm.key, paths.product),
    source: s.doc.file,
    product: productKey(s.doc.data),
    anchors: [s.fm.key, ...idsIn(descriptionHtml), ...paramIds(attributes)],
    key: s.fm.key,
    sub: s.doc.data['content-type'] === 'api-sub-structure',
    descriptionHtml,
    attributes,
    examples: codeSamples(render, s.doc, s.fm.examples),
  };
}

export function buildForm(env: RenderEnv, f: Typed<FormFrontMatter>, collection: string, paths: SitePaths): FormEntry {
  const render = new PageRender(env, { page: liquidDocument(f.doc, collection), 'form-property': liquidDocument(f.doc, collection) });
  const descriptionHtml = f.doc.data.description !== undefined ? render.markdown(f.doc, ['description']) : '';
  const attributes = render.params(f.doc, ['object-attributes'], f.fm['object-attributes']);
  return {
    kind: 'form',
    title: render.text(f.doc, ['title']).trim(),
    path: formPath(f.fm.key, paths.product),
    source: f.doc.file,
    product: productKey(f.doc.data),
    anchors: [f.fm.key, ...idsIn(descriptionHtml), ...paramIds(attributes)],
    key: f.fm.key,
    formType: String(f.doc.data['form-type'] ?? ''),
    descriptionHtml,
    attributes,
  };
}

function docSection(render: PageRender, doc: SourceDocument, at: Array<string | number>, s: Record<string, unknown>, level = 2) {
  return {
    ...(s.title !== undefined ? { title: render.text(doc, [...at, 'title']).trim() } : {}),
    ...(s.anchor !== undefined ? { anchor: String(s.anchor) } : {}),
    level,
    html: s.content !== undefined ? render.markdown(doc, [...at, 'content']) : '',
  };
}

export function docSlug(doc: SourceDocument): string {
  return doc.file.replace(/^.*\//, '').replace(/\.(md|markdown)$/i, '');
}

export function buildDoc(env: RenderEnv, d: Typed<DocFrontMatter>, collection: string, paths: SitePaths): DocEntry | undefined {
  if (!d.fm.sections?.length) return undefined;
  const raw = liquidDocument(d.doc, collection);
  const render = new PageRender(env, { page: raw, doc: raw });
  const title = render.text(d.doc, ['title']).trim();
  const sections = d.fm.sections.flatMap((s, i) =>
    render.within({ section: s }, () => [
      docSection(render, d.doc, ['sections', i], s),
      // Subsections follow their section, each with `subsection` bound as the Jekyll loop did.
      ...(Array.isArray(s.subsections) ? s.subsections : []).map((sub: Record<string, unknown>, j: number) =>
        render.within({ subsection: sub }, () => docSection(render, d.doc, ['sections', i, 'subsections', j], sub, 3)),
      ),
    ]),
  );
  const anchor = d.fm.anchor ?? slugify(title);
  return {
    kind: 'doc',
    title,
    path: guidePath(docSlug(d.doc), paths.product),
    source: d.doc.file,
    product: productKey(d.doc.data),
    anchors: [anchor, ...sections.flatMap((s) => (s.anchor ? [s.anchor] : [])), ...sections.flatMap((s) => idsIn(s.html))],
    order: typeof d.fm.order === 'number' ? d.fm.order : Number.MAX_SAFE_INTEGER,
    anchor,
    sections,
  };
}
