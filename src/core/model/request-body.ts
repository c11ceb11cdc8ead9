/**
 * How a sample sends a request's body, decided once for every language so they all send what curl sends:
 * a JSON literal when the request says it is JSON and the text parses, the language's own form encoder
 * for a form (`-d color=red`), otherwise the text as written. A body sent as text carries the Content-Type
 * curl would have added (`application/x-www-form-urlencoded`), since no language adds that one itself.
 */
import { parseJson, type Json } from './json-literal.ts';
import type { RequestModel } from './request-model.ts';

export type BodyPlan =
  | { kind: 'none' }
  | { kind: 'json'; value: Json; text: string }
  | { kind: 'form'; fields: Array<[string, string]> }
  | { kind: 'raw'; text: string };

const isContentType = (name: string) => /^content-type$/i.test(name);

export function bodyPlan(m: RequestModel): BodyPlan {
  if (m.body === undefined) return { kind: 'none' };
  if (m.form) return { kind: 'form', fields: m.form };
  const type = m.headers.find(([n]) => isContentType(n))?.[1];
  // `application/json`, `application/vnd.api+json`; a body sent without a type goes as curl's form.
  if (type && /[/+]json\b/i.test(type)) {
    const value = parseJson(m.body.trim());
    if (value && (value.t === 'obj' || value.t === 'arr')) return { kind: 'json', value, text: m.body.trim() };
  }
  return { kind: 'raw', text: m.body };
}

/**
 * The headers a sample sets: those written, plus curl's implicit Content-Type when the body goes as text
 * (or, with `explicitForm`, as a form the language does not label itself, as Go's is not).
 */
export function sentHeaders(m: RequestModel, plan: BodyPlan, explicitForm = false): Array<[string, string]> {
  const needsType = plan.kind === 'raw' || (plan.kind === 'form' && explicitForm);
  if (needsType && m.defaultContentType && !m.headers.some(([n]) => isContentType(n))) {
    return [...m.headers, ['Content-Type', m.defaultContentType]];
  }
  return m.headers;
}

/** True when no name repeats, so the fields can be written as a map (object, dict, hash, array). */
export function uniqueNames(fields: Array<[string, string]>): boolean {
  return new Set(fields.map(([n]) => n)).size === fields.length;
}

/** `-u user:password` split as curl splits it (no colon: an empty password). */
export function basicAuth(user: string): [string, string] {
  const colon = user.indexOf(':');
  return colon < 0 ? [user, ''] : [user.slice(0, colon), user.slice(colon + 1)];
}
