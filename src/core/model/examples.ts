/**
 * An endpoint's example tabs. The Request tab repeats the Jekyll include's passes: `request-url` is
 * rendered and bound first (the header string in site data refers to it), the header and the code are
 * rendered, and the joined text is rendered once more; Jekyll's sites rely on that last pass to resolve
 * header strings written without an inner `| flatify`.
 */
import type { SourceDocument } from '../front-matter.ts';
import { formatFieldPath } from '../yaml.ts';
import { codeText, dedent, detectLanguage, joinRequest } from './curl.ts';
import { credentialOf } from './credential.ts';
import { parseCurl } from './request-model.ts';
import { snippetsFor } from './snippets.ts';
import type { PageRender } from './page-render.ts';
import type { CodeSample, ErrorRow } from '../../schemas/reference.ts';

type Raw = Record<string, unknown>;
type Tab = 'Request' | 'Response' | 'Errors';

export interface EndpointExamples {
  requests: CodeSample[];
  responses: CodeSample[];
  errors: ErrorRow[];
  /** Tab types in the order the file lists them; endpoint.ts gives them their ids. */
  tabTypes: Tab[];
}

export interface ErrorSource {
  /** `site.data…response-codes` as a map of `<endpoint>: { all: [...] }`, already looked up. */
  codes: unknown;
  method: string;
  version: string;
  /** Default file name in `codes`: the endpoint's object (`endpoint` field). */
  defaultFile: string;
  /** How messages name the data (`response-codes` expression from the site config). */
  label: string;
}

function items(example: Raw): Array<{ item: Raw; path: Array<string | number> }> {
  const subs = example.subexamples;
  if (Array.isArray(subs) && subs.length) {
    return subs.map((item, i) => ({ item: (item ?? {}) as Raw, path: ['subexamples', i] }));
  }
  return [{ item: example, path: [] }];
}

function sample(render: PageRender, doc: SourceDocument, at: Array<string | number>, item: Raw, kind: Tab): CodeSample | undefined {
  if (item['request-url'] !== undefined) {
    render.assign('request-url', render.text(doc, [...at, 'request-url']).replace(/[\r\n]/g, ''));
  }
  const header = item.header !== undefined ? render.text(doc, [...at, 'header']) : undefined;
  if (item.code === undefined && header === undefined) return undefined;
  const code = render.again(doc, [...at, 'code'], render.text(doc, [...at, 'code']));
  const joined = render.again(doc, [...at, 'code'], joinRequest({ header, code }));
  const text = dedent(codeText(joined)).trim();
  const title = item.title !== undefined ? render.text(doc, [...at, 'title']).trim() : undefined;
  const declared = typeof item.language === 'string' ? item.language : undefined;
  const lang = kind === 'Request' && header !== undefined ? 'shellscript' : detectLanguage(text, declared);
  const snippets = kind === 'Request' ? snippetsFor(text) : undefined;
  const model = snippets ? parseCurl(text)?.model : undefined;
  const credential = model ? credentialOf(model)?.placeholder : undefined;
  return {
    ...(title ? { title } : {}),
    lang,
    code: text,
    html: '',
    ...(snippets ? { snippets: snippets.map((s) => ({ ...s, html: '', tabId: '', panelId: '' })) } : {}),
    ...(credential ? { credential } : {}),
  };
}

function tokens(value: unknown): string[] {
  return String(value ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
}

function errorRows(render: PageRender, doc: SourceDocument, at: Array<string | number>, example: Raw, source: ErrorSource): ErrorRow[] {
  const file = example['error-file'] !== undefined ? render.text(doc, [...at, 'error-file']).trim() : source.defaultFile;
  const codes = source.codes as Record<string, { all?: unknown }> | undefined;
  const all = codes?.[file]?.all;
  if (!Array.isArray(all)) return [];
  const rows: ErrorRow[] = [];
  (all as Raw[]).forEach((entry, j) => {
    const responses = Array.isArray(entry?.responses) ? (entry.responses as Raw[]) : [];
    responses.forEach((response, k) => {
      // Rows may list several methods or versions ("put, delete"); Jekyll matched with `contains`.
      const methods = tokens(response.method);
      const versions = response.version === undefined ? ['all'] : tokens(response.version);
      if (!methods.includes(source.method) || !(versions.includes('all') || versions.includes(source.version))) return;
      const dataPath = `${source.label}.${file}.all[${j}].responses[${k}]`;
      rows.push({
        code: String(entry.code ?? ''),
        conditionHtml: render.fromData(doc, at, `${dataPath}.condition`, response.condition ?? '', 'inline'),
        bodyHtml: render.fromData(doc, at, `${dataPath}.response-body`, response['response-body'] ?? '', 'markdown'),
        field: formatFieldPath(at),
      });
    });
  });
  return rows;
}

export function buildExamples(render: PageRender, doc: SourceDocument, examples: unknown, errors: ErrorSource): EndpointExamples {
  const out: EndpointExamples = { requests: [], responses: [], errors: [], tabTypes: [] };
  if (!Array.isArray(examples)) return out;
  examples.forEach((raw, i) => {
    const example = (raw ?? {}) as Raw;
    const type = String(example.type ?? '').trim();
    const at = ['examples', i];
    // One tab per example entry, as the Jekyll page had, even when the Errors data has no rows for it.
    if (type === 'Errors') {
      out.errors.push(...errorRows(render, doc, at, example, errors));
      if (!out.tabTypes.includes('Errors')) out.tabTypes.push('Errors');
      return;
    }
    const kind: Tab = type === 'Request' ? 'Request' : 'Response';
    const list = kind === 'Request' ? out.requests : out.responses;
    for (const { item, path } of items(example)) {
      const made = sample(render, doc, [...at, ...path], item, kind);
      if (made) list.push(made);
    }
    if (!out.tabTypes.includes(kind)) out.tabTypes.push(kind);
  });
  return out;
}
