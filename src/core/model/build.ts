/**
 * files -> config + data + documents -> Liquid -> model. The one entry point of the pure core: given a
 * content root it returns every reference page, fully rendered, or throws every content error it found.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig, SiteUrls } from '../config.ts';
import { assertConfined, boundaryFor } from '../confine.ts';
import { readTextFile } from '../files.ts';
import { proseCodeErrors } from '../prose-guard.ts';
import { ContentError, ContentErrors, WarningSink, type ContentWarning } from '../errors.ts';
import type { SourceDocument } from '../front-matter.ts';
import type { ParseCache } from '../parse-cache.ts';
import { parseFieldPath } from '../yaml.ts';
import { buildEndpoint } from './endpoint.ts';
import { createEngine, type Highlighter } from './engine.ts';
import { groupDocuments, methodEntry, type Groups } from './groups.ts';
import { checkProsePages } from './prose-check.ts';
import { buildLinkIndex, rewriteEntryLinks, type BrokenLink, type LinkIndex } from './links.ts';
import { entrySource, pathCollisions } from './collisions.ts';
import { buildDoc, docHasContent } from './docs.ts';
import { buildFunction } from './functions.ts';
import { buildForm, buildObject, buildStructure, StructureIndex } from './pages.ts';
import { REFERENCE_PATH, type SitePaths } from './paths.ts';
import { productKey, resolveProducts } from './products.ts';
import { listProsePages, type ProsePage } from './prose.ts';
import type { RenderCache, UnitInput } from './render-cache.ts';
import { entryWithHtml } from './sample-html.ts';
import { buildFrame, docInputs, groupInputs } from './units.ts';
import { renderedProducts, unknownProducts, unusedAliases } from './site-checks.ts';
import type { ReferenceEntry } from '../../schemas/reference.ts';

export type { Highlighter } from './engine.ts';
export type { ProsePage } from './prose.ts';

export interface BuildOptions {
  root: string;
  /** Extra config overlay (SITE_CONFIG). */
  configFile?: string;
  /** Synchronous highlighter for code samples and fenced blocks; plain escaped `<pre>` without one. */
  highlight?: Highlighter;
  /** Parsed files kept between builds of a long-running process (dev); omit for one-shot builds. */
  parseCache?: ParseCache;
  /** Pages kept between builds of a long-running process (dev): only pages whose inputs changed render again. */
  renderCache?: RenderCache;
  /** Highlight each code sample when its HTML is first read (dev: only the pages viewed), not up front. */
  lazyHighlight?: boolean;
  /**
   * Where the pages are served, when not where the content's own config says: a host site mounts the
   * reference under its own base and prefix, and Liquid's `site.baseurl` / `absolute_url` must agree.
   */
  site?: SiteUrls;
}

export interface BuildResult {
  config: LoadedConfig;
  entries: ReferenceEntry[];
  prose: ProsePage[];
  warnings: ContentWarning[];
  /** Which page holds each anchor; prose pages use it to resolve their own bare `#anchor` links. */
  links: LinkIndex;
  /** Every file the result depends on (config, data, documents, includes), for change detection. */
  files: string[];
}

function listIncludes(dirs: string[]): string[] {
  return dirs.filter(existsSync).flatMap((d) => readdirSync(d, { recursive: true, encoding: 'utf8' }).map((f) => path.join(d, f)));
}

export function buildReference(options: BuildOptions): BuildResult {
  const warnings = new WarningSink();
  try {
    return build(options, warnings);
  } catch (error) {
    if (error instanceof ContentErrors) error.warnings = warnings.list;
    throw error;
  }
}

function build(options: BuildOptions, warnings: WarningSink): BuildResult {
  const { loaded, data, collections, highlight, env, readErrors } = createEngine(options, warnings);
  const { config, paths, root } = loaded;
  const configFile = env.configFile;
  const collectionOf = new Map(collections.flatMap((c) => c.documents.map((d) => [d, c.name] as const)));
  let groups: Groups;
  try {
    groups = groupDocuments(
      collections.flatMap((c) => c.documents),
      warnings,
      { knownKeys: config['front-matter']['known-keys'] },
    );
  } catch (error) {
    // Schema errors of the files that did parse are listed with the files that did not.
    if (error instanceof ContentErrors) throw new ContentErrors([...readErrors, ...error.errors]);
    throw error;
  }
  if (readErrors.length) throw new ContentErrors(readErrors);
  const products = resolveProducts(config.products, renderedProducts(groups));
  const productOf = new Map(products.map((p) => [p.key, p]));
  env.products = productOf;
  const pathsOf = (product: string): SitePaths => ({ reference: REFERENCE_PATH, product: productOf.get(product)?.segment ?? '' });

  const cache = options.renderCache;
  cache?.begin(buildFrame(loaded, data, collections, products, listIncludes(paths.includes)));
  const errors: ContentError[] = [];
  const entries: ReferenceEntry[] = [];
  const attempt = (key: string, inputs: UnitInput[], make: () => ReferenceEntry | undefined) => {
    try {
      const entry = cache ? cache.unit(key, inputs, env, make) : make();
      if (entry) entries.push(entry);
    } catch (error) {
      if (error instanceof ContentErrors) errors.push(...error.errors);
      else if (error instanceof ContentError) errors.push(error);
      else throw error;
    }
  };

  for (const g of byOrder(groups.objects)) {
    const collection = collectionOf.get(g.doc)!;
    const sitePaths = pathsOf(g.product);
    // Latest version first: it claims the shared anchors (`#sources`, `#source--object`).
    const versions = [g.latest, ...g.versions.filter((v) => v !== g.latest)];
    const inputs = groupInputs(g, collection);
    for (const version of versions) {
      attempt(`object\0${g.doc.file}\0${version}`, inputs, () => buildObject(env, sitePaths, g, version, collection));
      // An id listed twice in available-methods is reported by the checker; its page is made once.
      for (const key of new Set(g.methodOrder)) {
        const endpoint = g.endpoints.get(version)?.get(key);
        if (!endpoint) continue;
        const { index: methodIndex, entry: method } = methodEntry(g, key);
        attempt(`endpoint\0${g.doc.file}\0${version}\0${key}`, inputs, () =>
          buildEndpoint({
            env,
            paths: sitePaths,
            group: g,
            version,
            endpoint,
            method,
            methodIndex,
            responseCodes: config['response-codes'],
            resourceList: config['resource-list'],
            tryIt: config['try-it'],
            collection,
          }),
        );
      }
    }
  }
  const structures = new StructureIndex(env, groups.structures, (doc) => collectionOf.get(doc)!, pathsOf);
  const structureInputs = docInputs(groups.structures, (doc) => collectionOf.get(doc)!);
  for (const s of groups.structures) {
    attempt(`structure\0${s.doc.file}`, structureInputs, () =>
      buildStructure(env, s, collectionOf.get(s.doc)!, pathsOf(productKey(s.doc.data)), structures),
    );
  }
  for (const d of byOrder(groups.docs)) {
    if (!docHasContent(env, d)) {
      const why = d.fm.include !== undefined ? `its include "${d.fm.include}" is not in the includes folders` : 'it has no sections';
      warnings.add({ file: d.doc.file, message: `doc "${d.fm.title}" has nothing to show (${why}); no page is made for it` });
      continue;
    }
    const docType = String(d.doc.data['content-type']);
    const groupOrder = Object.keys(config['doc-groups']).indexOf(docType);
    const group = { label: config['doc-groups'][docType] ?? docType, order: groupOrder < 0 ? Number.MAX_SAFE_INTEGER : groupOrder };
    attempt(`doc\0${d.doc.file}`, [JSON.stringify(group), ...docInputs([d], (doc) => collectionOf.get(doc)!)], () =>
      buildDoc(env, d, collectionOf.get(d.doc)!, pathsOf(productKey(d.doc.data)), group),
    );
  }
  for (const f of groups.forms)
    attempt(
      `form\0${f.doc.file}`,
      docInputs([f], (doc) => collectionOf.get(doc)!),
      () => buildForm(env, f, collectionOf.get(f.doc)!, pathsOf(productKey(f.doc.data))),
    );
  for (const f of byOrder(groups.functions)) {
    attempt(
      `function\0${f.doc.file}`,
      docInputs([f], (doc) => collectionOf.get(doc)!),
      () => buildFunction(env, f, collectionOf.get(f.doc)!, pathsOf(productKey(f.doc.data))),
    );
  }

  cache?.end();

  const prose = listProsePages(paths.pages, root, options.parseCache, loaded.boundaries);
  const proseBoundary = boundaryFor(paths.pages, root, loaded.boundaries);
  for (const p of prose) {
    try {
      const absolute = path.join(root, p.file);
      assertConfined(absolute, p.file, proseBoundary);
      if (/\.mdx$/i.test(p.file)) errors.push(...proseCodeErrors(readTextFile(absolute, p.file), p.file));
    } catch (error) {
      if (error instanceof ContentError) errors.push(error);
      else throw error;
    }
  }
  const documentOf = new Map(collections.flatMap((c) => c.documents).map((d) => [d.file, d]));
  // Objects' pages claim their URLs first, so a clash with an endpoint is reported at the endpoint's key.
  const kindOrder = ['object', 'endpoint', 'structure', 'form', 'function', 'doc'];
  const byKind = [...entries].sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
  errors.push(
    ...pathCollisions([
      ...byKind.map((e) => entrySource(e, documentOf)),
      ...prose.map((p) => ({ path: p.path, file: p.file, what: `prose page "${p.slug}"` })),
    ]),
  );
  if (errors.length) throw new ContentErrors(errors);
  if (loaded.layout === 'native') {
    unusedAliases(config.aliases, products, env.resolvedAliases!, configFile, warnings);
    unknownProducts(config.products, collections, configFile, warnings);
  }

  const index = buildLinkIndex(
    entries,
    prose.map((p) => p.path),
    config.baseurl,
    config['legacy-url'],
  );
  const proseProblems = checkProsePages(prose, root, entries, index);
  proseProblems.warnings.forEach((w) => warnings.add(w));
  const broken: BrokenLink[] = [...proseProblems.broken];
  const laxSources = new Set(
    collections.flatMap((c) => c.documents.filter((d) => env.laxTypes.has(String(d.data['content-type']))).map((d) => d.file)),
  );
  // A broken link that does not fail the build is shown as text: a link to nowhere helps no reader.
  const unlink = (source: string) => laxSources.has(source) || config['broken-links'] === 'warn';
  const linked = entries.map((e) => rewriteEntryLinks(e, index, broken, unlink(e.source)));
  // The link pass knows the field; the parsed file knows its line.
  for (const b of broken) if (b.line === undefined) b.line = lineOfField(documentOf.get(b.file), b.field);
  // Pages of lax content types are best effort: their broken links are reported and unlinked, not fatal.
  reportBroken(
    broken.filter((b) => laxSources.has(b.file)),
    true,
    warnings,
  );
  const linkErrors = reportBroken(
    broken.filter((b) => !laxSources.has(b.file)),
    config['broken-links'] === 'warn',
    warnings,
  );
  if (proseProblems.errors.length || linkErrors.length) throw new ContentErrors([...proseProblems.errors, ...linkErrors]);

  const final = linked.map((e) => entryWithHtml(e, highlight, options.lazyHighlight));

  return {
    config: loaded,
    entries: final,
    prose,
    warnings: warnings.list,
    links: index,
    files: [
      ...loaded.files,
      ...data.files,
      ...collections.flatMap((c) => c.documents.map((d) => d.absolutePath)),
      ...prose.map((p) => p.absolutePath),
      ...listIncludes(paths.includes),
    ],
  };
}

/**
 * The line of a field, or of the nearest enclosing field that has one. Text that came from site data on
 * behalf of a page (a resource-list row) has no line of its own: it is reported at the file's `key`.
 */
function lineOfField(doc: SourceDocument | undefined, field: string | undefined): number | undefined {
  if (!doc) return undefined;
  const path = field ? [...parseFieldPath(field)] : [];
  for (let n = path.length; n > 0; n--) {
    const line = doc.lineOf(path.slice(0, n));
    if (line !== undefined) return line;
  }
  return doc.lineOf(['key']) ?? doc.lineOf(['title']) ?? 1;
}

/** Stable sort by `order`; files without one come last. */
function byOrder<T extends { fm: { order?: number } }>(items: T[]): T[] {
  const key = (t: T) => (typeof t.fm.order === 'number' ? t.fm.order : Number.POSITIVE_INFINITY);
  return [...items].sort((a, b) => key(a) - key(b));
}

/** Broken links as warnings (`warnOnly`), or as the errors to throw. */
function reportBroken(broken: BrokenLink[], warnOnly: boolean, warnings: WarningSink): ContentError[] {
  if (warnOnly) {
    broken.forEach((b) => warnings.add(b));
    return [];
  }
  return broken.map(
    (b) => new ContentError(b, b.message, b.href.startsWith('#') ? 'Link to an anchor that some page defines, or fix the id.' : undefined),
  );
}
