/**
 * Finds and reads the site config of a content root. A native root has `site.yml`; a Jekyll tree has
 * `_config.yml`, which the jekyll preset maps onto the same shape without the tree being edited. An
 * optional overlay file (the SITE_CONFIG env var) adds what the tree itself does not say, such as the
 * aliases its Jekyll includes used to bind.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { assertConfined, folderBoundary, isInside, realOr } from './confine.ts';
import { ContentError, ContentErrors, type ContentWarning } from './errors.ts';
import { readTextFile } from './files.ts';
import { findUnknownKeys, keyTree, type KeyTree } from './known-keys.ts';
import { closest } from './suggest.ts';
import { themeWarnings } from './theme.ts';
import { issueMessage } from './zod-messages.ts';
import { formatFieldPath, getPath, parseYaml, type FieldPath } from './yaml.ts';
import { normaliseBase, SiteConfigSchema, type SiteConfig } from '../schemas/site-config.ts';

export const NATIVE_CONFIG = 'site.yml';
export const JEKYLL_CONFIG = '_config.yml';

export interface ResolvedPaths {
  data: string;
  reference: string[];
  pages: string;
  includes: string[];
}

export interface LoadedConfig {
  root: string;
  layout: 'native' | 'jekyll';
  config: SiteConfig;
  /** Every key of the config files, as Liquid sees it under `site`. */
  raw: Record<string, unknown>;
  paths: ResolvedPaths;
  /** Config files read, for change detection. */
  files: string[];
  /** Unknown keys in site.yml or the overlay (and YAML warnings of the config files). */
  warnings: ContentWarning[];
  /**
   * Each folder of `paths` → the real folder its files must stay inside (confine.ts): the content root for
   * folders in it, the folder itself for folders an overlay adds elsewhere.
   */
  boundaries: Map<string, string>;
}

interface ConfigFile {
  /** As messages name it: relative to the content root (or the overlay's folder). */
  file: string;
  data: Record<string, unknown>;
  lineOf(path: FieldPath, options?: { key?: boolean }): number | undefined;
  warnings: ContentWarning[];
}

function readYamlMapping(absolute: string, root: string): ConfigFile {
  const file = path.relative(root, absolute) || absolute;
  const parsed = parseYaml({ text: readTextFile(absolute, file), file });
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    throw new ContentError({ file, line: 1 }, 'the site config must be a YAML mapping');
  }
  return { file, data: parsed.data as Record<string, unknown>, lineOf: parsed.lineOf, warnings: parsed.warnings };
}

const SITE_CONFIG_KEYS: KeyTree = keyTree(SiteConfigSchema)!;

/**
 * Unknown keys of a config file. In site.yml, other top-level keys are the site's own `site.<key>`
 * variables, so only one that looks like a typo of a known key is reported; below a known section
 * (`folders`, `liquid`, …) and anywhere in an overlay, which holds only settings, every unknown key is.
 */
function unknownConfigKeys(config: ConfigFile, kind: 'site' | 'overlay'): ContentWarning[] {
  return findUnknownKeys(config.data, SITE_CONFIG_KEYS).flatMap((u) => {
    const topLevel = u.path.length === 1;
    if (kind === 'site' && topLevel && closest(u.key, SITE_CONFIG_KEYS.keys.keys()) === undefined) return [];
    return [
      {
        file: config.file,
        field: formatFieldPath(u.path),
        line: config.lineOf(u.path, { key: true }),
        code: 'unknown-key',
        message: `unknown key "${u.key}" in the site config${u.suggestion}`,
      },
    ];
  });
}

/**
 * The content's own config (site.yml, _config.yml) may only name folders inside the content root: a pull
 * request that sets `includes: /` would otherwise publish any file through `{% include %}`. Folders outside
 * the root can come only from a SITE_CONFIG overlay, which is not part of the content.
 */
function assertFoldersInside(raw: Record<string, unknown>, root: string, file: string, lineOf: ConfigFile['lineOf']): void {
  const folders = raw.folders;
  if (!folders || typeof folders !== 'object') return;
  for (const [key, value] of Object.entries(folders as Record<string, unknown>)) {
    const list = Array.isArray(value) ? value : [value];
    list.forEach((entry, i) => {
      if (typeof entry !== 'string' || isInside(path.resolve(root, entry), root)) return;
      const at = Array.isArray(value) ? ['folders', key, i] : ['folders', key];
      throw new ContentError(
        { file, field: formatFieldPath(at), line: lineOf(at) },
        `folder "${entry}" is outside the content root`,
        'Content folders must be inside the content root; a folder elsewhere belongs in a SITE_CONFIG overlay.',
      );
    });
  }
}

/** Jekyll collections live in `_<name>` folders (under `collections_dir` when set). */
function jekyllCollectionFolders(raw: Record<string, unknown>, root: string): string[] {
  const collections = raw.collections;
  const names = Array.isArray(collections)
    ? collections.map(String)
    : collections && typeof collections === 'object'
      ? Object.keys(collections)
      : [];
  const dir = typeof raw.collections_dir === 'string' ? raw.collections_dir : '';
  return names
    .map((name) => path.join(dir, `_${name}`))
    .filter((folder) => existsSync(path.join(root, folder)) && statSync(path.join(root, folder)).isDirectory());
}

function jekyllToSiteConfig(raw: Record<string, unknown>, root: string, lineOf: ConfigFile['lineOf']): Record<string, unknown> {
  const reference = jekyllCollectionFolders(raw, root);
  const outside = reference.find((folder) => !isInside(path.resolve(root, folder), root));
  if (outside !== undefined) {
    const field =
      raw.collections_dir !== undefined && !isInside(path.resolve(root, String(raw.collections_dir)), root)
        ? 'collections_dir'
        : 'collections';
    throw new ContentError(
      { file: JEKYLL_CONFIG, field, line: lineOf([field]) },
      `collection folder "${outside}" is outside the content root`,
    );
  }
  return {
    ...raw,
    title: raw.title ?? raw.site_title,
    folders: { data: '_data', includes: ['_includes'], pages: '_pages-mdx', reference },
  };
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && prev && typeof prev === 'object' && !Array.isArray(prev)
        ? deepMerge(prev as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}

/** Folder paths in an overlay are relative to the overlay file, so a preset can ship its own includes. */
function absolutiseFolders(raw: Record<string, unknown>, baseDir: string): Record<string, unknown> {
  const folders = raw.folders as Record<string, string | string[]> | undefined;
  if (!folders) return raw;
  const abs = (p: string) => path.resolve(baseDir, p);
  return {
    ...raw,
    folders: Object.fromEntries(Object.entries(folders).map(([k, v]) => [k, Array.isArray(v) ? v.map(abs) : abs(v)])),
  };
}

/** Where the pages are served: an origin (`url`) and a path under it (`baseurl`, no trailing slash). */
export interface SiteUrls {
  url?: string;
  baseurl?: string;
}

/**
 * The config with `url` / `baseurl` replaced where `urls` gives them, as Liquid (`site.baseurl`,
 * `absolute_url`) and the link index see them. The content's own values describe a site of its own; a host
 * site that mounts the reference elsewhere says where.
 */
export function withSiteUrls(loaded: LoadedConfig, urls: SiteUrls | undefined): LoadedConfig {
  if (!urls || (urls.url === undefined && urls.baseurl === undefined)) return loaded;
  const url = urls.url === undefined ? loaded.config.url : urls.url.replace(/\/+$/, '');
  const baseurl = urls.baseurl === undefined ? loaded.config.baseurl : normaliseBase(urls.baseurl);
  return { ...loaded, config: { ...loaded.config, url, baseurl }, raw: { ...loaded.raw, url, baseurl } };
}

export function loadSiteConfig(rootInput: string, overlayFile?: string): LoadedConfig {
  const root = path.resolve(rootInput);
  if (!existsSync(root)) {
    throw new ContentError({ file: root }, 'content root does not exist', 'Set CONTENT_ROOT to a folder holding site.yml or _config.yml.');
  }
  const native = path.join(root, NATIVE_CONFIG);
  const jekyll = path.join(root, JEKYLL_CONFIG);
  const files: string[] = [];
  const sources: ConfigFile[] = [];
  const warnings: ContentWarning[] = [];
  let raw: Record<string, unknown>;
  let layout: LoadedConfig['layout'];
  if (existsSync(native)) {
    layout = 'native';
    files.push(native);
    assertConfined(native, NATIVE_CONFIG, realOr(root)); // a link out of the root is refused like any content file
    const site = readYamlMapping(native, root);
    assertFoldersInside(site.data, root, NATIVE_CONFIG, site.lineOf);
    sources.push(site);
    raw = site.data;
    warnings.push(...site.warnings, ...unknownConfigKeys(site, 'site'));
  } else if (existsSync(jekyll)) {
    layout = 'jekyll';
    files.push(jekyll);
    assertConfined(jekyll, JEKYLL_CONFIG, realOr(root));
    // _config.yml is Jekyll's: dozens of keys Jekyll and its plugins read, so none is reported.
    const config = readYamlMapping(jekyll, root);
    sources.push(config);
    warnings.push(...config.warnings); // YAML's own (duplicate keys, unknown tags) still count
    raw = jekyllToSiteConfig(config.data, root, config.lineOf);
  } else {
    throw new ContentError(
      { file: root },
      `no ${NATIVE_CONFIG} or ${JEKYLL_CONFIG} in the content root`,
      'A native site needs site.yml; a Jekyll tree is recognised by its _config.yml.',
    );
  }

  if (overlayFile) {
    const overlay = path.resolve(overlayFile);
    if (!existsSync(overlay)) throw new ContentError({ file: overlay }, 'SITE_CONFIG file does not exist');
    files.push(overlay);
    const over = readYamlMapping(overlay, root);
    sources.push(over);
    warnings.push(...over.warnings, ...unknownConfigKeys(over, 'overlay'));
    raw = deepMerge(raw, absolutiseFolders(over.data, path.dirname(overlay)));
  }

  const parsed = SiteConfigSchema.safeParse(raw);
  if (!parsed.success) {
    // Every wrong field at once, each in the file that sets it (the overlay wins where both do).
    throw new ContentErrors(
      parsed.error.issues.map((issue) => {
        const at = issue.path as Array<string | number>;
        const source = sources.findLast((s) => getPath(s.data, at) !== undefined) ?? sources[0];
        const line = source.lineOf(at) ?? source.lineOf(at.slice(0, -1));
        return new ContentError(
          { file: source.file, field: formatFieldPath(at), ...(line ? { line } : {}) },
          `invalid site config: ${issueMessage(issue)}`,
        );
      }),
    );
  }
  const config = parsed.data;
  // Suspicious but usable settings (a faint accent colour), each in the file and line that sets it.
  for (const w of themeWarnings(config.theme)) {
    const source = sources.findLast((s) => getPath(s.data, w.path) !== undefined) ?? sources[0];
    const line = source.lineOf(w.path);
    warnings.push({ file: source.file, field: formatFieldPath(w.path), ...(line ? { line } : {}), message: w.message });
  }
  const abs = (p: string) => path.resolve(root, p);
  const paths: ResolvedPaths = {
    data: abs(config.folders.data),
    reference: config.folders.reference.map(abs),
    pages: abs(config.folders.pages),
    includes: config.folders.includes.map(abs),
  };
  const configFile = path.relative(root, files.at(-1)!) || files.at(-1)!;
  const boundaries = new Map<string, string>();
  for (const [key, value] of Object.entries(paths)) {
    for (const folder of Array.isArray(value) ? value : [value])
      boundaries.set(folder, folderBoundary(folder, root, configFile, `folders.${key}`));
  }
  return {
    root,
    layout,
    config,
    raw: { ...raw, title: config.title, url: config.url, baseurl: config.baseurl },
    paths,
    files,
    warnings,
    boundaries,
  };
}
