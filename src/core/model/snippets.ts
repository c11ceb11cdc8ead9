/**
 * Code samples in several languages from one request model. Strings are written with JSON.stringify, which
 * is a valid string literal in JavaScript and Python alike, so placeholders such as `<ACCESS_TOKEN>` or
 * `{source_id}` come out verbatim. A JSON body becomes an object literal / dict only when it parses; its
 * numbers keep the text they were written with (no float rounding of long IDs).
 */
import { parseCurl, type RequestModel } from './request-model.ts';

export type SnippetId = 'curl' | 'javascript' | 'python';

export interface Snippet {
  id: SnippetId;
  /** Tab label. */
  label: string;
  /** Highlighter language. */
  lang: string;
  code: string;
}

type Json =
  | { t: 'obj'; entries: Array<[string, Json]> }
  | { t: 'arr'; items: Json[] }
  | { t: 'str'; v: string }
  | { t: 'num'; raw: string }
  | { t: 'lit'; v: 'true' | 'false' | 'null' };

/** Strict JSON to a tree that keeps number text; `undefined` when the text is not JSON. */
export function parseJson(text: string): Json | undefined {
  let i = 0;
  const ws = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const value = (): Json => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: Array<[string, Json]> = [];
      ws();
      if (text[i] === '}') return (i++, { t: 'obj', entries });
      for (;;) {
        ws();
        const key = value();
        if (key.t !== 'str') throw new Error('key');
        ws();
        if (text[i++] !== ':') throw new Error(':');
        entries.push([key.v, value()]);
        ws();
        const next = text[i++];
        if (next === '}') return { t: 'obj', entries };
        if (next !== ',') throw new Error(',');
      }
    }
    if (c === '[') {
      i++;
      const items: Json[] = [];
      ws();
      if (text[i] === ']') return (i++, { t: 'arr', items });
      for (;;) {
        items.push(value());
        ws();
        const next = text[i++];
        if (next === ']') return { t: 'arr', items };
        if (next !== ',') throw new Error(',');
      }
    }
    if (c === '"') {
      // JSON forbids raw control characters inside strings.
      // eslint-disable-next-line no-control-regex
      const m = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(i));
      if (!m) throw new Error('string');
      i += m[0].length;
      return { t: 'str', v: JSON.parse(m[0]) as string };
    }
    const lit = /^(?:true|false|null)/.exec(text.slice(i));
    if (lit) {
      i += lit[0].length;
      return { t: 'lit', v: lit[0] as 'true' | 'false' | 'null' };
    }
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!num) throw new Error('value');
    i += num[0].length;
    return { t: 'num', raw: num[0] };
  };
  try {
    const v = value();
    ws();
    return i === text.length ? v : undefined;
  } catch {
    return undefined;
  }
}

const str = (s: string) => JSON.stringify(s);

interface Dialect {
  key: (k: string) => string;
  lit: (v: 'true' | 'false' | 'null') => string;
  indent: string;
  /** Space inside one-line braces: `{ a: 1 }` (Prettier) or `{"a": 1}` (Black). */
  brace: string;
}
const JS: Dialect = { key: (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : str(k)), lit: (v) => v, indent: '  ', brace: ' ' };
const PY: Dialect = { key: str, lit: (v) => ({ true: 'True', false: 'False', null: 'None' })[v], indent: '    ', brace: '' };

/** A literal for `v`; short containers of plain values stay on one line. */
function literal(v: Json, d: Dialect, pad: string): string {
  if (v.t === 'str') return str(v.v);
  if (v.t === 'num') return v.raw;
  if (v.t === 'lit') return d.lit(v.v);
  const inner = pad + d.indent;
  const parts =
    v.t === 'obj' ? v.entries.map(([k, x]) => `${d.key(k)}: ${literal(x, d, inner)}`) : v.items.map((x) => literal(x, d, inner));
  const [open, close] = v.t === 'obj' ? ['{', '}'] : ['[', ']'];
  if (!parts.length) return open + close;
  const flat =
    v.t === 'obj' ? v.entries.every(([, x]) => x.t !== 'obj' && x.t !== 'arr') : v.items.every((x) => x.t !== 'obj' && x.t !== 'arr');
  const oneLine = v.t === 'obj' ? `{${d.brace}${parts.join(', ')}${d.brace}}` : `[${parts.join(', ')}]`;
  if (flat && oneLine.length + pad.length <= 72 && !oneLine.includes('\n')) return oneLine;
  return `${open}\n${parts.map((p) => `${inner}${p},`).join('\n')}\n${pad}${close}`;
}

/** A JSON body worth writing as a literal: an object or array. */
function jsonBody(m: RequestModel): Json | undefined {
  if (m.body === undefined) return undefined;
  const parsed = parseJson(m.body.trim());
  return parsed && (parsed.t === 'obj' || parsed.t === 'arr') ? parsed : undefined;
}

/** Single-quoted for a POSIX shell; an embedded quote becomes '\''. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function curlSnippet(m: RequestModel): string {
  const first = ['curl', ...(m.method === 'HEAD' ? ['-I'] : m.method !== 'GET' ? ['-X', m.method] : []), shellQuote(m.url)].join(' ');
  const lines = [first, ...m.headers.map(([n, v]) => `-H ${shellQuote(`${n}: ${v}`)}`)];
  if (m.user !== undefined) lines.push(`-u ${shellQuote(m.user)}`);
  if (m.body !== undefined) lines.push(`-d ${shellQuote(m.body)}`);
  return lines.join(' \\\n  ');
}

export function fetchSnippet(m: RequestModel): string {
  const opts: string[] = [];
  if (m.method !== 'GET') opts.push(`method: ${str(m.method)}`);
  const headers = m.headers.map(([n, v]) => `${str(n)}: ${str(v)}`);
  if (m.user !== undefined) headers.push(`"Authorization": "Basic " + btoa(${str(m.user)})`);
  if (headers.length) opts.push(`headers: {\n${headers.map((h) => `    ${h},`).join('\n')}\n  }`);
  const json = jsonBody(m);
  if (json) opts.push(`body: JSON.stringify(${literal(json, JS, '  ')})`);
  else if (m.body !== undefined) opts.push(`body: ${str(m.body)}`);
  const call = opts.length ? `fetch(${str(m.url)}, {\n${opts.map((o) => `  ${o},`).join('\n')}\n})` : `fetch(${str(m.url)})`;
  return `const response = await ${call};\nconsole.log(await response.json());`;
}

const REQUESTS_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export function requestsSnippet(m: RequestModel): string {
  const args = REQUESTS_METHODS.has(m.method) ? [str(m.url)] : [str(m.method), str(m.url)];
  const fn = REQUESTS_METHODS.has(m.method) ? m.method.toLowerCase() : 'request';
  if (m.headers.length) args.push(`headers={\n${m.headers.map(([n, v]) => `        ${str(n)}: ${str(v)},`).join('\n')}\n    }`);
  if (m.user !== undefined) {
    const colon = m.user.indexOf(':');
    args.push(colon < 0 ? `auth=(${str(m.user)}, "")` : `auth=(${str(m.user.slice(0, colon))}, ${str(m.user.slice(colon + 1))})`);
  }
  const json = jsonBody(m);
  if (json) args.push(`json=${literal(json, PY, '    ')}`);
  else if (m.body !== undefined) args.push(`data=${str(m.body)}`);
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
  out.push({ id: 'python', label: 'Python', lang: 'python', code: requestsSnippet(model) });
  return out;
}
