/**
 * One page's Liquid render: a single context shared by every string the page shows, so `assign`s leak
 * from one field to the next exactly as they did when Jekyll rendered the page top to bottom.
 */
import type { Context } from 'liquidjs';
import { ContentError, type WarningSink } from '../errors.ts';
import type { SourceDocument } from '../front-matter.ts';
import type { LiquidEngine, MarkdownRenderer, RenderLocation } from '../liquid/engine.ts';
import { evaluateAlias } from '../liquid/reads.ts';
import { isSafeUrl, refusedUrlMessage } from '../markdown/safe-url.ts';
import { formatFieldPath, getPath, type FieldPath } from '../yaml.ts';
import { productKey, type Product } from './products.ts';
import type { Param } from '../../schemas/reference.ts';

export interface RenderEnv {
  engine: LiquidEngine;
  /** Content types whose pages report undefined names as warnings (`liquid.lax-content-types`). */
  laxTypes: ReadonlySet<string>;
  markdown: MarkdownRenderer;
  /** `site` as Liquid sees it. */
  site: Record<string, unknown>;
  aliases: Record<string, string>;
  /** File that declares the aliases, for messages. */
  configFile: string;
  /** The site's products by key: a page's product adds its own aliases and heading rule. */
  products?: ReadonlyMap<string, Product>;
  /**
   * Names bound to nil on every page where their alias finds nothing (Jekyll trees: a name the layout
   * assigned from missing data, or assigned only for another product, rendered empty there). In a native
   * site this is empty, so using such a name is reported as undefined.
   */
  nilAliases?: readonly string[];
  /** Aliases that found a value on at least one page (`<product>\0<name>`), for the unused-alias warning. */
  resolvedAliases?: Set<string>;
  /** Where refused URLs and other per-field warnings go. */
  warnings: WarningSink;
}

/** Names the Jekyll includes bound; they exist on every page (nil where they mean nothing). */
const CONTEXT_NAMES = ['endpoint', 'object', 'object-method', 'version', 'request-url'];

export type Scope = Record<string, unknown>;

export class PageRender {
  readonly ctx: Context;
  /** The page's product (its aliases and heading rule). */
  readonly product: Product | undefined;
  private readonly env: RenderEnv;

  constructor(env: RenderEnv, scope: Scope) {
    this.env = env;
    const base: Scope = Object.fromEntries(CONTEXT_NAMES.map((n) => [n, null]));
    const environment: Scope = { ...base, site: env.site, ...scope };
    const contentType = (scope.page as Scope | undefined)?.['content-type'];
    this.ctx = env.engine.context(environment, { lax: env.laxTypes.has(String(contentType)) });
    const product = env.products?.get(productKey((scope.page as Scope | undefined) ?? {}));
    const strict = this.ctx.strictVariables;
    this.ctx.strictVariables = false;
    try {
      const bound = new Set<string>();
      const bind = (aliases: Record<string, string>, field: string, scopeKey: string) => {
        for (const [name, expression] of Object.entries(aliases)) {
          const value = evaluateAlias(this.ctx, name, () =>
            env.engine.evaluate(expression, this.ctx, { file: env.configFile, field: `${field}.${name}` }),
          );
          if (value === undefined || value === null) {
            // A product's alias replaces the site-wide one, also when it finds nothing.
            if (bound.delete(name)) delete environment[name];
            continue;
          }
          environment[name] = value;
          bound.add(name);
          env.resolvedAliases?.add(`${scopeKey}\0${name}`);
        }
      };
      bind(env.aliases, 'aliases', '');
      if (product) bind(product.aliases, `products.${product.key}.aliases`, product.key);
      for (const name of env.nilAliases ?? []) if (!(name in environment)) environment[name] = null;
    } finally {
      this.ctx.strictVariables = strict;
    }
    this.product = product;
  }

  /** Renders a template from the site config (a product's `object-heading`) in this page's context. */
  fromConfig(field: string, template: string): string {
    return this.env.engine.render(template, this.ctx, { file: this.env.configFile, field });
  }

  /** Sets a page-level variable, as an `{% assign %}` would. */
  assign(name: string, value: unknown): void {
    this.ctx.bottom()[name] = value;
  }

  /** Runs `render` with loop variables bound, as a Jekyll include's `{% for %}` would, then unbinds them. */
  within<T>(bindings: Scope, render: () => T): T {
    this.ctx.push(bindings);
    try {
      return render();
    } finally {
      this.ctx.pop();
    }
  }

  /** Renders the string at `path` in `doc` (or `value`, reported as coming from there) once. */
  text(doc: SourceDocument, path: FieldPath, value: unknown = getPath(doc.data, path)): string {
    return this.env.engine.render(value, this.ctx, lazyLocation(doc, formatFieldPath(path), path));
  }

  /**
   * Renders a string that comes from site data on behalf of `doc` (an Errors row, say). Messages name
   * the data path as the field, since that is where the writer has to look.
   */
  fromData(doc: SourceDocument, at: FieldPath, dataPath: string, value: unknown, as: 'markdown' | 'inline'): string {
    const location = lazyLocation(doc, `${formatFieldPath(at)} → ${dataPath}`, at);
    return this.toHtml(this.env.engine.render(value, this.ctx, location), as, location);
  }

  /**
   * A field the page cannot do without (a title, a URL): rendering it to nothing, say through a data
   * key that does not exist, is an error rather than an empty heading.
   */
  required(doc: SourceDocument, path: FieldPath): string {
    const out = this.text(doc, path).trim();
    if (out) return out;
    const raw = String(getPath(doc.data, path) ?? '').trim();
    throw new ContentError(
      { file: doc.file, field: formatFieldPath(path), line: doc.lineOf(path) },
      raw ? `required field renders empty: "${raw}"` : 'required field is empty',
      'A page needs it; check the Liquid in it and the data it reads.',
    );
  }

  /** Renders again an already rendered string (Jekyll's repeated `| flatify` passes). */
  again(doc: SourceDocument, path: FieldPath, rendered: string): string {
    return this.text(doc, path, rendered);
  }

  markdown(doc: SourceDocument, path: FieldPath, value?: unknown): string {
    return this.toHtml(this.text(doc, path, value), 'markdown', this.locate(doc, path));
  }

  inline(doc: SourceDocument, path: FieldPath, value?: unknown): string {
    return this.toHtml(this.text(doc, path, value), 'inline', this.locate(doc, path));
  }

  private locate(doc: SourceDocument, path: FieldPath): RenderLocation {
    return lazyLocation(doc, formatFieldPath(path), path);
  }

  private toHtml(text: string, as: 'markdown' | 'inline', at: RenderLocation): string {
    const refused = (message: string) => this.env.warnings.add({ ...at, message });
    const html =
      as === 'inline' ? this.env.markdown.renderInline(text.trim(), refused) : text.trim() ? this.env.markdown.render(text, refused) : '';
    // Markdown work is not interrupted by Liquid's checks; a page over its time budget stops here.
    this.env.engine.checkDeadline(this.ctx, at);
    return html;
  }

  /** Arguments and attributes, with nested children under any of the nesting keys the format uses. */
  params(doc: SourceDocument, path: FieldPath, list: unknown): Param[] {
    if (!Array.isArray(list)) return [];
    return list.flatMap((raw, i) => {
      if (!raw || typeof raw !== 'object') return [];
      const item = raw as Record<string, unknown>;
      // The Jekyll attribute tables looped `{% for attribute in … %}`; descriptions may read it.
      return this.within({ attribute: item }, () => this.param(doc, [...path, i], item));
    });
  }

  private param(doc: SourceDocument, at: FieldPath, item: Record<string, unknown>): Param[] {
    const childKey = CHILD_KEYS.find((k) => Array.isArray(item[k]));
    const example = item['example-value'] ?? item.value;
    const param: Param = {
      // Ids are handed out per page once every row is known (deep-links.ts withParamIds).
      id: '',
      field: formatFieldPath(at),
      name: this.text(doc, [...at, 'name']).trim(),
      type: this.text(doc, [...at, 'type']).trim(),
      descriptionHtml: this.markdown(doc, [...at, 'description']),
      children: childKey ? this.params(doc, [...at, childKey], item[childKey]) : [],
    };
    if (item.required !== undefined) param.required = item.required === true || item.required === 'true';
    if (example !== undefined && example !== null) {
      param.example = this.text(doc, [...at, item['example-value'] !== undefined ? 'example-value' : 'value']).trim();
    }
    if (item['sub-type']) param.subType = this.text(doc, [...at, 'sub-type']).trim();
    if (item.url) {
      const href = this.text(doc, [...at, 'url']).trim();
      if (isSafeUrl(href)) param.typeHref = href;
      else this.env.warnings.add({ ...this.locate(doc, [...at, 'url']), message: refusedUrlMessage(href, 'url') });
    }
    return [param];
  }
}

const CHILD_KEYS = ['subarguments', 'sub-subarguments', 'subattributes', 'sub-attributes'];

export { getPath } from '../yaml.ts';

/**
 * Where a field is, with its line looked up only when a message reads it. Most renders report nothing, and
 * a line number costs a parse of the file's YAML as a document (the fast path keeps no positions).
 */
function lazyLocation(doc: SourceDocument, field: string, path: FieldPath): RenderLocation {
  let line: number | undefined;
  let looked = false;
  return {
    file: doc.file,
    field,
    get line() {
      if (!looked) [line, looked] = [doc.lineOf(path), true];
      return line;
    },
  };
}
