/**
 * The Try it form (client code, loaded when a reader opens the panel, so it costs a page nothing until
 * then). Built from the request shape the model gives (core/model/request-shape.ts): a base-URL choice
 * when there are several servers, an input per path, query and header parameter (typed, required ones
 * marked and checked), the body pre-filled from the example, and the reader's key. The request itself is
 * made by core/model/try-request.ts and sent with fetch.
 */
import { buildTryRequest, tryCurl, type TryInput } from '../../core/model/try-request.ts';
import type { RequestShape, ShapeField } from '../../schemas/try-it.ts';
import { forgetKey, KEY_EVENT, readKey, saveKey } from './reader-key.ts';
import { showFailure, showProblems, showResponse } from './response-view.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An example value as an input's starting text: a JSON string loses its quotes. */
function startValue(f: ShapeField): string {
  if (f.example === undefined) return '';
  try {
    const v: unknown = JSON.parse(f.example);
    return typeof v === 'object' && v !== null ? f.example : String(v);
  } catch {
    return f.example;
  }
}

function input(f: ShapeField): HTMLInputElement | HTMLSelectElement {
  if (f.kind === 'boolean') {
    const select = el('select');
    for (const v of ['', 'true', 'false']) select.append(new Option(v || '(not sent)', v));
    select.value = startValue(f);
    if (f.required) select.required = true;
    return select;
  }
  const box = el('input');
  box.type = f.kind === 'integer' || f.kind === 'number' ? 'number' : 'text';
  if (f.kind === 'integer') box.step = '1';
  if (f.kind === 'number') box.step = 'any';
  box.value = startValue(f);
  box.required = f.required;
  box.autocomplete = 'off';
  box.spellcheck = false;
  return box;
}

/** One labelled input per field; returns a reader of their current values. */
function fieldset(form: HTMLElement, legend: string, fields: ShapeField[]): () => Record<string, string> {
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  if (!fields.length) return () => ({});
  const set = el('fieldset');
  set.append(el('legend', undefined, legend));
  for (const f of fields) {
    const label = el('label', 'try-it-field');
    const name = el('span', 'try-it-name');
    name.append(el('code', undefined, f.name), ' ', el('span', 'try-it-type', f.type));
    if (f.required) name.append(' ', el('span', 'try-it-required', 'required'));
    const box = input(f);
    inputs.set(f.name, box);
    label.append(name, box);
    set.append(label);
  }
  form.append(set);
  return () => Object.fromEntries([...inputs].map(([n, box]) => [n, box.value]));
}

export function mountPanel(host: HTMLElement, shape: RequestShape): void {
  const form = el('form', 'try-it-form');
  form.noValidate = true; // the checks below name every problem at once
  form.setAttribute('aria-label', `Send ${shape.method} ${shape.path}`);

  let server = () => shape.servers[0].url;
  // A label only where there is a choice to label.
  const serverRow = el(shape.servers.length > 1 ? 'label' : 'div', 'try-it-field try-it-server');
  serverRow.append(el('span', 'try-it-name', 'Base URL'));
  if (shape.servers.length > 1) {
    const select = el('select');
    for (const s of shape.servers) select.append(new Option(s.description ? `${s.description}: ${s.url}` : s.url, s.url));
    serverRow.append(select);
    server = () => select.value;
  } else serverRow.append(el('code', undefined, shape.servers[0].url));
  form.append(serverRow);

  const readPath = fieldset(form, 'Path parameters', shape.pathParams);
  const readQuery = fieldset(form, 'Query parameters', shape.query);
  const readHeaders = fieldset(form, 'Headers', shape.headers);

  let readBody = (): string | undefined => undefined;
  if (shape.body) {
    const label = el('label', 'try-it-field try-it-body');
    const name = el('span', 'try-it-name');
    name.append('Body ', el('span', 'try-it-type', shape.body.type));
    const required = shape.body.fields.filter((f) => f.required).map((f) => f.name);
    if (required.length) name.append(' ', el('span', 'try-it-required', `required: ${required.join(', ')}`));
    const area = el('textarea');
    area.value = shape.body.text;
    area.rows = Math.min(18, Math.max(4, shape.body.text.split('\n').length));
    area.spellcheck = false;
    label.append(name, area);
    form.append(label);
    readBody = () => area.value;
  }

  let readToken = (): string => '';
  if (shape.credential) {
    const c = shape.credential;
    const wrap = el('div', 'try-it-field try-it-key');
    const name = el('span', 'try-it-name');
    name.append('Your key ', el('span', 'try-it-type', `${c.header}: ${c.template}`));
    const box = el('input');
    // No name: the key can never travel in a submitted form's URL.
    Object.assign(box, { type: 'password', autocomplete: 'off', spellcheck: false, value: readKey() });
    box.setAttribute('aria-label', `Your key (${c.header}: ${c.template})`);
    // Saved as it is typed, so the samples (above the panel) change while the reader types, not under a click on Send.
    box.addEventListener('input', () => saveKey(box.value));
    document.addEventListener(KEY_EVENT, () => {
      if (box.value.trim() !== readKey()) box.value = readKey();
    });
    const forget = el('button', 'forget-key', 'Forget my key');
    forget.type = 'button';
    forget.addEventListener('click', forgetKey);
    const row = el('span', 'try-it-key-row');
    row.append(box, forget);
    wrap.append(name, row, el('span', 'try-it-hint', 'Kept in this tab’s session storage only; the samples on this page show it masked.'));
    form.append(wrap);
    readToken = () => box.value.trim();
  }

  const send = el('button', 'try-it-send', `Send ${shape.method} request`);
  send.type = 'submit';
  form.append(send);
  const out = el('div', 'try-it-result');
  out.setAttribute('aria-live', 'polite');
  host.replaceChildren(form, out);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = readToken();
    if (token && token !== readKey()) saveKey(token);
    const values: TryInput = { server: server(), path: readPath(), query: readQuery(), headers: readHeaders(), body: readBody(), token };
    const built = buildTryRequest(shape, values);
    if (!built.ok) return showProblems(out, built.problems);
    const { request } = built;
    let headers: Headers;
    try {
      headers = new Headers(request.headers);
    } catch (error) {
      return showProblems(out, [`a header cannot be sent: ${(error as Error).message}`]);
    }
    send.disabled = true;
    out.replaceChildren(el('p', 'try-it-sending', `Sending ${request.method} ${request.url} …`));
    const started = performance.now();
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers,
        body: request.body,
        signal: AbortSignal.timeout(shape.timeoutMs),
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
      const body = await response.text();
      showResponse(out, {
        status: response.status,
        statusText: response.statusText,
        ms: performance.now() - started,
        headers: [...response.headers],
        body,
      });
    } catch (error) {
      const detail = { curl: tryCurl(request), token, origin: location.origin, seconds: shape.timeoutMs / 1000 };
      // fetch reports a refused or unreachable request as a TypeError, and says no more, by design.
      if ((error as Error).name === 'TimeoutError') showFailure(out, 'timeout', detail);
      else if (error instanceof TypeError) showFailure(out, 'cors', detail);
      else showFailure(out, 'error', { ...detail, message: String((error as Error).message) });
    } finally {
      send.disabled = false;
    }
  });
}
