/**
 * Conformance of the BUILT corpus site (tests/.tmp/corpus-dist, `npm run build:corpus`) with what the
 * original Jekyll site rendered for each Connect API endpoint (../shared/corpus/expected/stitch-connect.json,
 * described in its README and in ../shared/corpus/JEKYLL-SEMANTICS.md §7, §9).
 *
 * Every field is read from the page HTML, normalised as the reference data is (tags removed, whitespace runs
 * collapsed, trimmed; smart quotes folded on both sides for prose; types compared case-insensitively because the
 * page upper-cases them with CSS) and compared exactly. A field passes only at N/N endpoints, unless the
 * difference is listed in ALLOWED_DIFFERENCES, which may hold ONLY Jekyll's own display bugs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { childElements, collapse, foldQuotes, hasClass, parseHtml, textOf, type HTMLElement } from './helpers/html.ts';
import { BASE, CORPUS_DIST, CORPUS_EXPECTED, hasCorpus, listHtmlFiles, pagePathOf, REPO_ROOT } from './helpers/site.ts';

interface ExpectedArgument {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

interface ExpectedEndpoint {
  key: string;
  version: string;
  object: string;
  /** The heading of the object's section: "Sources", "Replication Jobs" (JEKYLL-SEMANTICS.md §9). */
  object_heading: string;
  title: string;
  method: string;
  short_url: string | null;
  full_url: string | null;
  description: string | null;
  returns: string | null;
  arguments: ExpectedArgument[];
  request_examples: string[];
  response_examples: string[];
  example_tabs: string[];
  sections_rendered: boolean;
}

interface ActualArgument {
  name: string | null;
  type: string | null;
  required: boolean | null;
  description: string | null;
}

interface ActualEndpoint {
  page: string;
  object_heading: string | null;
  title: string | null;
  method: string | null;
  short_url: string | null;
  full_url: string | null;
  description: string | null;
  returns: string | null;
  arguments: ActualArgument[];
  request_examples: string[];
  response_examples: string[];
  example_tabs: string[];
  sections_rendered: boolean | string;
}

const FIELDS = [
  'page',
  'object_heading',
  'title',
  'method',
  'short_url',
  'full_url',
  'description',
  'returns',
  'arguments',
  'request_examples',
  'response_examples',
  'example_tabs',
  'sections_rendered',
] as const;
type Field = (typeof FIELDS)[number];

/**
 * `"<field>:<source path>"` -> why the built page may differ from the Jekyll render there. Only Jekyll's own
 * display bugs qualify (e.g. JEKYLL-SEMANTICS.md §7, placeholders hidden in displayed code), never a gap in the
 * generator. It is empty: the reference data already uses the copy text for code, so §7 needs no entry.
 */
const ALLOWED_DIFFERENCES: Record<string, string> = {};

type Verdict = { status: 'match' } | { status: 'n/a'; note: string } | { status: 'mismatch'; detail: string };

/** Values Jekyll renders as nothing (`null`, or `""` such as delete-a-destination v3's `full_url`). */
const absent = (v: string | null | undefined): boolean => v === null || v === undefined || v === '';

function excerptDiff(expected: string, actual: string): string {
  let i = 0;
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++;
  const from = Math.max(0, i - 40);
  const cut = (s: string) => `${from > 0 ? '…' : ''}${s.slice(from, i + 60)}${s.length > i + 60 ? '…' : ''}`;
  return `first difference at char ${i}:\n      expected: ${JSON.stringify(cut(expected))}\n      actual:   ${JSON.stringify(cut(actual))}`;
}

function compareText(expected: string | null, actual: string | null, fold = true): Verdict {
  if (absent(expected) || absent(actual)) {
    return absent(expected) && absent(actual)
      ? { status: 'match' }
      : { status: 'mismatch', detail: `expected ${JSON.stringify(expected)}, page shows ${JSON.stringify(actual)}` };
  }
  const norm = (s: string) => (fold ? foldQuotes(collapse(s)) : collapse(s));
  const e = norm(expected!);
  const a = norm(actual!);
  return e === a ? { status: 'match' } : { status: 'mismatch', detail: excerptDiff(e, a) };
}

function compareList(expected: string[], actual: string[], fold: boolean, what: string): Verdict {
  const problems: string[] = [];
  if (expected.length !== actual.length) {
    const show = (l: string[]) => (l.every((x) => x.length <= 40) ? ` ${JSON.stringify(l)}` : '');
    problems.push(`expected ${expected.length} ${what}${show(expected)}, page has ${actual.length}${show(actual)}`);
  }
  for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
    const v = compareText(expected[i]!, actual[i]!, fold);
    if (v.status === 'mismatch') problems.push(`${what} #${i + 1}: ${v.detail}`);
  }
  return problems.length ? { status: 'mismatch', detail: problems.join('\n    ') } : { status: 'match' };
}

function compareArguments(expected: ExpectedArgument[], actual: ActualArgument[]): Verdict {
  const problems: string[] = [];
  const names = (l: Array<{ name: string | null }>) => l.map((a) => a.name).join(', ');
  if (expected.length !== actual.length) {
    problems.push(`expected ${expected.length} top-level rows [${names(expected)}], page has ${actual.length} [${names(actual)}]`);
  }
  for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    const at = `row ${i + 1} (${e.name})`;
    if (e.name !== a.name) problems.push(`${at}: name ${JSON.stringify(e.name)} vs ${JSON.stringify(a.name)}`);
    if (collapse(e.type).toLowerCase() !== collapse(a.type ?? '').toLowerCase()) {
      problems.push(`${at}: type ${JSON.stringify(e.type)} vs ${JSON.stringify(a.type)}`);
    }
    if (e.required !== a.required) problems.push(`${at}: required ${e.required} vs ${a.required}`);
    const d = compareText(e.description, a.description);
    if (d.status === 'mismatch') problems.push(`${at}: description ${d.detail}`);
  }
  return problems.length ? { status: 'mismatch', detail: problems.join('\n    ') } : { status: 'match' };
}

// ---------------------------------------------------------------------------------------------------------
// Reading a built endpoint page

interface BuiltEndpoint {
  file: string;
  /** The whole page (breadcrumbs, sidebar) and the endpoint's article in it. */
  page: HTMLElement;
  article: HTMLElement;
}

/** Every `article.endpoint[data-key][data-version]` of the built site, by `key@version`. */
function indexEndpoints(dist: string): Map<string, BuiltEndpoint[]> {
  const index = new Map<string, BuiltEndpoint[]>();
  for (const file of listHtmlFiles(dist)) {
    const html = readFileSync(path.join(dist, file), 'utf8');
    if (!html.includes('class="endpoint"')) continue;
    const page = parseHtml(html);
    for (const article of page.querySelectorAll('article.endpoint[data-key][data-version]')) {
      const id = `${article.getAttribute('data-key')}@${article.getAttribute('data-version')}`;
      index.set(id, [...(index.get(id) ?? []), { file, page, article }]);
    }
  }
  return index;
}

function sectionOf(article: HTMLElement, headingId: string): HTMLElement | null {
  return article.querySelector(`h2[id="${headingId}"]`)?.parentNode ?? null;
}

/** The top-level rows of the Arguments table: ParamTable nests child tables inside a row's description cell. */
function readArguments(article: HTMLElement, key: string): ActualArgument[] {
  const section = sectionOf(article, `${key}--arguments`);
  const table = section ? childElements(section, 'table').find((t) => hasClass(t, 'params')) : undefined;
  if (!table) return [];
  const rows = childElements(table, 'tbody').flatMap((tbody) => childElements(tbody, 'tr'));
  return rows.map((tr) => {
    const cell = (cls: string) => childElements(tr, 'td').find((td) => hasClass(td, cls));
    const required = textOf(cell('required'));
    const description = cell('description');
    return {
      name: textOf(cell('name')),
      type: textOf(cell('type')),
      required: required === 'Required' ? true : required === 'Optional' ? false : null,
      // Only the row's own prose: not its example value, nor the nested table of child properties.
      description: description ? textOf(childElements(description).find((d) => hasClass(d, 'prose'))) : null,
    };
  });
}

/** Copy-button texts (the `data-code` attribute) of the code blocks in one example tab, in order. */
function readCodeBlocks(article: HTMLElement, tab: string): string[] {
  const panel = article.querySelector(`example-tabs [role="tabpanel"][data-tab="${tab}"]`);
  if (!panel) return [];
  return panel.querySelectorAll('figure.code-block button.copy').map((b) => collapse(b.getAttribute('data-code') ?? ''));
}

/**
 * The object heading a reader sees for this endpoint: the breadcrumb that leads to the endpoint's object
 * page (the page one level up), which must also be that page's own h1.
 */
function readObjectHeading(built: BuiltEndpoint, dist: string): string | null {
  const objectPage = pagePathOf(built.file).replace(/[^/]+\/$/, '');
  const crumb = built.page.querySelectorAll('nav.breadcrumbs a').find((a) => (a.getAttribute('href') ?? '') === `${BASE}/${objectPage}`);
  const label = textOf(crumb);
  const file = path.join(dist, objectPage, 'index.html');
  const h1 = existsSync(file) ? textOf(parseHtml(readFileSync(file, 'utf8')).querySelector('main h1')) : null;
  return label !== null && label === h1 ? label : `breadcrumb ${JSON.stringify(label)}, object page h1 ${JSON.stringify(h1)}`;
}

function readEndpoint(built: BuiltEndpoint, key: string, dist: string): ActualEndpoint {
  const { article } = built;
  const h1 = article.querySelector('h1');
  const titleSpan = h1 ? childElements(h1, 'span').find((s) => !hasClass(s, 'method')) : undefined;
  const badge = h1 ? childElements(h1, 'span').find((s) => hasClass(s, 'method')) : undefined;
  const notAvailable = article
    .querySelectorAll('aside.notice')
    .some((n) => textOf(n.querySelector('strong')) === 'Not available in this version');
  const hasSections = Boolean(article.querySelector('.endpoint-meta, .description, .columns, .examples, example-tabs, table.params'));
  return {
    page: pagePathOf(built.file),
    object_heading: readObjectHeading(built, dist),
    title: textOf(titleSpan),
    method: textOf(badge),
    short_url: textOf(article.querySelector('.short-url')),
    full_url: textOf(article.querySelector('.full-url')),
    description: textOf(article.querySelector('.description')),
    returns: textOf(sectionOf(article, `${key}--returns`)?.querySelector('.prose')),
    arguments: readArguments(article, key),
    request_examples: readCodeBlocks(article, 'Request'),
    response_examples: readCodeBlocks(article, 'Response'),
    example_tabs: article.querySelectorAll('example-tabs > [role="tablist"] > [role="tab"]').map((b) => textOf(b) ?? ''),
    sections_rendered: notAvailable ? (hasSections ? 'notice shown AND sections rendered' : false) : true,
  };
}

/** The latest version of an object lives at reference/<object>/<key>/, older ones at reference/<object>/v<n>/<key>/. */
function expectedPage(e: ExpectedEndpoint, latestOf: Map<string, number>): string {
  const latest = Number(e.version) === latestOf.get(e.object);
  return `reference/${e.object}/${latest ? '' : `v${e.version}/`}${e.key}/`;
}

function compareField(field: Field, e: ExpectedEndpoint, a: ActualEndpoint, latestOf: Map<string, number>): Verdict {
  switch (field) {
    case 'page':
      return compareText(expectedPage(e, latestOf), a.page, false);
    case 'object_heading':
      return compareText(e.object_heading, a.object_heading, false);
    case 'title':
      return compareText(e.title, a.title);
    case 'method':
      return compareText(e.method.toUpperCase(), a.method?.toUpperCase() ?? null, false);
    case 'short_url':
      return compareText(e.short_url, a.short_url, false);
    case 'full_url':
      return compareText(e.full_url, a.full_url, false);
    case 'description':
      if (e.description === null && e.sections_rendered) {
        return {
          status: 'n/a',
          note: `Jekyll did not render the description of this multi-version endpoint (it shows the method's short text); page shows ${a.description === null ? 'none' : JSON.stringify(a.description.slice(0, 60) + (a.description.length > 60 ? '…' : ''))}`,
        };
      }
      return compareText(e.description, a.description);
    case 'returns':
      return compareText(e.returns, a.returns);
    case 'arguments':
      return compareArguments(e.arguments, a.arguments);
    case 'request_examples':
      // Code is compared without quote folding: a curly quote in code is content, not typography.
      return compareList(e.request_examples, a.request_examples, false, 'request block(s)');
    case 'response_examples':
      return compareList(e.response_examples, a.response_examples, false, 'response block(s)');
    case 'example_tabs':
      return compareList(e.example_tabs, a.example_tabs, false, 'tab(s)');
    case 'sections_rendered':
      return e.sections_rendered === a.sections_rendered
        ? { status: 'match' }
        : { status: 'mismatch', detail: `expected ${e.sections_rendered}, page: ${a.sections_rendered}` };
  }
}

// ---------------------------------------------------------------------------------------------------------

interface Row {
  source: string;
  label: string;
  verdicts: Map<Field, Verdict>;
}

describe.skipIf(!hasCorpus)('corpus conformance (needs ../shared)', () => {
  const rows: Row[] = [];
  let total = 0;

  beforeAll(() => {
    if (!existsSync(path.join(CORPUS_DIST, 'index.html'))) {
      throw new Error(
        `${path.relative(REPO_ROOT, CORPUS_DIST)}/ does not exist: run \`npm run build:corpus\` first (../shared/corpus is present).`,
      );
    }
    const expected = JSON.parse(readFileSync(CORPUS_EXPECTED, 'utf8')) as Record<string, ExpectedEndpoint>;
    const latestOf = new Map<string, number>();
    for (const e of Object.values(expected)) latestOf.set(e.object, Math.max(latestOf.get(e.object) ?? 0, Number(e.version)));
    const index = indexEndpoints(CORPUS_DIST);
    total = Object.keys(expected).length;

    for (const [source, e] of Object.entries(expected)) {
      const label = `${e.key} v${e.version}`;
      const found = index.get(`${e.key}@${e.version}`) ?? [];
      const verdicts = new Map<Field, Verdict>();
      if (found.length !== 1) {
        const why = found.length
          ? `found on ${found.length} pages: ${found.map((f) => f.file).join(', ')}`
          : 'no page has this endpoint article';
        for (const f of FIELDS) verdicts.set(f, { status: 'mismatch', detail: why });
      } else {
        const actual = readEndpoint(found[0]!, e.key, CORPUS_DIST);
        for (const f of FIELDS) {
          const v = compareField(f, e, actual, latestOf);
          const allowed = ALLOWED_DIFFERENCES[`${f}:${source}`];
          verdicts.set(f, v.status === 'mismatch' && allowed ? { status: 'n/a', note: `allowed: ${allowed}` } : v);
        }
      }
      rows.push({ source, label, verdicts });
    }

    // The summary table, printed once.
    const lines = [`corpus conformance: ${total} endpoints from ${path.relative(process.cwd(), CORPUS_EXPECTED)}`];
    for (const f of FIELDS) {
      const vs = rows.map((r) => r.verdicts.get(f)!);
      const match = vs.filter((v) => v.status === 'match').length;
      const na = vs.filter((v) => v.status === 'n/a').length;
      const mismatch = vs.filter((v) => v.status === 'mismatch').length;
      const applicable = total - na;
      lines.push(
        `  ${f.padEnd(18)} ${`${match + na}/${total}`.padStart(6)} endpoints match` +
          (na ? `  (${match}/${applicable} compared; ${na} not applicable)` : '') +
          (mismatch ? `  ✗ ${mismatch} mismatch${mismatch > 1 ? 'es' : ''}` : ''),
      );
    }
    const naNotes = rows.flatMap((r) =>
      FIELDS.flatMap((f) => {
        const v = r.verdicts.get(f)!;
        return v.status === 'n/a' ? [`  ${f} of ${r.label}: not applicable — ${v.note}`] : [];
      }),
    );
    console.log([...lines, ...naNotes].join('\n'));
  }, 120_000);

  it('finds every expected endpoint (33) in the reference data', () => {
    expect(total).toBe(33);
  });

  it('lists only allowances that are still needed', () => {
    const used = new Set<string>();
    for (const r of rows) {
      for (const f of FIELDS) {
        const v = r.verdicts.get(f)!;
        if (v.status === 'n/a' && v.note.startsWith('allowed: ')) used.add(`${f}:${r.source}`);
      }
    }
    expect(
      Object.keys(ALLOWED_DIFFERENCES).filter((k) => !used.has(k)),
      'stale ALLOWED_DIFFERENCES entries',
    ).toEqual([]);
  });

  for (const field of FIELDS) {
    it(`${field}: every endpoint matches the Jekyll render`, () => {
      const failures = rows.flatMap((r) => {
        const v = r.verdicts.get(field)!;
        return v.status === 'mismatch' ? [`- ${r.label} (${r.source}):\n    ${v.detail}`] : [];
      });
      const ok = rows.filter((r) => r.verdicts.get(field)!.status !== 'mismatch').length;
      expect(failures, `${field}: ${ok}/${rows.length} endpoints match\n${failures.join('\n')}\n`).toHaveLength(0);
    });
  }
});
