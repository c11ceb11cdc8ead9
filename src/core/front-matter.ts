/**
 * Reads a Markdown file with YAML front matter. The file is split here (the way gray-matter split it, which
 * this project used before) and our YAML reader parses the front matter, so line numbers and Jekyll's alias
 * behaviour carry through. Front matter is only ever YAML: gray-matter would run `---js` front matter as
 * JavaScript (with `require` at hand), and content from a pull request must never run as code.
 */
import { assertConfined } from './confine.ts';
import { ContentError } from './errors.ts';
import { readTextFile } from './files.ts';
import type { ParseCache } from './parse-cache.ts';
import { parseYaml, type FieldPath, type ParsedYaml } from './yaml.ts';
import type { Limits } from '../schemas/limits.ts';

export interface SourceDocument {
  /** Path relative to the content root, with `/` separators; used in every message. */
  file: string;
  absolutePath: string;
  data: Record<string, unknown>;
  body: string;
  lineOf(path: FieldPath, options?: { key?: boolean }): number | undefined;
  warnings: ParsedYaml['warnings'];
  /** Set when the file has no title and `data.title` was made from its file name (collect.ts). */
  titleFromFileName?: boolean;
}

interface Split {
  /** The front matter from the end of the opening `---` (so its line 1 is that line), or none. */
  matter?: string;
  body: string;
}

const OPEN = '---';
const CLOSE = '\n---';

/**
 * gray-matter's rules, kept so every file reads as it did: front matter opens with `---` at the very start
 * (not `----`), runs to the first line that starts with `---`, and the body starts after that line; with no
 * closing line the whole rest is front matter. A word after the opening `---` (`---js`, `---coffee`) named
 * a gray-matter language engine; here it is an error.
 */
function splitFrontMatter(text: string, file: string): Split {
  if (!text.startsWith(OPEN) || text.charAt(OPEN.length) === '-') return { body: text };
  let rest = text.slice(OPEN.length);
  const newline = rest.indexOf('\n');
  const language = (newline < 0 ? rest : rest.slice(0, newline)).trim();
  if (language) {
    throw new ContentError(
      { file, line: 1 },
      `front matter opens with "---${language}": only YAML front matter is read, and content is never run as code`,
      'Start the file with a line holding just --- (YAML front matter), or remove the word after it.',
    );
  }
  const close = rest.indexOf(CLOSE);
  if (close < 0) return { matter: rest, body: '' };
  const matter = rest.slice(0, close);
  rest = rest.slice(close + CLOSE.length);
  if (rest.startsWith('\r')) rest = rest.slice(1);
  if (rest.startsWith('\n')) rest = rest.slice(1);
  return { matter, body: rest };
}

export function parseFrontMatter(text: string, file: string, absolutePath = file, limits?: Limits): SourceDocument {
  // Jekyll would copy an empty file through as a static file; here it is almost always a save gone wrong
  // (or a file created and not yet written), and skipping it silently would drop a page without a word.
  if (!text.trim()) {
    throw new ContentError(
      { file, line: 1 },
      'file is empty',
      'Add YAML front matter between --- lines (content-type, …), or delete the file.',
    );
  }
  const split = splitFrontMatter(text.replace(/\r\n?/g, '\n'), file);
  // Front matter of only blank and comment lines is an empty mapping, as gray-matter read it.
  const blank = split.matter === undefined || split.matter.replace(/^\s*#[^\n]+/gm, '').trim() === '';
  const parsed: ParsedYaml | undefined = blank ? undefined : parseYaml({ text: split.matter!, file, lineOffset: 0, limits });
  const data = parsed ? parsed.data : {};
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentError({ file, line: 2 }, 'front matter must be a YAML mapping of field: value');
  }
  return {
    file,
    absolutePath,
    data: data as Record<string, unknown>,
    body: split.body,
    lineOf: (path, options) => parsed?.lineOf(path, options),
    warnings: parsed?.warnings ?? [],
  };
}

export interface ReadFileOptions {
  /** The real folder the file must be inside (confine.ts); unchecked without it. */
  boundary?: string;
  limits?: Limits;
}

export function readFrontMatterFile(absolutePath: string, file: string, cache?: ParseCache, options: ReadFileOptions = {}): SourceDocument {
  if (options.boundary) assertConfined(absolutePath, file, options.boundary);
  const text = readTextFile(absolutePath, file);
  const key = `front-matter:${absolutePath}`;
  type Parsed = Pick<SourceDocument, 'data' | 'body' | 'warnings'>;
  const hit = cache?.get<Parsed, SourceDocument['lineOf']>(key, text);
  if (hit) return { file, absolutePath, ...hit.value, lineOf: hit.kept };
  const doc = parseFrontMatter(text, file, absolutePath, options.limits);
  cache?.set(key, text, { data: doc.data, body: doc.body, warnings: doc.warnings }, doc.lineOf);
  return doc;
}
