/**
 * What the Try it panel shows after a send (client code): status, timing, headers and the body, JSON
 * pretty-printed and coloured; or why there is no response (CORS or network refusal, timeout) with the
 * equivalent curl to copy. Everything from the response goes in as text nodes, never as HTML.
 */
import { maskKey } from './reader-key.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// JSON tokens: strings (a key when a colon follows), numbers, literals, punctuation.
const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],])/g;

/** JSON text as spans by token kind (classes json-key, json-string, json-number, json-literal). */
export function jsonSpans(text: string): DocumentFragment {
  const out = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > last) out.append(text.slice(last, m.index));
    if (m[1] !== undefined) {
      out.append(el('span', m[2] ? 'json-key' : 'json-string', m[1]));
      if (m[2]) out.append(m[2]);
    } else if (m[3] !== undefined) out.append(el('span', 'json-number', m[3]));
    else if (m[4] !== undefined) out.append(el('span', 'json-literal', m[4]));
    else out.append(m[5]);
    last = m.index + m[0].length;
  }
  out.append(text.slice(last));
  return out;
}

function codeBlock(text: string, json: boolean, copyText?: string): HTMLElement {
  const frame = el('div', 'frame');
  const pre = el('pre', 'try-it-code');
  const code = el('code');
  if (json) code.append(jsonSpans(text));
  else code.textContent = text;
  pre.append(code);
  if (copyText !== undefined) {
    // The page's copy handler (CodeCopy) copies a button's data-code.
    const button = el('button', 'copy', 'Copy');
    Object.assign(button, { type: 'button' });
    button.dataset.code = copyText;
    button.setAttribute('aria-label', 'Copy code');
    frame.append(button);
  }
  frame.append(pre);
  return frame;
}

export interface Shown {
  status: number;
  statusText: string;
  ms: number;
  headers: Array<[string, string]>;
  body: string;
}

/** The response: status and time on one line, then headers, then the body. */
export function showResponse(out: HTMLElement, r: Shown): void {
  out.replaceChildren();
  const line = el('p', 'try-it-status');
  const status = el('strong', `status status-${String(r.status)[0]}xx`, `${r.status} ${r.statusText}`.trim());
  line.append(status, ' ', el('span', 'try-it-time', `${Math.round(r.ms)} ms`));
  out.append(line);
  const details = el('details', 'try-it-headers');
  details.append(el('summary', undefined, `Response headers (${r.headers.length})`));
  const list = el('dl');
  for (const [name, value] of r.headers) list.append(el('dt', undefined, name), el('dd', undefined, value));
  details.append(list);
  out.append(details);
  if (r.body) {
    let pretty: string | undefined;
    try {
      pretty = JSON.stringify(JSON.parse(r.body), null, 2);
    } catch {
      pretty = undefined;
    }
    out.append(codeBlock(pretty ?? r.body, pretty !== undefined));
  } else out.append(el('p', 'try-it-empty', 'The response has no body.'));
}

/** No response to show: a refusal (CORS, network) or a timeout, with the same request as curl. */
export function showFailure(
  out: HTMLElement,
  kind: 'cors' | 'timeout' | 'error',
  detail: { seconds?: number; curl: string; token?: string; origin: string; message?: string },
): void {
  out.replaceChildren();
  const box = el('div', 'try-it-error');
  box.setAttribute('role', 'alert');
  if (kind === 'timeout') {
    box.append(el('strong', undefined, 'Timeout. '), `No response within ${detail.seconds} s, so the request was stopped.`);
  } else if (kind === 'error') {
    box.append(el('strong', undefined, 'The request failed. '), detail.message ?? '', ' The same request in a terminal:');
  } else {
    box.append(
      el('strong', undefined, 'The browser blocked this request (CORS). '),
      `The API did not allow pages from ${detail.origin} to read its response (no Access-Control-Allow-Origin header), or the server could not be reached. The request may still have reached the server. Send it from a terminal instead:`,
    );
  }
  out.append(box);
  // On screen the key is masked, as in the samples; the copy button copies it whole.
  const shown = detail.token ? detail.curl.split(detail.token).join(maskKey(detail.token)) : detail.curl;
  out.append(codeBlock(shown, false, detail.curl));
}

/** A request the reader's input does not make yet. */
export function showProblems(out: HTMLElement, problems: string[]): void {
  out.replaceChildren();
  const box = el('div', 'try-it-error');
  box.setAttribute('role', 'alert');
  box.append(el('strong', undefined, 'Not sent. '));
  const list = el('ul');
  for (const p of problems) list.append(el('li', undefined, p));
  box.append(list);
  out.append(box);
}
