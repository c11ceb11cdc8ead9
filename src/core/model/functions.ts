/**
 * Function pages of a JavaScript client library (`stitch-js-function` files): the call, its description,
 * the properties of its `options` argument, and its examples (code, or prose such as "what the user
 * sees"), as Jekyll's `js-function.html` showed them, one page per function.
 */
import { functionAnchors } from './anchors.ts';
import { liquidDocument } from './collect.ts';
import { dedent, detectLanguage } from './curl.ts';
import { exampleId, PageIds, sectionId, withParamIds } from './deep-links.ts';
import { pageDocument } from './endpoint.ts';
import type { Typed } from './groups.ts';
import { PageRender, type RenderEnv } from './page-render.ts';
import { functionPath, type SitePaths } from './paths.ts';
import { productKey } from './products.ts';
import { formatFieldPath } from '../yaml.ts';
import type { FunctionFrontMatter } from '../../schemas/front-matter.ts';
import type { FunctionEntry } from '../../schemas/reference.ts';

export function buildFunction(env: RenderEnv, f: Typed<FunctionFrontMatter>, collection: string, paths: SitePaths): FunctionEntry {
  const { doc, fm } = f;
  const path = functionPath(fm.key, paths.product);
  const render = new PageRender(env, { page: pageDocument(doc, collection, path), function: liquidDocument(doc, collection) });
  const ids = new PageIds();
  const entryIds = {
    heading: ids.claim(fm.key),
    options: ids.claim(sectionId(fm.key, 'arguments')),
    // Jekyll's id for the examples heading.
    examples: ids.claim(`${fm.key}-example-usage`),
  };
  const title = render.text(doc, ['title']).trim();
  const definition = fm.definition !== undefined ? render.text(doc, ['definition']).trim() : title;
  const descriptionHtml = fm.description !== undefined ? render.markdown(doc, ['description']) : '';
  const options = withParamIds(render.params(doc, ['options'], fm.options), 'arg', ids);
  const examples = (fm.examples ?? []).map((ex, i) => {
    const at = ['examples', i];
    const type = ex.type !== undefined ? render.text(doc, [...at, 'type']).trim() : `Example ${i + 1}`;
    const code = ex.code !== undefined ? dedent(render.text(doc, [...at, 'code'])).trim() : '';
    return {
      title: type,
      id: ids.claim(exampleId(fm.key, type)),
      descriptionHtml: ex.description !== undefined ? render.markdown(doc, [...at, 'description']) : '',
      ...(code ? { sample: { lang: detectLanguage(code, ex.language ?? undefined), code, html: '' } } : {}),
      field: formatFieldPath(at),
    };
  });
  const entry: FunctionEntry = {
    kind: 'function',
    title,
    path,
    source: doc.file,
    product: productKey(doc.data),
    anchors: [],
    key: fm.key,
    definition,
    order: typeof fm.order === 'number' ? fm.order : Number.MAX_SAFE_INTEGER,
    descriptionHtml,
    options,
    examples,
    ids: entryIds,
  };
  entry.anchors = functionAnchors(entry);
  return entry;
}
