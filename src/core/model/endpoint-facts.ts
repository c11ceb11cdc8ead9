/**
 * What an endpoint page says about the request besides its arguments: the resource list (rows from site
 * data, named by the site config's `resource-list`), the `request-body` text, and the plain facts the
 * format carries as fields (`pagination`, `rate-limit-type`, …). Which rows exist and what they say is
 * data; the code only knows how to show a row and when a conditional row is hidden.
 */
import type { SourceDocument } from '../front-matter.ts';
import type { PageRender, RenderEnv } from './page-render.ts';
import type { EndpointFrontMatter } from '../../schemas/front-matter.ts';
import type { EndpointDetails, ResourceRow } from '../../schemas/reference.ts';
import type { ResourceListConfig } from '../../schemas/site-config.ts';

export function endpointDetails(render: PageRender, doc: SourceDocument, fm: EndpointFrontMatter): EndpointDetails {
  const text = (field: string) => render.text(doc, [field]).trim() || undefined;
  const details: EndpointDetails = {};
  if (fm.pagination !== undefined && fm.pagination !== null) details.pagination = fm.pagination;
  if (fm['rate-limit-type'] !== undefined) details.rateLimit = text('rate-limit-type');
  if (fm['authorization-required'] !== undefined) details.authorizationRequired = fm['authorization-required'];
  if (fm['access-token-required'] !== undefined) details.accessTokenRequired = fm['access-token-required'];
  if (fm['order-by'] !== undefined) details.orderBy = text('order-by');
  if (fm['sort-type'] !== undefined) details.sortType = text('sort-type');
  for (const key of Object.keys(details) as Array<keyof EndpointDetails>) if (details[key] === undefined) delete details[key];
  return details;
}

/** A condition's value counts as false when it is nothing, `false`, `0`, an empty string or an empty list. */
function holds(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/**
 * The resource-list rows for this endpoint, each description rendered with `item` bound to its row (as
 * Jekyll's `{% for item in items %}` did) in the endpoint's context. A row whose `id` has a `show-if`
 * expression is shown only when that expression gives something: Jekyll's include decided the same rows
 * from counters that leaked from the previous endpoint (JEKYLL-SEMANTICS.md §1.1); here each endpoint
 * answers for itself.
 */
export function resourceRows(
  env: RenderEnv,
  render: PageRender,
  doc: SourceDocument,
  config: ResourceListConfig | undefined,
): ResourceRow[] {
  if (!config) return [];
  const location = { file: env.configFile, field: 'resource-list.rows' };
  const rows = quietly(render, () => env.engine.evaluate(config.rows, render.ctx, location));
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((raw, i) => {
    if (!raw || typeof raw !== 'object') return [];
    const row = raw as Record<string, unknown>;
    return render.within({ item: row }, () => {
      const condition = typeof row.id === 'string' ? config['show-if'][row.id] : undefined;
      if (condition !== undefined) {
        const at = { file: env.configFile, field: `resource-list.show-if.${String(row.id)}` };
        if (!holds(env.engine.evaluate(condition, render.ctx, at))) return [];
      }
      const html = render.fromData(doc, ['resource-list'], `${config.rows}[${i}].description`, row.description ?? '', 'markdown');
      return [{ name: String(row.name ?? ''), html }];
    });
  });
}

/** Evaluates with undefined names allowed: a site without the data simply has no rows. */
function quietly<T>(render: PageRender, run: () => T): T {
  const strict = render.ctx.strictVariables;
  render.ctx.strictVariables = false;
  try {
    return run();
  } finally {
    render.ctx.strictVariables = strict;
  }
}

const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The endpoint's `request-body` text as its own section, unless a resource-list row already shows it (the
 * Stitch Import API data puts `{{ endpoint.request-body | flatify }}` inside its Request body row).
 */
export function requestBody(render: PageRender, doc: SourceDocument, rows: ResourceRow[]): string {
  if (doc.data['request-body'] === undefined || doc.data['request-body'] === null) return '';
  const html = render.markdown(doc, ['request-body']);
  const text = plain(html);
  return text && rows.some((r) => plain(r.html).includes(text)) ? '' : html;
}
