/**
 * The reference session: owns the model the pages render from. It builds the model on first use (or reads
 * the one the build already made), keeps it, and in dev rebuilds it after the integration reports changed
 * files, re-parsing only those (ParseCache) and highlighting with one highlighter for the life of the server.
 *
 * A failed rebuild keeps the last good model and records the errors: dev shows them on every page (the
 * middleware) until a good rebuild clears them. A build (not dev) has no last good model to fall back on:
 * the errors are thrown.
 *
 * In dev the model is rebuilt with the render cache (core/model/render-cache.ts): each page is kept with
 * what its Liquid read, and a save renders again only the pages whose inputs changed.
 *
 * Pure TypeScript over the core, with no Astro import, so it is unit-tested on its own.
 */
import type { SiteUrls } from '../core/config.ts';
import { ContentError, ContentErrors } from '../core/errors.ts';
import { createCodeHighlighter, highlightCacheFile, type CodeHighlighter } from '../core/highlight.ts';
import { buildReference, type BuildResult } from '../core/model/build.ts';
import { ParseCache } from '../core/parse-cache.ts';
import { RenderCache } from '../core/model/render-cache.ts';
import { readHandoff, type Handoff } from '../integration/handoff.ts';

export interface SessionOptions {
  root: string;
  configFile?: string;
  site?: SiteUrls;
  /** Long-lived (dev): keep parsed files and the highlighter between rebuilds, keep the last good model. */
  dev: boolean;
  handoff?: Handoff;
  highlightCache?: string;
}

/** What happened in one (re)build, for whoever reports it. */
export type BuildOutcome =
  | { ok: true; result: BuildResult; ms: number; changed: string[]; handedOff: boolean; rendered?: number }
  | { ok: false; errors: ContentError[]; ms: number; changed: string[] };

/** Saves in one burst (an editor writing a file twice, a git checkout) make one rebuild. */
const SETTLE_MS = 50;

/** How long edits must settle before the highlight cache is written (off the path from a save to the page). */
const SAVE_DELAY_MS = 3000;

export class ReferenceSession {
  readonly options: SessionOptions;
  /** Called after every build attempt. */
  onBuilt?: (outcome: BuildOutcome) => void;

  private current?: BuildResult;
  private errors?: ContentError[];
  private stale = true;
  private building?: Promise<void>;
  private readonly changed = new Set<string>();
  private readonly parseCache = new ParseCache();
  /** Pages kept between rebuilds (dev): a save renders again only the pages whose inputs changed. */
  private readonly renderCache = new RenderCache();
  private highlighter?: Promise<CodeHighlighter>;
  private saveTimer?: ReturnType<typeof setTimeout>;
  private settleTimer?: ReturnType<typeof setTimeout>;

  constructor(options: SessionOptions) {
    this.options = options;
  }

  /** The model, built or rebuilt first when needed. Throws when the content has errors and no good model exists. */
  async model(): Promise<BuildResult> {
    await this.refresh();
    if (this.current && (this.options.dev || !this.errors)) return this.current;
    throw new ContentErrors(this.errors ?? []);
  }

  /** Content errors of the latest build, or undefined when it succeeded. */
  async problems(): Promise<readonly ContentError[] | undefined> {
    await this.refresh();
    return this.errors;
  }

  /**
   * Files changed (dev): the model is out of date from now on (a request rebuilds it first). Without one, the
   * rebuild starts once saves have settled for SETTLE_MS, so a burst of saves makes one rebuild.
   */
  invalidate(files: string[]): void {
    for (const f of files) this.changed.add(f);
    this.stale = true;
    clearTimeout(this.settleTimer);
    // Errors are kept in the session and reported through onBuilt; nothing here can throw further.
    this.settleTimer = setTimeout(() => void this.refresh().catch(() => {}), SETTLE_MS);
  }

  private async refresh(): Promise<void> {
    while (this.stale) {
      this.building ??= this.build().finally(() => (this.building = undefined));
      await this.building;
    }
  }

  private async build(): Promise<void> {
    this.stale = false;
    const changed = [...this.changed];
    this.changed.clear();
    const started = performance.now();
    const ms = () => performance.now() - started;
    try {
      const handedOff = this.takeHandoff();
      const result = handedOff ?? (await this.buildModel());
      this.current = result;
      this.errors = undefined;
      const rendered = this.options.dev ? this.renderCache.stats.rendered : undefined;
      this.onBuilt?.({ ok: true, result, ms: ms(), changed, handedOff: !!handedOff, rendered });
    } catch (error) {
      const errors = error instanceof ContentErrors ? error.errors : error instanceof ContentError ? [error] : undefined;
      if (!errors) {
        // Not the content's fault (a bug, a disk error): try again on the next request rather than keep it.
        this.stale = true;
        throw error;
      }
      this.errors = errors;
      this.onBuilt?.({ ok: false, errors, ms: ms(), changed });
    }
  }

  private takeHandoff(): BuildResult | undefined {
    const { handoff } = this.options;
    if (!handoff || this.options.dev) return undefined;
    this.options.handoff = undefined;
    return readHandoff(handoff);
  }

  private async buildModel(): Promise<BuildResult> {
    const { root, configFile, site, dev } = this.options;
    const highlight = await (this.highlighter ??= createCodeHighlighter({
      cacheFile: this.options.highlightCache ?? highlightCacheFile(root, configFile),
    }));
    try {
      if (!dev) return buildReference({ root, configFile, site, highlight });
      // Dev: keep parses and pages between saves; highlight a sample when a page shows it, and write the
      // highlight cache once such late highlighting settles too.
      const late = (code: string, lang: string) => {
        this.saveLater(highlight);
        return highlight(code, lang);
      };
      return buildReference({
        root,
        configFile,
        site,
        highlight: late,
        parseCache: this.parseCache,
        renderCache: this.renderCache,
        lazyHighlight: true,
      });
    } finally {
      if (dev) this.saveLater(highlight);
      else highlight.save();
    }
  }

  private saveLater(highlight: CodeHighlighter): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => highlight.save(), SAVE_DELAY_MS);
    this.saveTimer.unref?.();
  }
}
