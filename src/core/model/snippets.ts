/**
 * Code samples in several languages from one request model (curl, JavaScript `fetch`, Python `requests`
 * here; Go, Ruby and PHP in their own files). Strings are written so that placeholders such as
 * `<ACCESS_TOKEN>` or `{source_id}` come out verbatim. How the body goes (JSON literal, form, text) is
 * decided once, in request-body.ts, so every language sends what curl sends.
 */
import { JS, PY, literal, quoted as str } from './json-literal.ts';
import { basicAuth, bodyPlan, sentHeaders, uniqueNames } from './request-body.ts';
import { parseCurl, type RequestModel } from './request-model.ts';
import { goSnippet } from './snippets-go.ts';
import { phpSnippet } from './snippets-php.ts';
import { rubySnippet } from './snippets-ruby.ts';

export { parseJson } from './json-literal.ts';

export const SNIPPET_IDS = ['curl', 'javascript', 'python', 'go', 'ruby', 'php'] as const;
export type SnippetId = (typeof SNIPPET_IDS)[number];

export interface Snippet {
  id: SnippetId;
  /** Tab label. */
  label: string;
  /** Highlighter language. */
  lang: string;
  code: string;
}

/** Single-quoted for a POSIX shell; an embedded quote becomes '\''. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function curlSnippet(m: RequestModel): string {
  const first = ['curl', ...(m.method === 'HEAD' ? ['-I'] : m.method !== 'GET' ? ['-X', m.method] : []), shellQuote(m.url)].join(' ');
  const lines = [first, ...m.headers.map(([n, v]) => `-H ${shellQuote(`${n}: ${v}`)}`)];
  if (m.user !== undefined) lines.push(`-u ${shellQuote(m.user)}`);
  // `-d @x` would read a file named x; --data-raw sends the text.
  if (m.body !== undefined) lines.push(`${m.body.startsWith('@') ? '--data-raw' : '-d'} ${shellQuote(m.body)}`);
  return lines.join(' \\\n  ');
}

export function fetchSnippet(m: RequestModel): string {
  const plan = bodyPlan(m);
  const opts: string[] = [];
  if (m.method !== 'GET') opts.push(`method: ${str(m.method)}`);
  const headers = sentHeaders(m, plan).map(([n, v]) => `${str(n)}: ${str(v)}`);
  if (m.user !== undefined) headers.push(`"Authorization": "Basic " + btoa(${str(m.user)})`);
  if (headers.length) opts.push(`headers: {\n${headers.map((h) => `    ${h},`).join('\n')}\n  }`);
  if (plan.kind === 'json') opts.push(`body: JSON.stringify(${literal(plan.value, JS, '  ')})`);
  // URLSearchParams encodes the form and sets its Content-Type, as curl does.
  else if (plan.kind === 'form') opts.push(`body: new URLSearchParams(${fields(plan.fields, JS, '  ')})`);
  else if (plan.kind === 'raw') opts.push(`body: ${str(plan.text)}`);
  const call = opts.length ? `fetch(${str(m.url)}, {\n${opts.map((o) => `  ${o},`).join('\n')}\n})` : `fetch(${str(m.url)})`;
  return `const response = await ${call};\nconsole.log(await response.json());`;
}

/** Form fields as an object / dict, or as a list of pairs when a name repeats. */
function fields(pairs: Array<[string, string]>, d: typeof JS, pad: string): string {
  if (uniqueNames(pairs)) return literal({ t: 'obj', entries: pairs.map(([n, v]) => [n, { t: 'str', v }]) }, d, pad);
  const inner = pad + d.indent;
  const pair = ([n, v]: [string, string]) => (d === PY ? `(${str(n)}, ${str(v)})` : `[${str(n)}, ${str(v)}]`);
  return `[\n${pairs.map((p) => `${inner}${pair(p)},`).join('\n')}\n${pad}]`;
}

const REQUESTS_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export function requestsSnippet(m: RequestModel): string {
  const plan = bodyPlan(m);
  const args = REQUESTS_METHODS.has(m.method) ? [str(m.url)] : [str(m.method), str(m.url)];
  const fn = REQUESTS_METHODS.has(m.method) ? m.method.toLowerCase() : 'request';
  const headers = sentHeaders(m, plan);
  if (headers.length) args.push(`headers={\n${headers.map(([n, v]) => `        ${str(n)}: ${str(v)},`).join('\n')}\n    }`);
  if (m.user !== undefined)
    args.push(
      `auth=(${basicAuth(m.user)
        .map((s) => str(s))
        .join(', ')})`,
    );
  if (plan.kind === 'json') args.push(`json=${literal(plan.value, PY, '    ')}`);
  // requests form-encodes a dict or a list of pairs given as data=, and labels it as curl does.
  else if (plan.kind === 'form') args.push(`data=${fields(plan.fields, PY, '    ')}`);
  else if (plan.kind === 'raw') args.push(`data=${str(plan.text)}`);
  const call = args.length === 1 ? `requests.${fn}(${args[0]})` : `requests.${fn}(\n${args.map((a) => `    ${a},`).join('\n')}\n)`;
  return `import requests\n\nresponse = ${call}\nprint(response.json())`;
}

/**
 * The language versions of one request example, or `undefined` when it is not a curl command we can read
 * (the page then shows the original text alone). The curl tab keeps the author's text, unless its lines
 * are not joined with `\` and would not run as pasted.
 */
export function snippetsFor(original: string): Snippet[] | undefined {
  const parsed = parseCurl(original);
  if (!parsed) return undefined;
  const { model, looseLines } = parsed;
  // fetch refuses a body on GET and HEAD, so there is no faithful JavaScript for such a request.
  const fetchable = model.body === undefined || !['GET', 'HEAD'].includes(model.method);
  const out: Snippet[] = [{ id: 'curl', label: 'curl', lang: 'shellscript', code: looseLines ? curlSnippet(model) : original }];
  if (fetchable) out.push({ id: 'javascript', label: 'JavaScript', lang: 'javascript', code: fetchSnippet(model) });
  out.push(
    { id: 'python', label: 'Python', lang: 'python', code: requestsSnippet(model) },
    { id: 'go', label: 'Go', lang: 'go', code: goSnippet(model) },
    { id: 'ruby', label: 'Ruby', lang: 'ruby', code: rubySnippet(model) },
    { id: 'php', label: 'PHP', lang: 'php', code: phpSnippet(model) },
  );
  return out;
}
