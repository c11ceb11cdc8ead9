/**
 * The request the Try it panel sends, from the endpoint's request shape and what the reader typed. Pure,
 * so the same rules (required fields, path encoding, where the key goes) are unit-tested here and run in
 * the browser unchanged; the equivalent curl for a refused (CORS) request comes from the same request model
 * as the page's samples.
 */
import type { RequestShape, ShapeField } from '../../schemas/try-it.ts';
import type { RequestModel } from './request-model.ts';
import { curlSnippet } from './snippets.ts';

export interface TryInput {
  /** The chosen base URL (one of the shape's servers). */
  server: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
  /** The reader's key; the credential header is left out without one. */
  token?: string;
}

export interface TryRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body?: string;
}

export type Built = { ok: true; request: TryRequest } | { ok: false; problems: string[] };

const filled = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

function missing(fields: ShapeField[], values: Record<string, string>, where: string): string[] {
  return fields.filter((f) => f.required && !filled(values[f.name])).map((f) => `${f.name} (${where}) is required`);
}

function valueProblems(fields: ShapeField[], values: Record<string, string>): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const v = values[f.name];
    if (!filled(v)) continue;
    if (f.kind === 'integer' && !/^-?\d+$/.test(v.trim())) out.push(`${f.name} must be a whole number`);
    else if (f.kind === 'number' && !Number.isFinite(Number(v))) out.push(`${f.name} must be a number`);
    else if (f.kind === 'boolean' && !['true', 'false'].includes(v.trim())) out.push(`${f.name} must be true or false`);
  }
  return out;
}

const isJson = (type: string) => /[/+]json\b/i.test(type);

/** The request to send, or what stops it (each required field left empty, a body that is not JSON). */
export function buildTryRequest(shape: RequestShape, input: TryInput): Built {
  const problems = [
    ...missing(shape.pathParams, input.path, 'path'),
    ...missing(shape.query, input.query, 'query'),
    ...missing(shape.headers, input.headers, 'header'),
    ...valueProblems([...shape.pathParams, ...shape.query, ...shape.headers], { ...input.path, ...input.query, ...input.headers }),
  ];
  let body: string | undefined;
  if (shape.body && filled(input.body)) {
    body = input.body;
    if (isJson(shape.body.type)) {
      let value: unknown;
      try {
        value = JSON.parse(body);
      } catch (error) {
        problems.push(`the body is not valid JSON (${(error as Error).message})`);
      }
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const f of shape.body.fields) if (f.required && !(f.name in value)) problems.push(`${f.name} (body) is required`);
      }
    }
  } else if (shape.body?.fields.some((f) => f.required)) problems.push('the body is required');
  if (problems.length) return { ok: false, problems };

  // A value fills its own segment only: `/` and `?` in it are escaped.
  const path = shape.path.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeURIComponent(input.path[name]?.trim() ?? ''));
  const query = new URLSearchParams();
  for (const f of shape.query) if (filled(input.query[f.name])) query.append(f.name, input.query[f.name].trim());
  const qs = query.toString();
  const headers: Array<[string, string]> = [...shape.fixedHeaders];
  for (const f of shape.headers) if (filled(input.headers[f.name])) headers.push([f.name, input.headers[f.name].trim()]);
  const c = shape.credential;
  if (c && filled(input.token)) headers.push([c.header, c.template.split(c.placeholder).join(input.token.trim())]);
  const request: TryRequest = { method: shape.method, url: `${input.server.replace(/\/+$/, '')}${path}${qs ? `?${qs}` : ''}`, headers };
  if (body !== undefined) request.body = body;
  return { ok: true, request };
}

/** The same request as a curl command (what a reader runs when the browser may not read the answer). */
export function tryCurl(request: TryRequest): string {
  const model: RequestModel = { method: request.method, url: request.url, headers: request.headers };
  if (request.body !== undefined) model.body = request.body;
  return curlSnippet(model);
}
