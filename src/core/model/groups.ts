/**
 * Sorts the collected files by content type, validates the fields the generator needs, and ties every
 * endpoint to its object and version. All problems are gathered and reported together.
 */
import type { z } from 'zod';
import { ContentError, ContentErrors, type WarningSink } from '../errors.ts';
import type { SourceDocument } from '../front-matter.ts';
import { findUnknownKeys, keyTree, withExtraKeys, type KeyTree } from '../known-keys.ts';
import { formatFieldPath, getPath } from '../yaml.ts';
import { issueMessage } from '../zod-messages.ts';
import { productKey } from './products.ts';
import {
  CONTENT_TYPES,
  DOC_CONTENT_TYPES,
  FRONT_MATTER_SCHEMAS,
  DocSchema,
  FunctionSchema,
  EndpointSchema,
  FormSchema,
  ObjectSchema,
  StructureSchema,
  VersionObjectSchema,
  type DocFrontMatter,
  type EndpointFrontMatter,
  type FormFrontMatter,
  type FunctionFrontMatter,
  type ObjectFrontMatter,
  type StructureFrontMatter,
  type VersionObjectFrontMatter,
} from '../../schemas/front-matter.ts';

export interface Typed<T> {
  doc: SourceDocument;
  fm: T;
}

export interface ObjectGroup extends Typed<ObjectFrontMatter> {
  /** The product (`product-type`) the object belongs to; objects are unique per product. */
  product: string;
  versions: string[];
  latest: string;
  multiVersion: boolean;
  versionDocs: Map<string, Typed<VersionObjectFrontMatter>>;
  /** Method entries in the object's order, then endpoints the object does not list. */
  methodOrder: string[];
  /** version → key → endpoint file. Single-version objects keep every file under their one version. */
  endpoints: Map<string, Map<string, Typed<EndpointFrontMatter>>>;
}

export interface Groups {
  objects: ObjectGroup[];
  structures: Typed<StructureFrontMatter>[];
  docs: Typed<DocFrontMatter>[];
  forms: Typed<FormFrontMatter>[];
  functions: Typed<FunctionFrontMatter>[];
}

function validate<S extends z.ZodType>(schema: S, doc: SourceDocument, errors: ContentError[]): z.output<S> | undefined {
  const result = schema.safeParse(doc.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path as Array<string | number>;
    const missing = issue.code !== 'custom' && getPath(doc.data, path) === undefined;
    errors.push(
      new ContentError(
        { file: doc.file, field: formatFieldPath(path), line: doc.lineOf(path) ?? doc.lineOf(path.slice(0, -1)) ?? 2 },
        missing ? 'required field is missing' : issueMessage(issue),
      ),
    );
  }
  return undefined;
}

function duplicate(kind: string, id: string, first: SourceDocument, second: SourceDocument): ContentError {
  const field = kind === 'object' || kind === 'version object' ? 'endpoint' : 'key';
  return new ContentError(
    { file: second.file, field, line: second.lineOf([field]) ?? 2 },
    `duplicate ${kind} "${id}": ${first.file} declares it too`,
    'Each key may be used once per object and version.',
  );
}

export interface GroupOptions {
  /** Extra known front-matter keys by content type (`"*"`: all), from `front-matter.known-keys`. */
  knownKeys?: Record<string, string[]>;
}

/** Keys of a file that its content type's schema does not know: likely typos whose content is not shown. */
function unknownKeyWarnings(doc: SourceDocument, type: string, trees: Map<string, KeyTree | undefined>, options: GroupOptions) {
  if (!trees.has(type)) {
    const schema = FRONT_MATTER_SCHEMAS[type];
    const base = schema && keyTree(schema);
    const extra = [...(options.knownKeys?.['*'] ?? []), ...(options.knownKeys?.[type] ?? [])];
    trees.set(type, base && withExtraKeys(base, extra));
  }
  const tree = trees.get(type);
  if (!tree) return [];
  // Keys the reader invented (a title made from the file name) are not in the file and have no line.
  return findUnknownKeys(doc.data, tree).flatMap((u) => {
    const line = doc.lineOf(u.path, { key: true });
    if (line === undefined) return [];
    return [
      {
        file: doc.file,
        field: formatFieldPath(u.path),
        line,
        code: 'unknown-key' as const,
        message: `unknown key "${u.key}" (${type})${u.suggestion}`,
      },
    ];
  });
}

/** Objects, structures and forms are unique per product: the same slug in two products is two things. */
function scoped(doc: SourceDocument, id: string): string {
  return `${productKey(doc.data)}\0${id}`;
}

export function groupDocuments(documents: SourceDocument[], warnings: WarningSink, options: GroupOptions = {}): Groups {
  const errors: ContentError[] = [];
  const objects = new Map<string, ObjectGroup>();
  const versionObjects: Typed<VersionObjectFrontMatter>[] = [];
  const endpoints: Typed<EndpointFrontMatter>[] = [];
  const structures = new Map<string, Typed<StructureFrontMatter>>();
  const docs: Typed<DocFrontMatter>[] = [];
  const forms = new Map<string, Typed<FormFrontMatter>>();
  const functions = new Map<string, Typed<FunctionFrontMatter>>();
  const skipped = new Map<string, number>();
  const invalidObjects = new Set<string>();

  const trees = new Map<string, KeyTree | undefined>();

  for (const doc of documents) {
    for (const w of doc.warnings) warnings.add(w);
    for (const w of unknownKeyWarnings(doc, String(doc.data['content-type']), trees, options)) warnings.add(w);
    if ((DOC_CONTENT_TYPES as readonly unknown[]).includes(doc.data['content-type'])) {
      const fm = validate(DocSchema, doc, errors);
      if (fm) docs.push({ doc, fm });
      continue;
    }
    switch (doc.data['content-type']) {
      case CONTENT_TYPES.endpoint: {
        const fm = validate(EndpointSchema, doc, errors);
        if (fm) endpoints.push({ doc, fm });
        break;
      }
      case CONTENT_TYPES.object: {
        const fm = validate(ObjectSchema, doc, errors);
        // Its endpoints are not orphans: their object exists but has errors of its own.
        if (!fm) invalidObjects.add(scoped(doc, String(doc.data.endpoint)));
        if (!fm) break;
        // Jekyll makes the same title, so it stays; but the page heading and anchor change with the file name.
        if (doc.titleFromFileName) {
          warnings.add({
            file: doc.file,
            message: `no title: shown as ${JSON.stringify(fm.title)} (from the file name)`,
            hint: 'Give the object a `title:` in its front matter.',
          });
        }
        const prior = objects.get(scoped(doc, fm.endpoint));
        if (prior) errors.push(duplicate('object', fm.endpoint, prior.doc, doc));
        else objects.set(scoped(doc, fm.endpoint), newObjectGroup(doc, fm));
        break;
      }
      case CONTENT_TYPES.versionObject: {
        const fm = validate(VersionObjectSchema, doc, errors);
        if (fm) versionObjects.push({ doc, fm });
        break;
      }
      case CONTENT_TYPES.structure:
      case CONTENT_TYPES.subStructure: {
        const fm = validate(StructureSchema, doc, errors);
        if (!fm) break;
        const prior = structures.get(scoped(doc, fm.key));
        if (prior) errors.push(duplicate('structure', fm.key, prior.doc, doc));
        else structures.set(scoped(doc, fm.key), { doc, fm });
        break;
      }
      case CONTENT_TYPES.function: {
        const fm = validate(FunctionSchema, doc, errors);
        if (!fm) break;
        const prior = functions.get(scoped(doc, fm.key));
        if (prior) errors.push(duplicate('function', fm.key, prior.doc, doc));
        else functions.set(scoped(doc, fm.key), { doc, fm });
        break;
      }
      case CONTENT_TYPES.form: {
        const fm = validate(FormSchema, doc, errors);
        if (!fm) break;
        const prior = forms.get(scoped(doc, fm.key));
        if (prior) errors.push(duplicate('form', fm.key, prior.doc, doc));
        else forms.set(scoped(doc, fm.key), { doc, fm });
        break;
      }
      default:
        skipped.set(String(doc.data['content-type'] ?? '(none)'), (skipped.get(String(doc.data['content-type'] ?? '(none)')) ?? 0) + 1);
        break;
    }
  }
  if (skipped.size) {
    const kinds = [...skipped].map(([type, n]) => (n > 1 ? `${type} ×${n}` : type)).join(', ');
    warnings.add({
      file: documents[0].file.split('/')[0],
      message: `files of content types this generator does not render were skipped (${kinds}); Liquid still sees them in site.<collection>`,
    });
  }

  for (const v of versionObjects) {
    const group = objects.get(scoped(v.doc, v.fm.endpoint));
    if (!group) {
      errors.push(
        new ContentError(
          { file: v.doc.file, field: 'endpoint', line: v.doc.lineOf(['endpoint']) },
          `no api-object file has endpoint "${v.fm.endpoint}"`,
          otherProducts(objects, v.doc, v.fm.endpoint),
        ),
      );
    } else if (group.versionDocs.has(v.fm.version)) {
      errors.push(duplicate('version object', `${v.fm.endpoint} v${v.fm.version}`, group.versionDocs.get(v.fm.version)!.doc, v.doc));
    } else group.versionDocs.set(v.fm.version, v);
  }

  for (const e of endpoints) if (!invalidObjects.has(scoped(e.doc, e.fm.endpoint))) attachEndpoint(e, objects, errors, warnings);
  errors.push(...unknownSubStructures(structures));
  if (errors.length) throw new ContentErrors(errors);

  for (const group of objects.values()) {
    const listed = new Set(group.methodOrder);
    for (const byKey of group.endpoints.values()) {
      for (const [key, e] of byKey) {
        if (listed.has(key)) continue;
        listed.add(key);
        group.methodOrder.push(key);
        warnings.add({
          file: e.doc.file,
          field: 'key',
          line: e.doc.lineOf(['key']),
          message: `"${key}" is not in ${group.doc.file}'s available-methods; it is listed last`,
        });
      }
    }
  }
  for (const group of objects.values()) warnOverriddenTitles(group, warnings);
  return {
    objects: [...objects.values()],
    structures: [...structures.values()],
    docs,
    forms: [...forms.values()],
    functions: [...functions.values()],
  };
}

/** A `sub-structures` entry must name a structure file; Jekyll dropped unknown ones without a word. */
function unknownSubStructures(structures: Map<string, Typed<StructureFrontMatter>>): ContentError[] {
  return [...structures.values()].flatMap((s) =>
    (s.fm['sub-structures'] ?? []).flatMap((sub, i) => {
      if (structures.has(scoped(s.doc, sub.key))) return [];
      const product = productKey(s.doc.data);
      const known = [...structures.values()]
        .filter((o) => productKey(o.doc.data) === product)
        .map((o) => o.fm.key)
        .sort();
      const hint = `Known structure keys: ${known.slice(0, 8).join(', ')}${known.length > 8 ? `, … (${known.length} in all)` : ''}.`;
      return [
        new ContentError(
          { file: s.doc.file, field: `sub-structures[${i}].key`, line: s.doc.lineOf(['sub-structures', i, 'key']) },
          `no api-structure or api-sub-structure file has key "${sub.key}"`,
          hint,
        ),
      ];
    }),
  );
}

/**
 * The object's `available-methods` title is the heading shown (as on the Jekyll page); an endpoint file
 * whose own `title` says something else has that title silently unused, so say which one is shown.
 */
function warnOverriddenTitles(group: ObjectGroup, warnings: WarningSink): void {
  (group.fm['available-methods'] ?? []).forEach((m, i) => {
    if (m.title === undefined || m.title === null) return;
    for (const byKey of group.endpoints.values()) {
      const e = byKey.get(m.id);
      if (!e || String(e.doc.data.title).trim() === m.title.trim()) continue;
      // A title the reader made up from the file name (no line) was never the writer's.
      const line = e.doc.lineOf(['title']);
      if (line === undefined) continue;
      const at = `${group.doc.file}:${group.doc.lineOf(['available-methods', i, 'title']) ?? ''}`.replace(/:$/, '');
      warnings.add({
        file: e.doc.file,
        field: 'title',
        line,
        message: `title "${String(e.doc.data.title).trim()}" differs from the object's available-methods title "${m.title.trim()}" (${at}), which is the one shown`,
      });
    }
  });
}

/** The object's `available-methods` entry for `key` and its index there (-1 when not listed). */
export function methodEntry(group: ObjectGroup, key: string): { index: number; entry?: Record<string, unknown> } {
  const list = group.fm['available-methods'] ?? [];
  const index = list.findIndex((m) => m.id === key);
  return { index, entry: index >= 0 ? (list[index] as Record<string, unknown>) : undefined };
}

/** When the object exists in another product, the file's `product-type` is what is wrong. */
function otherProducts(objects: Map<string, ObjectGroup>, doc: SourceDocument, endpoint: string): string | undefined {
  const elsewhere = [...objects.values()].filter((g) => g.fm.endpoint === endpoint).map((g) => g.product);
  if (!elsewhere.length) return undefined;
  const own = productKey(doc.data);
  return `No such object in ${own ? `product "${own}"` : 'the files without a product-type'}, but one exists in ${elsewhere.map((p) => (p ? `product "${p}"` : 'the files without a product-type')).join(', ')}: set this file's product-type to match.`;
}

function newObjectGroup(doc: SourceDocument, fm: ObjectFrontMatter): ObjectGroup {
  const declared = (fm.versions ?? []).map((v) => v.number);
  const latest = fm['latest-version'] ?? declared[0] ?? '1';
  const versions = declared.length ? declared : [latest];
  return {
    doc,
    fm,
    product: productKey(doc.data),
    versions,
    latest,
    multiVersion: versions.length > 1,
    versionDocs: new Map(),
    methodOrder: (fm['available-methods'] ?? []).map((m) => m.id),
    endpoints: new Map(versions.map((v) => [v, new Map()])),
  };
}

function attachEndpoint(
  e: Typed<EndpointFrontMatter>,
  objects: Map<string, ObjectGroup>,
  errors: ContentError[],
  warnings: WarningSink,
): void {
  const group = objects.get(scoped(e.doc, e.fm.endpoint));
  if (!group) {
    errors.push(
      new ContentError(
        { file: e.doc.file, field: 'endpoint', line: e.doc.lineOf(['endpoint']) },
        `endpoint "${e.fm.key}" belongs to object "${e.fm.endpoint}", but no api-object file has endpoint: "${e.fm.endpoint}"`,
        otherProducts(objects, e.doc, e.fm.endpoint) ?? 'Add the object file, or fix the endpoint field to name an existing object.',
      ),
    );
    return;
  }
  const version = group.multiVersion ? (e.fm.version ?? group.latest) : group.latest;
  const byKey = group.endpoints.get(version);
  if (!byKey) {
    warnings.add({
      file: e.doc.file,
      field: 'version',
      line: e.doc.lineOf(['version']),
      message: `version "${version}" is not in ${group.doc.file}'s versions; the file is not shown`,
    });
    return;
  }
  const prior = byKey.get(e.fm.key);
  if (!prior) {
    byKey.set(e.fm.key, e);
    return;
  }
  // A single-version object may still hold older files of a method; the one matching its version wins.
  if (!group.multiVersion && prior.fm.version !== e.fm.version) {
    const keep = e.fm.version === group.latest ? e : prior;
    byKey.set(e.fm.key, keep);
    return;
  }
  errors.push(duplicate('endpoint', `${e.fm.key}${group.multiVersion ? ` (version ${version})` : ''}`, prior.doc, e.doc));
}
