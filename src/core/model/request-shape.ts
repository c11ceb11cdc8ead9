/**
 * Where each argument of an endpoint goes (path, query, header, body) and the request a reader can send
 * from the page: the one producer of that answer for the OpenAPI export (openapi/operation.ts) and the
 * Try it panel (components/try-it), so the two never disagree about an argument.
 */
import type { EndpointEntry, Param } from '../../schemas/reference.ts';
import type { FieldKind, RequestShape, Server, ShapeField, TryItConfig } from '../../schemas/try-it.ts';
import { typeSchema } from '../openapi/schema.ts';
import { credentialOf } from './credential.ts';
import { bodyPlan } from './request-body.ts';
import { parseCurl, type RequestModel } from './request-model.ts';

export type Where = 'path' | 'query' | 'header' | 'body';

const BODYLESS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

/**
 * The path as an OpenAPI template: `{name}` kept, `:name` and `<NAME>` segments made `{name}`, stray
 * braces dropped (a template must pair them). Returns the names in order.
 */
export function pathTemplate(shortUrl: string): { path: string; names: string[] } {
  const clean = shortUrl.trim().split(/[?#]/)[0] || '/';
  const segments = clean.split('/').map((seg) => {
    const colon = /^:([A-Za-z_][\w.-]*)$/.exec(seg) ?? /^<([A-Za-z_][\w.-]*)>$/.exec(seg);
    if (colon) return `{${colon[1]}}`;
    // Only well-formed {name} groups survive.
    return seg.replace(/\{([^{}/]+)\}|[{}]/g, (whole, name: string | undefined) => (name ? `{${name.trim()}}` : ''));
  });
  const path = segments.join('/').startsWith('/') ? segments.join('/') : `/${segments.join('/')}`;
  const names = [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
  return { path, names };
}

/**
 * The server and the path of an endpoint: the full URL less the short one when it ends with it, else
 * the full URL's origin and path (what a request really reaches), else the short URL alone.
 */
export function locate(entry: Pick<EndpointEntry, 'fullUrl' | 'shortUrl'>): { server: string; path: string } {
  const full = entry.fullUrl.trim();
  const short = entry.shortUrl.trim();
  if (short && full.endsWith(short) && full !== short) return { server: full.slice(0, full.length - short.length), path: short };
  const url = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)([^?#]*)/i.exec(full);
  if (url) return { server: url[1], path: url[2] || '/' };
  return { server: '', path: short || full || '/' };
}

/**
 * Where an argument goes: into the path when the URL has a `{placeholder}` of its name, into a header when
 * its type says so, into the query when its type says so or the method carries no body (GET, HEAD,
 * DELETE, OPTIONS), else into the body. A "path parameter" the URL has no place for goes in the query,
 * and `warn` says so.
 */
export function argumentPlace(p: Param, method: string, pathNames: Set<string>, warn?: (why: string) => void): Where {
  const type = p.type.toLowerCase();
  if (pathNames.has(p.name)) return 'path';
  if (/\bheader\b/.test(type)) return 'header';
  if (/\bpath\b/.test(type)) {
    warn?.(`argument "${p.name}" is typed as a path parameter, but the URL has no {${p.name}}; exported as a query parameter`);
    return 'query';
  }
  if (/\bquery\b/.test(type) || BODYLESS.has(method.toUpperCase())) return 'query';
  return 'body';
}

function kindOf(type: string): FieldKind {
  const t = typeSchema(type)?.type;
  return typeof t === 'string' && ['string', 'integer', 'number', 'boolean', 'object', 'array'].includes(t) ? (t as FieldKind) : 'string';
}

function field(p: Param): ShapeField {
  return {
    name: p.name,
    type: p.type,
    kind: kindOf(p.type),
    required: p.required === true,
    ...(p.example !== undefined && p.example.trim() !== '' ? { example: p.example.trim() } : {}),
    id: p.id,
  };
}

/** An example value as JSON: the text parsed when it is JSON, else a string of it. */
function exampleJson(p: Param): unknown {
  if (p.example !== undefined && p.example.trim() !== '') {
    try {
      return JSON.parse(p.example.trim());
    } catch {
      return p.example.trim();
    }
  }
  const kind = kindOf(p.type);
  if (kind === 'object') return Object.fromEntries(p.children.filter((c) => c.required).map((c) => [c.name, exampleJson(c)]));
  if (kind === 'array') return [];
  if (kind === 'integer' || kind === 'number') return 0;
  return kind === 'boolean' ? false : '';
}

/**
 * A JSON body for an endpoint whose examples give none: the required arguments (and any with an example
 * value), each with its example or an empty value of its type.
 */
export function bodySkeleton(params: Param[]): string {
  const chosen = params.filter((p) => p.required || (p.example !== undefined && p.example.trim() !== ''));
  return JSON.stringify(Object.fromEntries(chosen.map((p) => [p.name, exampleJson(p)])), null, 2);
}

/** JSON text re-indented; text the request model read as JSON but JSON.parse does not stays as written. */
function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const isHttp = (url: string) => /^https?:\/\/[^\s"'<>`\\{}[\]]+$/i.test(url);

/**
 * The request shape of an endpoint page, or `undefined` when the panel is off for it: switched off in the
 * site config or the page's front matter, a method the owner marks unsafe, or no http(s) server to send
 * to (neither the full URL nor the config names one).
 */
export function requestShape(entry: EndpointEntry, config: TryItConfig, pageSwitch?: boolean): RequestShape | undefined {
  const method = entry.method.toUpperCase();
  if (!config.enabled || pageSwitch === false || !method || !entry.available) return undefined;
  if (config['unsafe-methods'].includes(method)) return undefined;
  const { server, path } = locate(entry);
  const servers: Server[] = [];
  const own = server.replace(/\/+$/, '');
  if (isHttp(own)) servers.push({ url: own, description: '' });
  for (const s of config.servers) if (!servers.some((x) => x.url === s.url)) servers.push(s);
  if (!servers.length) return undefined;

  const template = pathTemplate(path);
  const names = new Set(template.names);
  const shape: RequestShape = {
    method,
    path: template.path,
    servers,
    pathParams: [],
    query: [],
    headers: [],
    fixedHeaders: [],
    timeoutMs: Math.round(config.timeout * 1000),
  };
  const bodyParams: Param[] = [];
  for (const p of entry.arguments) {
    const where = argumentPlace(p, method, names);
    if (where === 'body') bodyParams.push(p);
    else {
      const list = where === 'path' ? shape.pathParams : where === 'query' ? shape.query : shape.headers;
      // Path parameters are required by definition.
      if (!list.some((f) => f.name === p.name)) list.push({ ...field(p), required: where === 'path' || p.required === true });
    }
  }
  // A {placeholder} no argument describes still needs a value.
  for (const name of template.names) {
    if (!shape.pathParams.some((f) => f.name === name)) shape.pathParams.push({ name, type: 'string', kind: 'string', required: true });
  }
  shape.pathParams.sort((a, b) => template.names.indexOf(a.name) - template.names.indexOf(b.name));

  const models = entry.requests.map((r) => parseCurl(r.code)?.model).filter((m): m is RequestModel => m !== undefined);
  const model = models.find((m) => m.method === method) ?? models[0];
  const credential = models.map(credentialOf).find((c) => c !== undefined);
  if (credential) shape.credential = credential;
  if (model) {
    const skip = new Set([credential?.header.toLowerCase(), ...shape.headers.map((h) => h.name.toLowerCase())]);
    shape.fixedHeaders = model.headers.filter(([n]) => !skip.has(n.toLowerCase()));
  }
  const withBody = models.find((m) => m.body !== undefined);
  if (!BODYLESS.has(method) && (bodyParams.length || withBody)) {
    const plan = withBody ? bodyPlan(withBody) : undefined;
    const written = withBody?.headers.find(([n]) => /^content-type$/i.test(n))?.[1] ?? withBody?.defaultContentType;
    let text = bodyParams.length ? bodySkeleton(bodyParams) : '';
    if (plan?.kind === 'json') text = prettyJson(plan.text);
    else if (plan?.kind === 'raw' || plan?.kind === 'form') text = withBody!.body!;
    shape.body = { type: written ?? 'application/json', fields: bodyParams.map(field), text };
    if (!shape.fixedHeaders.some(([n]) => /^content-type$/i.test(n))) shape.fixedHeaders.push(['Content-Type', shape.body.type]);
  }
  return shape;
}
