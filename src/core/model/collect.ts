/**
 * Reads every Markdown file in the reference folders. Files of kinds we render are sorted into groups;
 * all of them (like Jekyll's collections) are also exposed to Liquid as `site.<folder name>`.
 */
import path from 'node:path';
import { boundaryFor } from '../confine.ts';
import { readFrontMatterFile, type SourceDocument } from '../front-matter.ts';
import type { ParseCache } from '../parse-cache.ts';
import type { Limits } from '../../schemas/limits.ts';
import { ContentError, ContentErrors } from '../errors.ts';
import { listFiles } from '../files.ts';

export interface Collection {
  /** `site.<name>` in Liquid: the folder name without Jekyll's leading underscore. */
  name: string;
  documents: SourceDocument[];
}

const MARKDOWN = /\.(md|markdown)$/i;

/** Jekyll gives a document without a title one made from its file name. */
function titleFromFile(file: string): string {
  return path
    .basename(file)
    .replace(MARKDOWN, '')
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

export interface ReadOptions {
  /** The loaded config's folder boundaries (confine.ts); worked out from `root` without them. */
  boundaries?: ReadonlyMap<string, string>;
  limits?: Limits;
}

/**
 * Throws every unreadable file together; with `sink`, records them there instead and returns the files that
 * did parse (the checker uses that to go on validating the rest).
 */
export function collectDocuments(
  folders: string[],
  root: string,
  sink?: ContentError[],
  cache?: ParseCache,
  options: ReadOptions = {},
): Collection[] {
  const errors: ContentError[] = sink ?? [];
  const seen = new Set<string>();
  const collections = folders.map((folder) => {
    const documents: SourceDocument[] = [];
    const boundary = boundaryFor(folder, root, options.boundaries);
    let files: string[] = [];
    try {
      files = listFiles(folder, MARKDOWN, { boundary, root });
    } catch (error) {
      if (error instanceof ContentError) errors.push(error);
      else throw error;
    }
    for (const absolute of files) {
      const file = path.relative(root, absolute).split(path.sep).join('/');
      seen.add(`front-matter:${absolute}`);
      try {
        const doc = readFrontMatterFile(absolute, file, cache, { boundary, limits: options.limits });
        // A new data object, not an edit of it: the parse cache keeps `data`, and the next read must still
        // see that the file has no title of its own.
        if (doc.data.title == null) Object.assign(doc, { data: { ...doc.data, title: titleFromFile(file) }, titleFromFileName: true });
        documents.push(doc);
      } catch (error) {
        if (error instanceof ContentError) errors.push(error);
        else throw error;
      }
    }
    return { name: path.basename(folder).replace(/^_/, ''), documents };
  });
  cache?.prune('front-matter:', seen);
  if (errors.length && !sink) throw new ContentErrors(errors);
  return collections;
}

/** The Liquid-visible form of a document: its front matter plus Jekyll's document variables. */
export function liquidDocument(doc: SourceDocument, collection: string): Record<string, unknown> {
  return {
    ...doc.data,
    path: doc.file,
    relative_path: doc.file,
    collection,
    content: doc.body,
  };
}
