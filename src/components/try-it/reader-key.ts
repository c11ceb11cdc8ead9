/**
 * The reader's key in the request samples (client code). The key lives in sessionStorage only: never in
 * localStorage, a URL or a log. Every sample group whose request has a credential placeholder carries it
 * in `data-credential` (found by core/model/credential.ts from the request model); once a key is saved,
 * the placeholder is shown masked in every language and the copy button copies the sample with the whole
 * key (CodeCopy reads the button's `data-code`). "Forget my key" removes it and restores the samples.
 */

const STORE = 'api-reference:reader-key';
/** Dispatched on `document` whenever the key is saved or forgotten. */
export const KEY_EVENT = 'api-reference:reader-key';

export function readKey(): string {
  try {
    return sessionStorage.getItem(STORE) ?? '';
  } catch {
    return ''; // storage off: no key to show
  }
}

/** A key as it may be shown: its first 4 characters when it is long enough to keep most of it hidden. */
export function maskKey(token: string): string {
  return `${token.length >= 12 ? token.slice(0, 4) : ''}${'•'.repeat(8)}`;
}

export function saveKey(token: string): void {
  const key = token.trim();
  if (!key) return forgetKey();
  try {
    sessionStorage.setItem(STORE, key);
  } catch {
    // Storage off: the samples still show it on this page.
  }
  applyKey(key);
}

export function forgetKey(): void {
  try {
    sessionStorage.removeItem(STORE);
  } catch {
    // nothing stored
  }
  applyKey('');
}

// What each block looked like before the key went in, to restore on "forget".
const originalHtml = new WeakMap<HTMLElement, string>();
const originalCode = new WeakMap<HTMLElement, string | undefined>();

function restore(pre: HTMLElement, button: HTMLElement | null): void {
  if (originalHtml.has(pre)) pre.innerHTML = originalHtml.get(pre)!;
  originalHtml.delete(pre);
  if (button && originalCode.has(button)) {
    const code = originalCode.get(button);
    if (code === undefined) delete button.dataset.code;
    else button.dataset.code = code;
    originalCode.delete(button);
  }
}

/** Replaces each occurrence of `text` in `pre` (possibly split over highlighter spans) with `masked`. */
function maskIn(pre: HTMLElement, text: string, masked: string): void {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  const starts: number[] = [];
  const offsets = nodes.map(((sum) => (n: Text) => ((sum += n.data.length), sum - n.data.length))(0));
  const full = nodes.map((n) => n.data).join('');
  for (let i = full.indexOf(text); i >= 0; i = full.indexOf(text, i + text.length)) starts.push(i);
  const at = (pos: number, end: boolean): [Text, number] => {
    // The node holding character `pos` (or, for an end, the one it closes).
    const j = offsets.findLastIndex((o, k) => (end ? o < pos : o <= pos) && o + nodes[k].data.length >= pos);
    return [nodes[j], pos - offsets[j]];
  };
  // Last first, so the offsets of earlier occurrences stay true.
  for (const start of starts.reverse()) {
    const range = document.createRange();
    range.setStart(...at(start, false));
    range.setEnd(...at(start + text.length, true));
    range.deleteContents();
    const mark = document.createElement('span');
    mark.className = 'reader-key';
    mark.title = 'Your key (masked; the copy button copies it whole)';
    mark.textContent = masked;
    range.insertNode(mark);
  }
}

/** Shows `token` (masked) in every sample with a credential placeholder, or the placeholders again. */
export function applyKey(token = readKey()): void {
  for (const group of document.querySelectorAll<HTMLElement>('[data-credential]')) {
    const placeholder = group.dataset.credential!;
    for (const frame of group.querySelectorAll<HTMLElement>('.frame')) {
      const pre = frame.querySelector<HTMLElement>('pre');
      const button = frame.querySelector<HTMLElement>('button.copy');
      if (!pre) continue;
      restore(pre, button);
      const code = button?.dataset.code ?? pre.textContent ?? '';
      if (!token || !code.includes(placeholder)) continue;
      originalHtml.set(pre, pre.innerHTML);
      if (button) {
        originalCode.set(button, button.dataset.code);
        button.dataset.code = code.split(placeholder).join(token);
      }
      maskIn(pre, placeholder, maskKey(token));
    }
  }
  showBar(token);
  document.dispatchEvent(new CustomEvent(KEY_EVENT));
}

/** One line above the first sample that uses the key: which key, and the way to forget it. */
function showBar(token: string): void {
  let bar = document.querySelector<HTMLElement>('.reader-key-bar');
  const first = document.querySelector<HTMLElement>('[data-credential]');
  if (!token || !first) {
    bar?.remove();
    return;
  }
  if (!bar) {
    bar = document.createElement('div');
    bar.className = 'reader-key-bar';
    const note = document.createElement('span');
    const forget = document.createElement('button');
    Object.assign(forget, { type: 'button', className: 'forget-key', textContent: 'Forget my key' });
    forget.addEventListener('click', forgetKey);
    bar.append(note, ' ', forget);
    first.before(bar);
  }
  bar.querySelector('span')!.textContent = `The samples use your key (${maskKey(token)}).`;
}
