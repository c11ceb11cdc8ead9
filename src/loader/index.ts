/**
 * `referenceLoader()`: the reference as a content collection, for a site that wants the rendered entries in
 * its own `content.config.ts` (the integration's own pages do not use it):
 *
 *   import { referenceLoader } from 'api-reference/loader';
 *   export const collections = { reference: defineCollection({ loader: referenceLoader({ root: 'docs' }) }) };
 *
 * One entry per reference page (id: its page path), with the data of src/schemas/reference.ts. Entries are
 * stored with a digest of their rendered data, so an edit to site data updates exactly the entries it
 * changes. In dev the loader watches the content and re-syncs; a content error is logged and published in
 * the collection's meta store (key `content-errors`), the last good entries stay, and the next good sync
 * clears it. A build with content errors fails, naming file, field and line.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { ContentErrors } from '../core/errors.ts';
import { highlightCacheFile } from '../core/highlight.ts';
import { toAstroError } from '../integration/errors.ts';
import { reportWarnings } from '../integration/prebuild.ts';
import { ReferenceSession } from '../runtime/session.ts';
import { ReferenceEntrySchema } from '../schemas/reference.ts';

const LoaderOptionsSchema = z.strictObject({
  /** The content root, relative to the Astro project root. */
  root: z.string().min(1, 'root must name the content folder'),
  /** A config overlay laid over the content's own config. */
  config: z.string().min(1).optional(),
  /** Liquid's `site.baseurl` and the base of rewritten links, when not the content's own `baseurl`. */
  baseurl: z.string().optional(),
  /** Liquid's `site.url`, when not the content's own `url`. */
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }).optional(),
});

export type ReferenceLoaderOptions = z.input<typeof LoaderOptionsSchema>;

export const LOADER_NAME = 'api-reference';
/** Meta-store key holding the current content errors (JSON: file, line, field, message), while there are any. */
export const ERRORS_KEY = 'content-errors';
/** Saves in one burst make one re-sync. */
const SETTLE_MS = 50;

/**
 * Sessions by content, for the life of the process: Astro evaluates a content config again between syncs,
 * making a new loader each time, and a session keeps the parsed files and the highlighter.
 */
const sessions = new Map<string, ReferenceSession>();

export function referenceLoader(input: ReferenceLoaderOptions): Loader {
  const parsed = LoaderOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new AstroError(
      `Invalid referenceLoader options:\n${z.prettifyError(parsed.error)}`,
      'Paths are relative to the Astro project root.',
    );
  }
  const options = parsed.data;

  function sessionFor(context: LoaderContext): ReferenceSession {
    const projectRoot = fileURLToPath(context.config.root);
    const root = path.resolve(projectRoot, options.root);
    const configFile = options.config ? path.resolve(projectRoot, options.config) : undefined;
    const dev = !!context.watcher;
    const key = JSON.stringify([root, configFile, options.baseurl, options.url, dev]);
    let session = sessions.get(key);
    if (!session) {
      const cacheDir = path.join(fileURLToPath(context.config.cacheDir), 'api-reference');
      session = new ReferenceSession({
        root,
        configFile,
        site: { baseurl: options.baseurl, url: options.url },
        dev,
        highlightCache: highlightCacheFile(root, configFile, cacheDir),
      });
      sessions.set(key, session);
    }
    return session;
  }

  async function sync(context: LoaderContext, session: ReferenceSession): Promise<void> {
    const { store, meta, logger, parseData, generateDigest, config } = context;
    const errors = await session.problems();
    if (errors) {
      if (!context.watcher) throw toAstroError(new ContentErrors([...errors]));
      // Dev: keep the last good entries; say what is wrong until it is fixed.
      logger.error(new ContentErrors([...errors]).message);
      meta.set(ERRORS_KEY, JSON.stringify(errors.map((e) => ({ ...e.location, message: e.detail }))));
      return;
    }
    if (meta.has(ERRORS_KEY)) {
      meta.delete(ERRORS_KEY);
      logger.info('content errors fixed');
    }
    const result = await session.model();
    reportWarnings(result, (line) => logger.warn(line));
    const projectRoot = fileURLToPath(config.root);
    const ids = new Set(result.entries.map((e) => e.path));
    for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
    let changed = 0;
    for (const entry of result.entries) {
      const raw = entry as unknown as Record<string, unknown>;
      const digest = generateDigest(raw);
      if (store.get(entry.path)?.digest === digest) continue;
      const data = await parseData({ id: entry.path, data: raw });
      const filePath = path.relative(projectRoot, path.join(result.config.root, entry.source)).split(path.sep).join('/');
      store.set({ id: entry.path, data, digest, filePath });
      changed++;
    }
    logger.info(`${result.entries.length} reference pages (${changed} changed)`);
  }

  return {
    name: LOADER_NAME,
    schema: ReferenceEntrySchema,
    load: async (context) => {
      const session = sessionFor(context);
      await sync(context, session);
      const { watcher, logger } = context;
      if (!watcher) return;
      const { root, configFile } = session.options;
      const scopes = [root, ...(configFile ? [configFile] : [])];
      watcher.add(scopes);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onChange = (file: string) => {
        if (!scopes.some((s) => file === s || file.startsWith(s + path.sep))) return;
        session.invalidate([file]);
        clearTimeout(timer);
        timer = setTimeout(() => {
          sync(context, session).catch((error: unknown) => logger.error(String((error as Error)?.message ?? error)));
        }, SETTLE_MS);
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}
