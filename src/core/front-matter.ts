/**
 * Reads a Markdown file with YAML front matter. gray-matter splits the file; our YAML reader parses the
 * front matter so line numbers and Jekyll's alias behaviour carry through.
 */
import matter from 'gray-matter';
import { ContentError } from './errors.ts';
import { readTextFile } from './files.ts';
import type { ParseCache } from './parse-cache.ts';
import { parseYaml, type FieldPath, type ParsedYaml } from './yaml.ts';

export interface SourceDocument {
  /** Path relative to the content root, with `/` separators; used in every message. */
  file: string;
  absolutePath: string;
  data: Record<string, unknown>;
  body: string;
  lineOf(path: FieldPath, options?: { key?: boolean }): number | undefined;
  warnings: ParsedYaml['warnings'];
}

export function parseFrontMatter(text: string, file: string, absolutePath = file): SourceDocument {
  // Jekyll would copy an empty file through as a static file; here it is almost always a save gone wrong
  // (or a file created and not yet written), and skipping it silently would drop a page without a word.
  if (!text.trim()) {
    throw new ContentError(
      { file, line: 1 },
      'file is empty',
      'Add YAML front matter between --- lines (content-type, …), or delete the file.',
    );
  }
  let parsed: ParsedYaml | undefined;
  // gray-matter leaves a lone \r at the end of CRLF front matter; line numbers are unaffected.
  const result = matter(text.replace(/\r\n?/g, '\n'), {
    engines: {
      yaml: (source: string) => {
        // gray-matter hands us the text after the opening `---`, so its line 1 is the delimiter line.
        parsed = parseYaml({ text: source, file, lineOffset: 0 });
        return parsed.data as object;
      },
    },
  });
  const data = result.data as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentError({ file, line: 2 }, 'front matter must be a YAML mapping of field: value');
  }
  return {
    file,
    absolutePath,
    data: data as Record<string, unknown>,
    body: result.content,
    lineOf: (path, options) => parsed?.lineOf(path, options),
    warnings: parsed?.warnings ?? [],
  };
}

export function readFrontMatterFile(absolutePath: string, file: string, cache?: ParseCache): SourceDocument {
  const text = readTextFile(absolutePath, file);
  const key = `front-matter:${absolutePath}`;
  type Parsed = Pick<SourceDocument, 'data' | 'body' | 'warnings'>;
  const hit = cache?.get<Parsed, SourceDocument['lineOf']>(key, text);
  if (hit) return { file, absolutePath, ...hit.value, lineOf: hit.kept };
  const doc = parseFrontMatter(text, file, absolutePath);
  cache?.set(key, text, { data: doc.data, body: doc.body, warnings: doc.warnings }, doc.lineOf);
  return doc;
}
