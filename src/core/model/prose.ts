/**
 * Prose pages: MDX (or Markdown) files in the pages folder, rendered by the Astro side. The core lists them
 * and reads their front matter (title, description, order), so a missing title is reported with file, field
 * and line by a build and by `check` alike, before any MDX is compiled.
 */
import path from 'node:path';
import { z } from 'zod';
import { ContentError } from '../errors.ts';
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

const ProseFrontMatter = z.looseObject({
  title: z.string().min(1),
  description: z.string().optional(),
  order: z.number().optional(),
});

/** Every prose page under `dir`, sorted by file; unreadable or invalid ones go to `errors`. */
export function listProsePages(dir: string, root: string, errors: ContentError[], cache?: ParseCache): ProsePage[] {
  const pages: ProsePage[] = [];
  for (const absolutePath of listFiles(dir, PROSE)) {
    const file = path.relative(root, absolutePath).split(path.sep).join('/');
    const slug = path.relative(dir, absolutePath).replace(PROSE, '').split(path.sep).join('/');
    try {
      const doc = readFrontMatterFile(absolutePath, file, cache);
      const parsed = ProseFrontMatter.safeParse(doc.data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const at = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
          errors.push(
            new ContentError(
              { file, field: at.join('.'), line: doc.lineOf(at) ?? doc.lineOf([]) ?? 1 },
              issue.code === 'invalid_type' && doc.data[String(at[0])] === undefined ? 'is required' : issue.message,
              'A prose page needs `title` in its front matter; `description` (text) and `order` (a number) are optional.',
            ),
          );
        }
        continue;
      }
      const fm = parsed.data;
      pages.push({
        slug,
        path: guidePath(slug),
        file,
        absolutePath,
        title: fm.title,
        ...(fm.description ? { description: fm.description } : {}),
        order: fm.order ?? Number.MAX_SAFE_INTEGER,
      });
    } catch (error) {
      if (error instanceof ContentError) errors.push(error);
      else throw error;
    }
  }
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
