/**
 * The content-layer loader: one `buildReference` run per sync. Entries are stored with a digest of their
 * rendered data, so an edit to site data (which changes the rendered text of every page that reads it)
 * updates exactly the pages it affects, while untouched pages keep their cached render.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { buildReference, type BuildResult } from './core/model/build.ts';
import { ParseCache } from './core/parse-cache.ts';
import { ContentError, ContentErrors, formatWarning } from './core/errors.ts';
import { createCodeHighlighter, highlightCacheFile, type CodeHighlighter } from './core/highlight.ts';
import { ReferenceEntrySchema } from './schemas/reference.ts';
import type { SiteOptions } from './site-options.ts';
import { publishLinkIndex } from './utils/prose-links.ts';
import { currentContentErrors, publishSiteConfig, publishedSiteConfig, setContentErrors } from './utils/content-status.ts';

export function toAstroError(error: unknown): unknown {
  if (error instanceof ContentErrors || error instanceof ContentError) {
    return new AstroError(error.message, 'Fix the file named above; the build writes nothing until every content error is gone.');
  }
  return error;
}

/** Shown in full up to this many; a big Jekyll tree can have hundreds of harmless data-file warnings. */
const WARNINGS_SHOWN = 25;

function reportWarnings(result: BuildResult, logger: LoaderContext['logger']): void {
  const all = process.env.SHOW_ALL_WARNINGS === '1';
  // Warnings about pages first; those about data files (often unrelated to the reference) after.
  const dataDir = path.relative(result.config.root, result.config.paths.data).split(path.sep).join('/');
  const fromData = (file: string) => file === dataDir || file.startsWith(`${dataDir}/`);
  const ordered = [...result.warnings.filter((w) => !fromData(w.file)), ...result.warnings.filter((w) => fromData(w.file))];
  const shown = all ? ordered : ordered.slice(0, WARNINGS_SHOWN);
  for (const w of shown) logger.warn(formatWarning(w));
  const hidden = result.warnings.length - shown.length;
  if (hidden > 0) logger.warn(`…and ${hidden} more warnings (SHOW_ALL_WARNINGS=1 lists them all)`);
}

const LOADER_NAME = 'api-reference-loader';
const PREBUILT = Symbol.for('api-reference.prebuilt');
type Handoff = { [PREBUILT]?: { options: SiteOptions; result: BuildResult } };

/**
 * scripts/build.ts builds the model before starting Astro (so bad content fails in a second, before any
 * output exists); the loader then takes that result instead of building it twice.
 */
export function handOverPrebuilt(options: SiteOptions, result: BuildResult): void {
  (globalThis as Handoff)[PREBUILT] = { options, result };
}

function takePrebuilt(options: SiteOptions): BuildResult | undefined {
  const handoff = (globalThis as Handoff)[PREBUILT];
  delete (globalThis as Handoff)[PREBUILT];
  const same = handoff && handoff.options.root === options.root && handoff.options.configFile === options.configFile;
  return same ? handoff.result : undefined;
}

/**
 * Dev: show content errors on every page (src/middleware.ts) until a good sync clears them. Writing to the
 * meta store makes Astro save the store and send the browser a full reload, in both directions, even when
 * no page's data changed (e.g. the file was put back exactly as it was).
 */
function setDevErrors(context: LoaderContext, root: string, errors: ContentError[] | undefined): void {
  if (!errors && !currentContentErrors()) return;
  setContentErrors(errors ? { root, errors } : undefined);
  context.meta.set('content-errors', errors ? `${Date.now()}:${errors.length}` : '');
}

type RefreshContent = (options: { loaders?: string[]; context?: Record<string, unknown> }) => Promise<void>;
const REFRESH = Symbol.for('api-reference.refresh-content');
const REFRESH_REASON = 'api-reference: content changed';
const REFRESH_COUNT = Symbol.for('api-reference.refreshes-started');
const refreshCount: { started: number } = ((globalThis as { [REFRESH_COUNT]?: { started: number } })[REFRESH_COUNT] ??= { started: 0 });

/**
 * The integration hands over Astro's `refreshContent` (astro:server:setup). The loader is loaded through
 * Vite's module runner, a separate module instance from the integration's, hence a global. Syncing through
 * it rather than calling syncData directly makes Astro write the store at once instead of after its 500 ms
 * save debounce, so a save reaches the open page half a second sooner.
 */
export function publishContentRefresh(refresh: RefreshContent): void {
  (globalThis as { [REFRESH]?: RefreshContent })[REFRESH] = refresh;
}

interface ServerState {
  highlighter?: Promise<CodeHighlighter>;
  saveTimer?: ReturnType<typeof setTimeout>;
  parseCache: ParseCache;
}
const STATE = Symbol.for('api-reference.loader-state');

function serverState(options: SiteOptions): ServerState {
  const all = ((globalThis as { [STATE]?: Map<string, ServerState> })[STATE] ??= new Map());
  const key = `${options.root}\0${options.configFile ?? ''}`;
  return all.get(key) ?? all.set(key, { parseCache: new ParseCache() }).get(key)!;
}

export function referenceLoader(options: SiteOptions): Loader {
  if (!options.root) throw new AstroError('referenceLoader needs a content root', 'Set CONTENT_ROOT or keep the default `content/`.');

  // For the life of the server, one highlighter (unchanged samples are not highlighted again after an
  // edit) and one parse cache (a save re-parses only the files that changed). Kept globally per content:
  // Astro re-evaluates the content config, and so makes a new loader, between syncs.
  const state = serverState(options);
  const highlighter = () =>
    (state.highlighter ??= createCodeHighlighter({ cacheFile: highlightCacheFile(options.root, options.configFile) }));
  /** Writes the highlight cache once edits settle, off the path from a save to the updated page. */
  const saveLater = () => {
    clearTimeout(state.saveTimer);
    state.saveTimer = setTimeout(() => void state.highlighter?.then((h) => h.save()), 3000);
    state.saveTimer.unref();
  };
  const parseCache = state.parseCache;

  /**
   * Re-sync after a save: through Astro's refreshContent when it takes the request, else directly. Astro
   * drops a refresh silently while it is (re)loading the content config, so check that ours ran. The count
   * is global: a refresh may reach a loader instance from a re-evaluated content config, not this one.
   */
  async function resync(context: LoaderContext): Promise<void> {
    const refresh = (globalThis as { [REFRESH]?: RefreshContent })[REFRESH];
    for (let attempt = 0; refresh && attempt < 2; attempt++) {
      const before = refreshCount.started;
      await refresh({ loaders: [LOADER_NAME], context: { reason: REFRESH_REASON } });
      if (refreshCount.started > before) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    await syncData(context);
  }

  async function syncData(context: LoaderContext): Promise<BuildResult | undefined> {
    const { store, logger, generateDigest, parseData, watcher, config } = context;
    const projectRoot = fileURLToPath(config.root);
    let result: BuildResult;
    let prebuilt: BuildResult | undefined;
    try {
      prebuilt = watcher ? undefined : takePrebuilt(options);
      result = prebuilt ?? buildReference({ ...options, highlight: await highlighter(), ...(watcher ? { parseCache } : {}) });
    } catch (error) {
      // While previewing, keep the last good pages and report; a build must stop.
      if (watcher && (error instanceof ContentErrors || error instanceof ContentError)) {
        logger.error(error.message);
        setDevErrors(context, options.root, error instanceof ContentErrors ? error.errors : [error]);
        return undefined;
      }
      throw toAstroError(error);
    }
    if (!prebuilt) saveLater();
    if (watcher) setDevErrors(context, options.root, undefined);
    reportWarnings(result, logger);
    publishLinkIndex({
      index: result.links,
      root: result.config.root,
      pagesDir: result.config.paths.pages,
      brokenLinks: result.config.config['broken-links'],
    });
    // A config edit (say, the site title) may change no entry, and so would not reload the page by itself.
    const configBefore = publishedSiteConfig();
    publishSiteConfig(result.config.config);
    if (watcher && configBefore && JSON.stringify(configBefore) !== JSON.stringify(result.config.config)) {
      context.meta.set('site-config', generateDigest(result.config.config as unknown as Record<string, unknown>));
    }

    const ids = new Set(result.entries.map((e) => e.path));
    for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
    for (const entry of result.entries) {
      const digest = generateDigest(entry as unknown as Record<string, unknown>);
      if (store.get(entry.path)?.digest === digest) continue;
      const data = await parseData({ id: entry.path, data: entry as unknown as Record<string, unknown> });
      const filePath = path.relative(projectRoot, path.join(result.config.root, entry.source)).split(path.sep).join('/');
      store.set({ id: entry.path, data, digest, filePath });
    }
    logger.info(
      `${result.entries.length} reference pages from ${path.relative(process.cwd(), result.config.root) || '.'}${prebuilt ? ' (model built by the build script)' : ''}`,
    );
    return result;
  }

  return {
    name: LOADER_NAME,
    schema: ReferenceEntrySchema,
    load: async (context) => {
      const refreshed = context.refreshContextData?.reason === REFRESH_REASON;
      if (refreshed) refreshCount.started++;
      const result = await syncData(context);
      const { watcher, logger } = context;
      // A refresh we asked for re-syncs only; the watcher is wired once, on the first load.
      if (!watcher || refreshed) return;
      // Watch the content root plus anything outside it the build read (config overlay, preset includes).
      const roots = [options.root, ...(result?.files ?? []).filter((f) => !f.startsWith(options.root + path.sep))];
      const watched = new Set(roots);
      watcher.add([...watched]);
      let pending: ReturnType<typeof setTimeout> | undefined;
      const onChange = (changed: string) => {
        const inScope = [...watched].some((w) => changed === w || changed.startsWith(w + path.sep));
        if (!inScope) return;
        clearTimeout(pending);
        pending = setTimeout(() => {
          logger.info(`content changed (${path.relative(process.cwd(), changed)}), rebuilding reference`);
          resync(context).catch((error: unknown) => logger.error(String((error as Error).message ?? error)));
        }, 50);
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}
