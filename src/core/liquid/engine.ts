/**
 * The Liquid engine, configured to behave like Jekyll's (Ruby Liquid in warn mode + Jekyll filters +
 * the site's `flatify` plugin). One `LiquidEngine` serves a whole build; each page render gets its own
 * `Context`, so `assign`s leak across the strings of one page (as in Jekyll) but never between pages.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Context, Liquid, type Template } from 'liquidjs';
import type { WarningSink } from '../errors.ts';
import type { MarkdownRenderer } from '../markdown/markdownify.ts';
import { DEFAULT_LIMITS, type Limits } from '../../schemas/limits.ts';
import { checkIncludeName, installBudget, registerGuardedTags, RenderBudget } from './guards.ts';
import { checkTemplateSize, includeFileSystem } from './include-fs.ts';
import { DataPaths, MissingDataKey, writtenPath } from './data-keys.ts';
import { jekyllFilters, NOT_IN_JEKYLL, rubyString, type JekyllSite } from './jekyll-filters.ts';
import { registerJekyllTags } from './jekyll-tags.ts';
import { laxToStrict } from './lax.ts';
import { includeRead, noteLookup, recordReads } from './reads.ts';
import { explainLiquidError, FlatifyDepthError, LiquidContentError, NestedRenderError } from './liquid-errors.ts';
import { TimeBudget } from '../time-budget.ts';

export type { MarkdownRenderer } from '../markdown/markdownify.ts';

export interface LiquidEngineOptions {
  /** Undefined variables and unknown filters are errors (true) or warnings (false). */
  strict: boolean;
  /** A `flatify` nested deeper than this is treated as runaway recursion. */
  maxFlatifyDepth: number;
  /** Folders searched by `{% include %}`. */
  includes: string[];
  /** Each includes folder → the real folder its files must be inside (confine.ts); the folder itself by default. */
  includeBoundaries?: ReadonlyMap<string, string>;
  /** Site config `limits:` (defaults when omitted). */
  limits?: Limits;
  site: JekyllSite;
  markdown: MarkdownRenderer;
  warnings: WarningSink;
  /**
   * Check look-ups under `site.data` against this data (see data-keys.ts): a missing key is an error
   * (`error`, a native site) or a warning and renders empty (`warn`, a Jekyll tree, as Jekyll did).
   * Without it, missing keys render empty silently.
   */
  dataKeys?: { data: Record<string, unknown>; mode: 'error' | 'warn' };
}

/** Where the string being rendered comes from, for messages. `line` is where its text starts. */
export interface RenderLocation {
  file: string;
  field: string;
  line?: number;
}

const depths = new WeakMap<Context, number>();
/** Each page's time budget, started when its context is made. */
const deadlines = new WeakMap<Context, TimeBudget>();
/** Contexts whose undefined names are warnings even though the site is strict (see `laxContentTypes`). */
const laxContexts = new WeakSet<Context>();
/** Per context: the data to check keys against, and the missing paths already reported for this string. */
const dataKeyChecks = new WeakMap<Context, { paths: DataPaths; reported: Set<string> }>();

/** liquidjs recognises this error by name (for lenient `if` conditions), so ours carries the same name. */
class UndefinedName extends Error {
  readonly variableName: string;
  constructor(name: string) {
    super(`undefined variable: ${name}`);
    this.name = 'InternalUndefinedVariableError';
    this.variableName = name;
  }
}

/**
 * Strictness applies to names and to keys under `site.data`: `{{ endpont.version }}` (no such variable)
 * fails, and so does `{{ site.data.nope.x }}` when the engine checks data keys. Other missing keys
 * (`page.optional`, `object-method.notes`) render empty as in Jekyll, because templates read optional
 * front matter. Existence checks (`if`, `unless`, `| default`) stay lenient for both.
 */
class JekyllContext extends Context {
  override *_get(paths: (string | number)[]): Generator<unknown, unknown, unknown> {
    const root = paths[0] as string;
    noteLookup(this, paths);
    // findScope is private in liquidjs's typings but is the look-up `_get` itself uses.
    const scope = (this as unknown as { findScope(key: string): Record<string, unknown> }).findScope(root);
    if (this.strictVariables && !(root in scope)) throw new UndefinedName(root);
    const keys = dataKeyChecks.get(this);
    if (!this.strictVariables || !keys) return yield this._getFromScope(scope, paths, false);
    let value: unknown = scope;
    for (let i = 0; i < paths.length; i++) {
      const parent = value;
      value = yield this.readProperty(parent as Record<string, unknown>, paths[i]);
      if (value !== undefined) continue;
      const at = i > 0 ? keys.paths.of(parent) : undefined;
      if (at !== undefined) {
        const written = writtenPath(paths);
        if (!keys.reported.has(written)) throw new MissingDataKey(written, at, paths[i], parent as Record<string, unknown>);
      }
      return undefined;
    }
    return value;
  }
}

export class LiquidEngine {
  readonly liquid: Liquid;
  private readonly options: LiquidEngineOptions;
  private readonly templates = new Map<string, Template[]>();
  /** The field currently being rendered; include look-ups and warnings report against it. */
  private location: RenderLocation | undefined;
  /** The budget of the field being rendered (includes name themselves in it). */
  private budget: RenderBudget | undefined;
  private readonly limits: Limits;
  private readonly dataPaths: DataPaths | undefined;
  /** While set, contexts made from now on record what their renders read into it (liquid/reads.ts). */
  reads: Set<string> | undefined;

  constructor(options: LiquidEngineOptions) {
    this.options = options;
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.dataPaths = options.dataKeys && new DataPaths(options.dataKeys.data);
    this.liquid = new Liquid({
      root: options.includes,
      partials: options.includes,
      extname: '',
      fs: includeFileSystem({
        boundaries: options.includeBoundaries,
        limits: this.limits,
        read: (file) => this.reads?.add(includeRead(file)),
        missing: (file) =>
          options.warnings.add({
            ...(this.location ?? { file: '?' }),
            message: `include "${file}" not found in ${options.includes.join(', ') || '(no includes folder)'}; it renders as empty`,
          }),
      }),
      jekyllInclude: true,
      // Jekyll include names are literal file names (`note.html`); `{{ }}` in them still works.
      dynamicPartials: false,
      // Always detect undefined names; `renderReporting` turns them into warnings for non-strict sites.
      strictVariables: true,
      strictFilters: true,
      // Existence checks such as `{% if endpoint.arguments %}` must not count as undefined variables.
      lenientIf: true,
      ownPropertyOnly: true,
      // No template cache: a missing include must warn at every string that uses it.
      cache: false,
    });
    for (const name of NOT_IN_JEKYLL) delete this.liquid.filters[name];
    // Ruby Liquid's url_encode is CGI.escape, which is what liquidjs's cgi_escape does (its url_encode
    // leaves `!'()*` as they are).
    this.liquid.filters.url_encode = this.liquid.filters.cgi_escape;
    // markdownify inside Liquid reports refused URLs against the field being rendered.
    const refused = (message: string) => options.warnings.add({ ...(this.location ?? { file: '?' }), message });
    const markdown: MarkdownRenderer = {
      render: (src) => options.markdown.render(src, refused),
      renderInline: (src) => options.markdown.renderInline(src, refused),
    };
    const filters = { ...jekyllFilters(options.site, markdown), flatify: this.flatifyFilter() };
    for (const [name, impl] of Object.entries(filters)) this.liquid.registerFilter(name, impl);
    registerGuardedTags(this.liquid);
    registerJekyllTags(this.liquid, markdown);
    this.guardFileNames();
  }

  /**
   * include, render and layout all reach files through these two methods: check the name as Jekyll does
   * before any look-up, and put the real name into the include chain of the field's budget.
   */
  private guardFileNames(): void {
    const liquid = this.liquid as unknown as Record<
      '_parsePartialFile' | '_parseLayoutFile',
      (file: string, ...rest: unknown[]) => unknown
    >;
    for (const [method, tag] of [
      ['_parsePartialFile', 'include'],
      ['_parseLayoutFile', 'layout'],
    ] as const) {
      const original = liquid[method].bind(this.liquid);
      liquid[method] = (file: string, ...rest: unknown[]) => {
        checkIncludeName(tag, String(file));
        this.budget?.name(String(file));
        return original(file, ...rest);
      };
    }
  }

  /**
   * A fresh render context for one page: `scope` holds `site`, `page`, `endpoint`, aliases, … With
   * `lax`, undefined names on this page are warnings even in a strict site.
   */
  context(scope: Record<string, unknown>, options: { lax?: boolean } = {}): Context {
    const ctx = new JekyllContext(scope, this.liquid.options, { sync: true }, { liquid: this.liquid });
    if (options.lax) laxContexts.add(ctx);
    deadlines.set(ctx, this.pageBudget());
    if (this.dataPaths) dataKeyChecks.set(ctx, { paths: this.dataPaths, reported: new Set() });
    recordReads(ctx, this.reads);
    return ctx;
  }

  private pageBudget(): TimeBudget {
    return new TimeBudget(this.limits['page-seconds'] * 1000);
  }

  /** Renders a front-matter or data string once (the first `flatify` level) in `ctx`. */
  render(source: unknown, ctx: Context, location: RenderLocation): string {
    if (source === null || source === undefined) return '';
    const text = rubyString(source);
    if (!text.includes('{')) return text;
    const outer = { location: this.location, budget: this.budget };
    const deadline = deadlines.get(ctx) ?? this.pageBudget();
    this.location = location;
    this.budget = new RenderBudget(this.limits, deadline);
    const restore = installBudget(ctx, this.budget);
    try {
      return this.renderReporting(text, ctx, location);
    } finally {
      restore();
      this.location = outer.location;
      this.budget = outer.budget;
    }
  }

  /** Whether `{% include name %}` finds a file in the includes folders (a missing one renders as empty). */
  hasInclude(name: string): boolean {
    return this.options.includes.some((dir) => existsSync(path.resolve(dir, name)));
  }

  /**
   * Stops a page that is over its time budget (checked by Liquid before every template node; page
   * builders call this between fields, which covers Markdown work too).
   */
  checkDeadline(ctx: Context, location: RenderLocation): void {
    const deadline = deadlines.get(ctx);
    if (deadline === undefined || !deadline.spent()) return;
    throw explainLiquidError(new RenderBudget(this.limits, deadline).overTime(), location, '');
  }

  /** Evaluates a Liquid expression such as `site.data[page.product-type].api` (aliases, data look-ups). */
  evaluate(expression: string, ctx: Context, location: RenderLocation): unknown {
    // Expressions come from the site config (aliases): `(1..100000000)` there is bounded like any field.
    const restore = installBudget(ctx, new RenderBudget(this.limits, deadlines.get(ctx) ?? this.pageBudget()));
    try {
      return this.liquid.evalValueSync(laxToStrict(`{{${expression}}}`).slice(2, -2), ctx);
    } catch (error) {
      throw explainLiquidError(error, location, expression);
    } finally {
      restore();
    }
  }

  private renderReporting(text: string, ctx: Context, location: RenderLocation): string {
    const keys = dataKeyChecks.get(ctx);
    const reported = keys?.reported;
    // Each string reports its own missing data keys, even ones an earlier field of the page also had.
    if (keys) keys.reported = new Set();
    try {
      return this.renderWarningOfDataKeys(text, ctx, location);
    } finally {
      if (keys && reported) keys.reported = reported;
    }
  }

  /**
   * Under a Jekyll preset a missing data key is a warning: report it, then render again with that path
   * allowed (it reads as nil, as in Jekyll), until the string renders or fails for another reason.
   */
  private renderWarningOfDataKeys(text: string, ctx: Context, location: RenderLocation): string {
    const keys = dataKeyChecks.get(ctx);
    for (;;) {
      try {
        return this.liquid.renderSync(this.parse(text, location), ctx);
      } catch (error) {
        const explained = error instanceof LiquidContentError ? error : explainLiquidError(error, location, text);
        const warnKeys = this.options.dataKeys?.mode === 'warn' || !this.options.strict || laxContexts.has(ctx);
        if (explained.dataKey && keys && warnKeys && !keys.reported.has(explained.dataKey)) {
          this.options.warnings.add({
            ...location,
            line: explained.location.line,
            message: `${explained.reason}; it renders empty${this.options.dataKeys?.mode === 'warn' ? ', as in Jekyll' : ''}`,
          });
          keys.reported.add(explained.dataKey);
          continue;
        }
        return this.reportOther(explained, text, ctx, location);
      }
    }
  }

  private reportOther(explained: LiquidContentError, text: string, ctx: Context, location: RenderLocation): string {
    const strict = this.options.strict && !laxContexts.has(ctx);
    if (strict || explained.fatal) throw explained;
    // Warn mode: report, then render again with undefined names as empty (Jekyll's default). Text
    // Liquid cannot parse at all is shown as written, which is what a reader of the source would see.
    this.options.warnings.add({ ...location, line: explained.location.line, message: explained.reason });
    if (!explained.lenient) return text;
    const strictVariables = ctx.strictVariables;
    ctx.strictVariables = false;
    try {
      return this.liquid.renderSync(this.parse(text, location), ctx);
    } catch {
      return text;
    } finally {
      ctx.strictVariables = strictVariables;
    }
  }

  private parse(text: string, location: RenderLocation): Template[] {
    let parsed = this.templates.get(text);
    if (parsed) return parsed;
    const source = laxToStrict(text);
    try {
      checkTemplateSize(source.length, this.limits);
      parsed = this.liquid.parse(source);
    } catch (error) {
      const unknown = /undefined filter: ([\w-]+)/.exec((error as Error).message);
      if (!unknown || this.options.strict) throw explainLiquidError(error, location, text);
      // Ruby Liquid ignores unknown filters; in warn mode so do we, once per filter name.
      this.options.warnings.add({ ...location, message: `unknown filter "${unknown[1]}" is ignored` });
      this.liquid.registerFilter(unknown[1], (v: unknown) => v);
      return this.parse(text, location);
    }
    this.templates.set(text, parsed);
    return parsed;
  }

  /** `flatify`: render the input as Liquid once more, in the live context (its assigns leak, as in Jekyll). */
  private flatifyFilter() {
    // The filter's own `this` is liquidjs's filter context, so the engine is captured here.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const engine = this;
    return function flatify(this: { context: Context }, input: unknown): string {
      if (input === null || input === undefined) return '';
      const text = rubyString(input);
      if (!text.includes('{')) return text;
      const ctx = this.context;
      const depth = depths.get(ctx) ?? 0;
      if (depth >= engine.options.maxFlatifyDepth) throw new FlatifyDepthError(text, depth);
      depths.set(ctx, depth + 1);
      try {
        return engine.liquid.renderSync(engine.parse(text, engine.location ?? { file: '?', field: '?' }), ctx);
      } catch (error) {
        throw error instanceof NestedRenderError || error instanceof FlatifyDepthError ? error : NestedRenderError.wrap(text, error);
      } finally {
        depths.set(ctx, depth);
      }
    };
  }
}
