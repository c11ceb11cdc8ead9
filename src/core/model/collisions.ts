/**
 * One URL, one source. Page paths are slugs (`Delete-A-Webhook!` and `delete-a-webhook` both become
 * `delete-a-webhook/`), and an endpoint key `v1` lands where the object's version 1 page is; the site can
 * hold only one of them, so two sources of one path are an error naming both files and lines.
 */
import { ContentError } from '../errors.ts';
import type { SourceDocument } from '../front-matter.ts';
import type { ReferenceEntry } from '../../schemas/reference.ts';

export interface PageSource {
  path: string;
  file: string;
  field?: string;
  line?: number;
  /** What made the page, for the message: `endpoint "list-widgets"`. */
  what: string;
}

/** Where an entry's path comes from: the field whose value is the last part of the URL. */
export function entrySource(entry: ReferenceEntry, documentOf: ReadonlyMap<string, SourceDocument>): PageSource {
  const doc = documentOf.get(entry.source);
  const at = (field: string | undefined, what: string): PageSource => ({
    path: entry.path,
    file: entry.source,
    ...(field ? { field, line: doc?.lineOf([field]) } : {}),
    what,
  });
  switch (entry.kind) {
    case 'endpoint':
      return at('key', `endpoint "${entry.key}"${entry.latest ? '' : ` (version ${entry.version})`}`);
    case 'object': {
      if (entry.latest) return at('endpoint', `object "${entry.object}"`);
      const versions = Array.isArray(doc?.data.versions) ? (doc.data.versions as Array<{ number?: unknown }>) : [];
      const i = versions.findIndex((v) => String(v?.number) === entry.version);
      const what = `version ${entry.version} of object "${entry.object}"`;
      if (i < 0) return at(undefined, what);
      return { path: entry.path, file: entry.source, field: `versions[${i}].number`, line: doc?.lineOf(['versions', i, 'number']), what };
    }
    case 'structure':
      return at('key', `structure "${entry.key}"`);
    case 'form':
      return at('key', `form "${entry.key}"`);
    case 'function':
      return at('key', `function "${entry.key}"`);
    case 'doc':
      return at(undefined, `doc "${entry.title}" (named after its file)`);
  }
}

function describe(s: PageSource): string {
  return `${s.line ? `${s.file}:${s.line}` : s.file}${s.field ? ` (field "${s.field}")` : ''}`;
}

/** An error for every page path that more than one source produces, reported at the later source. */
export function pathCollisions(sources: PageSource[]): ContentError[] {
  const first = new Map<string, PageSource>();
  const errors: ContentError[] = [];
  for (const s of sources) {
    const prior = first.get(s.path);
    if (!prior) {
      first.set(s.path, s);
      continue;
    }
    errors.push(
      new ContentError(
        { file: s.file, field: s.field, line: s.line },
        `page URL /${s.path} of ${s.what} is also the URL of ${prior.what} from ${describe(prior)}; one of the two pages would be lost`,
        'Give one of them another key (URLs are made from keys and file names as slugs: case, spaces and punctuation do not count).',
      ),
    );
  }
  return errors;
}
