/**
 * Prose pages: MDX (or Markdown) files in the pages folder, rendered by the Astro side. The core lists them
 * with what the navigation needs from their front matter (title, description, order). Whether that front
 * matter, the MDX and its links are valid is judged by prose-check.ts, which reports every problem with
 * file and line; here an unreadable page just gets a title from its file name.
 */
import path from 'node:path';
import { boundaryFor } from '../confine.ts';
import { listFiles } from '../files.ts';
import { readFrontMatterFile } from '../front-matter.ts';
import type { ParseCache } from '../parse-cache.ts';
import { guidePath } from './paths.ts';

export interface ProsePage {
  slug: string;
  /** Page path under the reference root, e.g. `guides/introduction/`. */
  path: string;
  /** Relative to the content root, `/`-separated. */
  file: string;
  absolutePath: string;
  title: string;
  description?: string;
  /** Sidebar position among guides; pages without one come last. */
  order: number;
}

const PROSE = /\.mdx?$/i;

function frontMatter(absolutePath: string, file: string, cache: ParseCache | undefined, boundary: string): Record<string, unknown> {
  try {
    // A page outside the content root (a symlink out of it) is refused by the build; its title is not read.
    return readFrontMatterFile(absolutePath, file, cache, { boundary }).data;
  } catch {
    return {};
  }
}

/** Every prose page under `dir`, by `order`, then title. */
export function listProsePages(dir: string, root: string, cache?: ParseCache, boundaries?: ReadonlyMap<string, string>): ProsePage[] {
  const boundary = boundaryFor(dir, root, boundaries);
  const pages = listFiles(dir, PROSE, { boundary, root }).map((absolutePath): ProsePage => {
    const file = path.relative(root, absolutePath).split(path.sep).join('/');
    const slug = path.relative(dir, absolutePath).replace(PROSE, '').split(path.sep).join('/');
    const fm: Record<string, unknown> = frontMatter(absolutePath, file, cache, boundary);
    return {
      slug,
      path: guidePath(slug),
      file,
      absolutePath,
      title: typeof fm.title === 'string' && fm.title ? fm.title : path.basename(slug),
      ...(typeof fm.description === 'string' && fm.description ? { description: fm.description } : {}),
      order: typeof fm.order === 'number' ? fm.order : Number.MAX_SAFE_INTEGER,
    };
  });
  return pages.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}

/**
 * The line of a prose file where a link to `href` is written (`](#x)`, `href="#x"`), for a message about it;
 * the rendered HTML no longer knows. The first such line, else the first line that mentions it at all.
 */
export function lineOfLink(text: string, href: string): number | undefined {
  const lines = text.split(/\r\n?|\n/);
  const written = [`](${href})`, `](${href} `, `"${href}"`, `'${href}'`, `<${href}>`];
  const at = lines.findIndex((l) => written.some((w) => l.includes(w)));
  const any = at >= 0 ? at : lines.findIndex((l) => l.includes(href));
  return any >= 0 ? any + 1 : undefined;
}
