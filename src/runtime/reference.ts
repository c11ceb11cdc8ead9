/**
 * The one reference session of this server or build, configured by the integration through
 * `virtual:api-reference/config`.
 *
 * In dev, Vite evaluates this module again whenever it clears its module cache (an edited component, an MDX
 * page); the session, with its parsed files and highlighter, lives in `import.meta.hot.data`, which Vite
 * keeps across those re-evaluations. The integration's watcher reports changed content files with a custom
 * HMR event; the session reports each rebuild back, for the integration to log.
 */
import config from 'virtual:api-reference/config';
import { ContentErrors, formatWarning } from '../core/errors.ts';
import { BUILT_EVENT, CHANGED_EVENT, type BuildReport } from '../integration/runtime-config.ts';
import { ReferenceSession, type BuildOutcome } from './session.ts';

function create(): ReferenceSession {
  return new ReferenceSession({
    root: config.root,
    configFile: config.configFile,
    site: config.site,
    dev: config.dev,
    handoff: config.handoff,
    highlightCache: config.highlightCache,
  });
}

function report(outcome: BuildOutcome): BuildReport {
  return outcome.ok
    ? {
        ok: true,
        pages: outcome.result.entries.length,
        ms: Math.round(outcome.ms),
        changed: outcome.changed,
        problems: outcome.result.warnings.map(formatWarning),
        warnings: outcome.result.warnings.length,
        rendered: outcome.rendered,
      }
    : {
        ok: false,
        pages: 0,
        ms: Math.round(outcome.ms),
        changed: outcome.changed,
        problems: [new ContentErrors(outcome.errors).message],
        warnings: 0,
      };
}

function devSession(hot: NonNullable<ImportMeta['hot']>): ReferenceSession {
  const data = hot.data as { session?: ReferenceSession; key?: string };
  // A restarted dev server (config edit) gets a fresh data map; a changed config within one is a new session too.
  const key = JSON.stringify(config);
  if (!data.session || data.key !== key) Object.assign(data, { session: create(), key });
  const session = data.session!;
  hot.on(CHANGED_EVENT, (payload: { files: string[] }) => session.invalidate(payload.files));
  session.onBuilt = (outcome) => hot.send(BUILT_EVENT, report(outcome));
  return session;
}

export const session: ReferenceSession = import.meta.hot && config.dev ? devSession(import.meta.hot) : create();
