/**
 * Doc pages: files of the doc content types (`api-doc`, `overview`, `guide`, `js-doc`), each made of
 * `sections` (with `subsections`) and optionally an `include` rendered after them, as Jekyll's
 * developer layout rendered them. Every titled section gets an id (its `anchor`, else one made from its
 * title), so it is linkable and listed under "On this page".
 */
import { docAnchors } from './anchors.ts';
import { liquidDocument } from './collect.ts';
import { PageIds } from './deep-links.ts';
import { pageDocument } from './endpoint.ts';
import type { Typed } from './groups.ts';
import { PageRender, type RenderEnv } from './page-render.ts';
import { guidePath, type SitePaths } from './paths.ts';
import { productKey } from './products.ts';
import type { SourceDocument } from '../front-matter.ts';
import { slugify } from '../liquid/jekyll-filters.ts';
import { formatFieldPath } from '../yaml.ts';
import type { DocFrontMatter } from '../../schemas/front-matter.ts';
import type { DocEntry, DocSection } from '../../schemas/reference.ts';

export function docSlug(doc: SourceDocument): string {
  return doc.file.replace(/^.*\//, '').replace(/\.(md|markdown)$/i, '');
}

/** Whether a doc makes a page: it has sections, or an include the includes folders hold. */
export function docHasContent(env: RenderEnv, d: Typed<DocFrontMatter>): boolean {
  return !!d.fm.sections?.length || (!!d.fm.include && env.engine.hasInclude(d.fm.include));
}

function section(
  render: PageRender,
  doc: SourceDocument,
  at: Array<string | number>,
  s: Record<string, unknown>,
  level: number,
  ids: PageIds,
): DocSection {
  const title = s.title !== undefined ? render.text(doc, [...at, 'title']).trim() : '';
  const anchor = s.anchor !== undefined ? String(s.anchor).trim() : title ? slugify(title) : '';
  return {
    ...(title ? { title } : {}),
    ...(title && anchor ? { id: ids.claim(anchor) } : {}),
    level,
    html: s.content !== undefined ? render.markdown(doc, [...at, 'content']) : '',
    field: formatFieldPath(at),
  };
}

export interface DocGroup {
  label: string;
  order: number;
}

/**
 * `group` is the doc's sidebar group; its label also titles a doc whose `title` is empty (Jekyll showed
 * such a doc as the untitled opening of its page).
 */
export function buildDoc(env: RenderEnv, d: Typed<DocFrontMatter>, collection: string, paths: SitePaths, group: DocGroup): DocEntry {
  const raw = liquidDocument(d.doc, collection);
  const path = guidePath(docSlug(d.doc), paths.product);
  const render = new PageRender(env, { page: pageDocument(d.doc, collection, path), doc: raw });
  const ownTitle = render.text(d.doc, ['title']).trim();
  const title = ownTitle || group.label;
  const ids = new PageIds();
  const anchor = ids.claim(d.fm.anchor ?? slugify(title));
  const sections = (d.fm.sections ?? []).flatMap((s, i) =>
    render.within({ section: s }, () => [
      section(render, d.doc, ['sections', i], s, 2, ids),
      // Subsections follow their section, each with `subsection` bound as the Jekyll loop did.
      ...(Array.isArray(s.subsections) ? s.subsections : []).map((sub: Record<string, unknown>, j: number) =>
        render.within({ subsection: sub }, () => section(render, d.doc, ['sections', i, 'subsections', j], sub, 3, ids)),
      ),
    ]),
  );
  if (!!d.fm.include && env.engine.hasInclude(d.fm.include)) {
    // Jekyll's layout ran `{% include {{doc.include}} %}` after the sections; its HTML is used as it is.
    const html = render.text(d.doc, ['include'], `{% include ${d.fm.include} %}`).trim();
    if (html) sections.push({ level: 2, html, field: 'include' });
  }
  const entry: DocEntry = {
    kind: 'doc',
    title,
    path,
    source: d.doc.file,
    product: productKey(d.doc.data),
    anchors: [],
    docType: String(d.doc.data['content-type']),
    group: group.label,
    groupOrder: group.order,
    order: typeof d.fm.order === 'number' ? d.fm.order : Number.MAX_SAFE_INTEGER,
    anchor,
    sections,
  };
  entry.anchors = docAnchors(entry);
  return entry;
}
