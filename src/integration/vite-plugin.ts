/**
 * The integration's Vite plugin: the two virtual modules the runtime reads, and in dev the content watcher.
 *
 * - `virtual:api-reference/config`: the RuntimeConfig, as JSON.
 * - `virtual:api-reference/pages`: one lazy `import()` per prose page (MDX or Markdown) under the pages
 *   folder, keyed by absolute path; regenerated when a page is added or removed.
 *
 * Dev: content files are not modules, so Vite does not watch them for us. The watcher tells the runtime of
 * each changed file (`api-reference:changed`: the session is out of date from then on, and rebuilds once
 * saves settle) and clears Astro's getStaticPaths cache (`astro:content-changed`, as Astro's own content
 * layer does). The runtime reports each rebuild back (`api-reference:built`): the integration logs it and
 * reloads the browser.
 */
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import { listFiles } from '../core/files.ts';
import { BUILT_EVENT, CHANGED_EVENT, CONFIG_MODULE, PAGES_MODULE, type BuildReport, type RuntimeConfig } from './runtime-config.ts';

export interface PluginState {
  /** Filled in at `astro:config:done`, read when the runtime first imports the config (after it). */
  config?: RuntimeConfig;
  /** Absolute pages folder of the content. */
  pagesDir: string;
  /** Folders and files outside the content root the model reads (overlay, preset includes). */
  watchExtra: string[];
  logger: AstroIntegrationLogger;
  /** Warnings already logged this session: a rebuild lists only new ones. */
  warned?: Set<string>;
}

const RESOLVED = (id: string) => `\0${id}`;
const PROSE = /\.mdx?$/i;
/** Warnings listed after a rebuild; `api-reference check` lists them all. */
const WARNINGS_SHOWN = 25;

export function pagesModule(dir: string): string {
  const entries = listFiles(dir, PROSE).map((file) => `  ${JSON.stringify(file)}: () => import(${JSON.stringify(file)}),`);
  return `export default {\n${entries.join('\n')}\n};\n`;
}

export function apiReferencePlugin(state: PluginState): Plugin {
  return {
    name: 'api-reference',
    // For other plugins (and tests): what the virtual modules are made from.
    api: { state },
    resolveId(id) {
      if (id === CONFIG_MODULE || id === PAGES_MODULE) return RESOLVED(id);
    },
    load(id) {
      if (id === RESOLVED(CONFIG_MODULE)) {
        if (!state.config) throw new Error('api-reference: the runtime config was read before astro:config:done');
        return `export default ${JSON.stringify(state.config)};\n`;
      }
      if (id === RESOLVED(PAGES_MODULE)) return pagesModule(state.pagesDir);
    },
    configureServer(server) {
      watchContent(server, state);
    },
  };
}

function within(file: string, scope: string): boolean {
  return file === scope || file.startsWith(scope + path.sep);
}

function watchContent(server: ViteDevServer, state: PluginState): void {
  const config = state.config;
  if (!config) return;
  const scopes = [config.root, ...state.watchExtra];
  server.watcher.add(scopes);
  const runtimeEnvironments = () => Object.values(server.environments).filter((env) => env.name !== 'client');

  // Each change goes to the runtime at once, so no request is served from the old model after a save; the
  // session waits for a burst of saves to settle before it rebuilds. The page reloads once the rebuild is
  // done (or has failed), so the reload finds the new model ready.
  const onEvent = (kind: 'add' | 'change' | 'unlink') => (file: string) => {
    if (!scopes.some((scope) => within(file, scope))) return;
    // A page added or removed changes the list of prose modules; an edit is Vite's own business.
    if (kind !== 'change' && within(file, state.pagesDir) && PROSE.test(file)) invalidatePages(server);
    for (const env of runtimeEnvironments()) {
      env.hot.send(CHANGED_EVENT, { files: [file] });
      // Astro's cached getStaticPaths results (pages added or removed), as its own content layer does.
      env.hot.send('astro:content-changed', {});
    }
  };
  server.watcher.on('add', onEvent('add'));
  server.watcher.on('change', onEvent('change'));
  server.watcher.on('unlink', onEvent('unlink'));

  server.environments.ssr.hot.on(BUILT_EVENT, (report: BuildReport) => {
    logBuild(state, report);
    if (report.changed.length) server.environments.client.hot.send({ type: 'full-reload', path: '*' });
  });
}

function invalidatePages(server: ViteDevServer): void {
  for (const env of Object.values(server.environments)) {
    const mod = env.moduleGraph.getModuleById(RESOLVED(PAGES_MODULE));
    if (mod) env.moduleGraph.invalidateModule(mod);
    const runner = (env as { runner?: { evaluatedModules: { getModuleById(id: string): unknown; invalidateModule(m: unknown): void } } })
      .runner;
    const evaluated = runner?.evaluatedModules.getModuleById(RESOLVED(PAGES_MODULE));
    if (evaluated) runner!.evaluatedModules.invalidateModule(evaluated);
  }
}

/** Paths as a writer knows them: relative to the working directory when inside it. */
function shown(files: string[]): string[] {
  return files.map((f) => {
    const rel = path.relative(process.cwd(), f);
    return rel && !rel.startsWith('..') ? rel : f;
  });
}

function logBuild(state: PluginState, report: BuildReport): void {
  const { logger } = state;
  const changed = report.changed.length
    ? `content changed (${shown(report.changed.slice(0, 3)).join(', ')}${report.changed.length > 3 ? ', …' : ''}): `
    : '';
  if (!report.ok) {
    for (const message of report.problems) logger.error(`${changed}${message}`);
    return;
  }
  const warned = (state.warned ??= new Set());
  const fresh = report.problems.filter((w) => !warned.has(w));
  fresh.forEach((w) => warned.add(w));
  for (const w of fresh.slice(0, WARNINGS_SHOWN)) logger.warn(w);
  if (fresh.length > WARNINGS_SHOWN)
    logger.warn(`…and ${fresh.length - WARNINGS_SHOWN} more warnings (api-reference check lists them all)`);
  const rendered = report.rendered !== undefined && report.rendered < report.pages ? `, ${report.rendered} rendered again` : '';
  logger.info(`${changed}${report.pages} reference pages from ${shown([state.config!.root])[0]} (${report.ms} ms${rendered})`);
}
