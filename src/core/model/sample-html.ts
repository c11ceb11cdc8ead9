/**
 * Code samples' highlighted HTML (Shiki). A build highlights every sample up front. The dev server asks for
 * `lazy`: each `html` is a getter that highlights on first read, so starting the server or saving a data file
 * that changes the samples of many pages highlights only the samples of the pages actually viewed. The
 * text is the same either way (same highlighter, same input); only when it is made differs.
 */
import type { CodeSample, ReferenceEntry } from '../../schemas/reference.ts';
import type { Highlighter } from './engine.ts';

/** Sets `key` on `target` to `make()`, now or (lazy) on first read; an assignment replaces it as usual. */
function setHtml(target: { html: string }, make: () => string, lazy: boolean): void {
  if (!lazy) {
    target.html = make();
    return;
  }
  let value: string | undefined;
  Object.defineProperty(target, 'html', {
    enumerable: true,
    configurable: true,
    get: () => (value ??= make()),
    set: (v: string) => (value = v),
  });
}

export function withHtml(samples: CodeSample[], highlight: Highlighter, lazy = false): CodeSample[] {
  return samples.map((s) => {
    const sample = { ...s, html: '' };
    setHtml(sample, () => highlight(s.code, s.lang), lazy);
    if (s.snippets) {
      // Request snippets (model/snippets.ts); the curl one is usually the sample itself.
      sample.snippets = s.snippets.map((x) => {
        const snippet = { ...x, html: '' };
        setHtml(snippet, () => (x.code === s.code && x.lang === s.lang ? sample.html : highlight(x.code, x.lang)), lazy);
        return snippet;
      });
    }
    return sample;
  });
}

/** Every sample of an entry with its HTML (see withHtml). */
export function entryWithHtml(e: ReferenceEntry, highlight: Highlighter, lazy = false): ReferenceEntry {
  switch (e.kind) {
    case 'endpoint':
      return { ...e, requests: withHtml(e.requests, highlight, lazy), responses: withHtml(e.responses, highlight, lazy) };
    case 'object':
    case 'structure':
      return { ...e, examples: withHtml(e.examples, highlight, lazy) };
    case 'function':
      return { ...e, examples: e.examples.map((x) => (x.sample ? { ...x, sample: withHtml([x.sample], highlight, lazy)[0] } : x)) };
    default:
      return e;
  }
}
