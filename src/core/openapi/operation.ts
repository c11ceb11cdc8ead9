/**
 * One endpoint page as an OpenAPI operation. Where each argument goes: into the path when the URL has a
 * `{placeholder}` of its name (or its type says "path parameter" and the URL has one), into the query when
 * its type says so or the method carries no body (GET, HEAD, DELETE, OPTIONS), into a header when its type
 * says so, else into the request body. Headers, the body's media type and the authentication scheme come
 * from the request examples, read with the same request model as the code samples.
 */
import type { EndpointEntry, Param } from '../../schemas/reference.ts';
import { htmlToMarkdown, onPage, type ResolveHref } from '../export/html-to-markdown.ts';
import { bodyPlan } from '../model/request-body.ts';
import { parseCurl, type RequestModel } from '../model/request-model.ts';
import { argumentPlace, locate, pathTemplate } from '../model/request-shape.ts';
import { exampleValue, objectSchema, paramSchema, type Schema } from './schema.ts';
import { errorResponses, successResponse } from './responses.ts';

export interface OperationContext {
  resolve?: ResolveHref;
  /** The page's address, for `externalDocs`. */
  pageUrl: (path: string) => string;
  warn: (message: string) => void;
}

export { locate, pathTemplate };

export type SecurityName = 'bearerAuth' | 'basicAuth' | 'apiKeyAuth';

export interface BuiltOperation {
  /** OpenAPI path template (`/v1/parcels/{parcel_id}`). */
  path: string;
  method: string;
  /** The URL before the path: the server. */
  server: string;
  operation: Record<string, unknown>;
  security: SecurityName[];
}

// Headers OpenAPI describes elsewhere (media types, security) and must not list as parameters.
const RESERVED_HEADERS = new Set(['authorization', 'content-type', 'accept']);

function requestModels(entry: EndpointEntry): RequestModel[] {
  return entry.requests.map((r) => parseCurl(r.code)?.model).filter((m): m is RequestModel => m !== undefined);
}

function securityOf(models: RequestModel[]): SecurityName[] {
  const out = new Set<SecurityName>();
  for (const m of models) {
    if (m.user !== undefined) out.add('basicAuth');
    const auth = m.headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1];
    if (auth === undefined) continue;
    if (/^bearer\b/i.test(auth)) out.add('bearerAuth');
    else if (/^basic\b/i.test(auth)) out.add('basicAuth');
    else out.add('apiKeyAuth');
  }
  return [...out];
}

function parameter(p: Param, where: 'path' | 'query' | 'header', ctx: OperationContext): Record<string, unknown> {
  const { description, examples, ...schema } = paramSchema(p, { resolve: ctx.resolve });
  return {
    name: p.name,
    in: where,
    // Path parameters are required by definition.
    ...(where === 'path' || p.required ? { required: true } : {}),
    ...(description ? { description } : {}),
    schema,
    ...(Array.isArray(examples) ? { example: examples[0] } : {}),
  };
}

function mediaType(models: RequestModel[]): string | undefined {
  for (const m of models) {
    if (m.body === undefined) continue;
    const written = m.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? m.defaultContentType;
    if (written) return written.split(';')[0].trim().toLowerCase();
  }
  return undefined;
}

function bodyExample(m: RequestModel): unknown {
  const plan = bodyPlan(m);
  if (plan.kind === 'json') return JSON.parse(plan.text);
  if (plan.kind === 'form') return Object.fromEntries(plan.fields);
  return plan.kind === 'raw' ? exampleValue(plan.text) : undefined;
}

export function buildOperation(entry: EndpointEntry, context: OperationContext): BuiltOperation {
  const ctx = { ...context, resolve: onPage(context.pageUrl(entry.path), context.resolve) };
  const method = entry.method.toUpperCase();
  const { server, path } = locate(entry);
  const template = pathTemplate(path);
  const names = new Set(template.names);
  const models = requestModels(entry);

  const parameters: Array<Record<string, unknown>> = [];
  const bodyParams: Param[] = [];
  for (const p of entry.arguments) {
    const where = argumentPlace(p, method, names, (why) => ctx.warn(`${entry.source}: ${why}`));
    if (where === 'body') bodyParams.push(p);
    else if (!parameters.some((x) => x.name === p.name && x.in === where)) parameters.push(parameter(p, where, ctx));
  }
  // A {placeholder} no argument describes is still a parameter.
  for (const name of template.names) {
    if (!parameters.some((x) => x.name === name && x.in === 'path'))
      parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  }
  const headerNames = new Set(parameters.filter((p) => p.in === 'header').map((p) => String(p.name).toLowerCase()));
  for (const [name, value] of models.flatMap((m) => m.headers)) {
    if (RESERVED_HEADERS.has(name.toLowerCase()) || headerNames.has(name.toLowerCase())) continue;
    headerNames.add(name.toLowerCase());
    parameters.push({ name, in: 'header', schema: { type: 'string' }, example: value });
  }

  const operation: Record<string, unknown> = {
    summary: entry.title,
    description:
      [entry.descriptionHtml, entry.notesHtml]
        .map((h) => htmlToMarkdown(h, ctx.resolve))
        .filter(Boolean)
        .join('\n\n') || undefined,
    externalDocs: { url: ctx.pageUrl(entry.path) },
    ...(parameters.length ? { parameters } : {}),
  };
  const withBody = models.find((m) => m.body !== undefined);
  if (bodyParams.length || withBody) {
    const schema: Schema = bodyParams.length ? objectSchema(bodyParams, { resolve: ctx.resolve }) : {};
    const example = withBody ? bodyExample(withBody) : undefined;
    const description = htmlToMarkdown(entry.requestBodyHtml, ctx.resolve);
    operation.requestBody = {
      ...(description ? { description } : {}),
      required: bodyParams.some((p) => p.required) || (!bodyParams.length && withBody !== undefined),
      content: { [mediaType(models) ?? 'application/json']: { schema, ...(example !== undefined ? { example } : {}) } },
    };
  }
  const responses = successResponse(entry, ctx);
  errorResponses(entry, responses, ctx);
  operation.responses = responses;
  const security = securityOf(models);
  // An empty list says "no authentication" outright rather than leaving it unsaid.
  operation.security = security.map((name) => ({ [name]: [] }));
  operation['x-api-version'] = entry.version;
  if (!operation.description) delete operation.description;
  return { path: template.path, method: method.toLowerCase(), server, operation, security };
}
