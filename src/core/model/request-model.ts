/**
 * The one request model behind an endpoint's code samples: a curl command as the docs write it, read the
 * way a POSIX shell would split it. Anything we cannot read with certainty (another tool, a file upload,
 * an option we do not know) gives `undefined`, so callers show the original text and invent nothing.
 */

export interface RequestModel {
  /** Upper-case HTTP method. */
  method: string;
  url: string;
  /** In the order written; names keep their case. */
  headers: Array<[name: string, value: string]>;
  /** The body curl sends: several data options joined with `&`, `--data-urlencode` parts encoded. */
  body?: string;
  /** `-u user:password`. */
  user?: string;
  /** The Content-Type curl adds itself when no `-H` names one: a form, for every data option. */
  defaultContentType?: string;
  /**
   * The body as decoded name/value pairs, when it is sent as a form and reads as one (`-d color=red`):
   * languages then build it with their own form encoder, as curl's server receives it.
   */
  form?: Array<[name: string, value: string]>;
}

export interface ParsedCurl {
  model: RequestModel;
  /**
   * True when option lines follow the command without a `\` (a shell would run only the first line); the
   * text is then not safe to paste as it is.
   */
  looseLines: boolean;
}

// Flags that change nothing about the request a reader makes (output, verbosity, TLS, redirects).
const NO_ARG = new Set([
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-v',
  '--verbose',
  '-i',
  '--include',
  '-L',
  '--location',
  '-k',
  '--insecure',
  '--compressed',
  '-f',
  '--fail',
  '-g',
  '--globoff',
  '-#',
  '--progress-bar',
]);
const DATA = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode', '--json']);
export const FORM_TYPE = 'application/x-www-form-urlencoded';
const HEADER_OPTS: Record<string, string> = {
  '-A': 'User-Agent',
  '--user-agent': 'User-Agent',
  '-e': 'Referer',
  '--referer': 'Referer',
  '-b': 'Cookie',
  '--cookie': 'Cookie',
};
const WITH_ARG = new Set(['-X', '--request', '-H', '--header', '-u', '--user', '--url', ...DATA, ...Object.keys(HEADER_OPTS)]);

const PLACEHOLDER = /^<[A-Za-z_][\w.-]*>/;

interface Tokens {
  words: string[];
  looseLines: boolean;
}

/** Shell word splitting: quotes, backslash escapes, `\`-newline continuations. */
export function shellWords(text: string): Tokens | undefined {
  const src = text.replace(/\r\n?/g, '\n');
  const words: string[] = [];
  let word: string | undefined;
  let looseLines = false;
  let i = 0;
  const end = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) return undefined;
      word = (word ?? '') + src.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      let j = i + 1;
      let out = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length && '"\\$`\n'.includes(src[j + 1])) {
          if (src[j + 1] !== '\n') out += src[j + 1];
          j += 2;
        } else out += src[j++];
      }
      if (j >= src.length) return undefined;
      word = (word ?? '') + out;
      i = j + 1;
    } else if (c === '\\') {
      if (src[i + 1] === '\n') end();
      else if (i + 1 < src.length) word = (word ?? '') + src[i + 1];
      i += 2;
    } else if (c === '\n') {
      end();
      // A newline ends the command unless the next non-blank line carries on with an option.
      const rest = src.slice(i + 1);
      if (!rest.trim()) break;
      if (!/^\s*-/.test(rest)) return undefined;
      looseLines = true;
      i++;
    } else if (c === ' ' || c === '\t') {
      end();
      i++;
    } else if (c === '<' && PLACEHOLDER.test(src.slice(i))) {
      // `<PARCEL_ID>` is a placeholder to a docs reader, never a redirect.
      const [ph] = PLACEHOLDER.exec(src.slice(i))!;
      word = (word ?? '') + ph;
      i += ph.length;
    } else if (';|&<>()`$'.includes(c) && (c !== '$' || src[i + 1] === '(')) {
      // Pipes, redirects, substitutions, several commands: not one plain request.
      return undefined;
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  end();
  return { words, looseLines };
}

/** Reads a curl command; `undefined` for anything else or anything not fully understood. */
export function parseCurl(text: string): ParsedCurl | undefined {
  const tokens = shellWords(text.trim().replace(/^\$\s+/, ''));
  if (!tokens || tokens.words[0] !== 'curl') return undefined;
  const args = tokens.words.slice(1);
  let method: string | undefined;
  let url: string | undefined;
  let head = false;
  let get = false;
  const headers: Array<[string, string]> = [];
  const data: string[] = [];
  let user: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    let opt = args[i];
    let value: string | undefined;
    if (!opt.startsWith('-') || opt === '-') {
      if (url !== undefined) return undefined;
      url = opt;
      continue;
    }
    // Short options may carry their value attached: -XPOST, -H'Accept: x'.
    if (/^-[A-Za-z]./.test(opt) && WITH_ARG.has(opt.slice(0, 2))) {
      value = opt.slice(2);
      opt = opt.slice(0, 2);
    }
    if (NO_ARG.has(opt)) continue;
    // Bundled short flags: -sSL.
    if (/^-[A-Za-z#]{2,}$/.test(opt) && [...opt.slice(1)].every((f) => NO_ARG.has(`-${f}`))) continue;
    if (opt === '-I' || opt === '--head') {
      head = true;
      continue;
    }
    if (opt === '-G' || opt === '--get') {
      get = true;
      continue;
    }
    if (!WITH_ARG.has(opt)) return undefined;
    if (value === undefined) {
      if (i + 1 >= args.length) return undefined;
      value = args[++i];
    }
    if (opt === '-X' || opt === '--request') method = value.toUpperCase();
    else if (opt === '--url') {
      if (url !== undefined) return undefined;
      url = value;
    } else if (opt === '-H' || opt === '--header') {
      const colon = value.indexOf(':');
      if (colon <= 0) return undefined;
      headers.push([value.slice(0, colon).trim(), value.slice(colon + 1).trim()]);
    } else if (opt === '-u' || opt === '--user') user = value;
    else if (opt === '--data-urlencode') {
      const encoded = urlencodeArg(value);
      if (encoded === undefined) return undefined;
      data.push(encoded);
    } else if (DATA.has(opt)) {
      // `@file` reads a file the reader has and we do not.
      if (value.startsWith('@') && opt !== '--data-raw') return undefined;
      json ||= opt === '--json';
      data.push(value);
    } else headers.push([HEADER_OPTS[opt], value]);
  }
  if (!url) return undefined;
  // curl refuses -I with data (two methods at once).
  if (head && data.length && !get) return undefined;
  // --json's headers give way to the reader's own, wherever those are written.
  if (json) {
    if (!headers.some(([n]) => /^content-type$/i.test(n))) headers.push(['Content-Type', 'application/json']);
    if (!headers.some(([n]) => /^accept$/i.test(n))) headers.push(['Accept', 'application/json']);
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('{') && !url.startsWith('<')) url = `http://${url}`;
  const model: RequestModel = { method: '', url, headers };
  if (get && data.length) {
    model.url += (url.includes('?') ? '&' : '?') + data.join('&');
  } else if (data.length) model.body = data.join('&');
  model.method = method ?? (head ? 'HEAD' : model.body !== undefined ? 'POST' : 'GET');
  if (user !== undefined) model.user = user;
  if (model.body !== undefined) {
    const type = headers.find(([n]) => /^content-type$/i.test(n))?.[1];
    if (type === undefined) model.defaultContentType = FORM_TYPE;
    const form = (type ?? FORM_TYPE).toLowerCase().startsWith(FORM_TYPE) ? decodeForm(model.body) : undefined;
    if (form) model.form = form;
  }
  return { model, looseLines: tokens.looseLines };
}

/**
 * `--data-urlencode`'s escaping: everything but letters, digits and `-._~`. curl versions differ in the
 * details (newer ones write a space as `+` and hex in lower case); a server decodes them all the same.
 */
export function curlEscape(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * One `--data-urlencode` argument as curl sends it: `content` and `=content` encode the content,
 * `name=content` keeps the name and encodes the content; `@file` and `name@file` read a file we do not
 * have. An `=` anywhere wins over an `@`, as in curl.
 */
function urlencodeArg(arg: string): string | undefined {
  const eq = arg.indexOf('=');
  if (eq < 0) return arg.includes('@') ? undefined : curlEscape(arg);
  const name = arg.slice(0, eq);
  return (name ? `${name}=` : '') + curlEscape(arg.slice(eq + 1));
}

// A form field name as APIs write them: `color`, `metadata[key]`, `items[0].sku`, percent-escapes.
const FIELD_NAME = /^[\w.~%+:[\]-]+$/;

/**
 * A body's name/value pairs, decoded as a server decodes a form (`+` is a space, then %-escapes), or
 * `undefined` when it is not plainly a form (a part without `=`, an odd name, a broken escape): the
 * samples then send the text as it is.
 */
export function decodeForm(body: string): Array<[string, string]> | undefined {
  const fields: Array<[string, string]> = [];
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || !FIELD_NAME.test(part.slice(0, eq))) return undefined;
    try {
      const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
      fields.push([decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
    } catch {
      return undefined;
    }
  }
  return fields;
}

/** Fields encoded as a browser's form encoder (URLSearchParams) does: what decodeForm reads back. */
export function encodeForm(fields: Array<[string, string]>): string {
  return new URLSearchParams(fields).toString();
}
