/**
 * Prose (MDX) pages: the compiled page comes from `virtual:api-reference/pages` (lazy imports the
 * integration generates for the pages folder), its title and order from the model. Prose pages are often
 * written for a one-page Jekyll original and link to bare `#anchors` of the reference: every link of the
 * rendered page is resolved against the model's link index as the reference's own links are, and one that
 * lands nowhere is reported with file and line.
 */
import { readFileSync } from 'node:fs';
import pages from 'virtual:api-reference/pages';
import { ContentError, ContentErrors } from '../core/errors.ts';
import { brokenMessage, resolveRenderedLinks } from '../core/model/links.ts';
import { lineOfLink, type ProsePage } from '../core/model/prose.ts';
import { session } from './reference.ts';

export async function proseContent(page: ProsePage) {
  const load = pages[page.absolutePath];
  // The list is regenerated when pages are added; a page the model knows and the list does not is a race.
  if (!load) throw new Error(`${page.file} is not in the list of prose pages yet; reload the page.`);
  return (await load()).Content;
}

export async function resolveProseLinks(html: string, page: ProsePage): Promise<string> {
  const model = await session.model();
  const { html: out, broken } = resolveRenderedLinks(html, model.links);
  if (!broken.length) return out;
  const source = readFileSync(page.absolutePath, 'utf8');
  const errors = broken.map(
    (href) =>
      new ContentError(
        { file: page.file, line: lineOfLink(source, href) },
        brokenMessage(href, page.path),
        href.startsWith('#') ? 'Link to an anchor that some page defines, or fix the id.' : undefined,
      ),
  );
  if (model.config.config['broken-links'] !== 'warn') throw new ContentErrors(errors);
  for (const e of errors) console.warn(`[api-reference] ${e.message}`);
  return out;
}
