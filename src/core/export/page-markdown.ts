/**
 * The Markdown twin of a reference page (`…/index.md` beside its `index.html`): the same facts in plain
 * CommonMark for assistants and tools, made from the model rather than scraped from the HTML. An endpoint
 * gives its title, method and URL, version, description, arguments table, returns, response attributes,
 * examples as fenced code (the request as the docs wrote it) and errors.
 */
import type { CodeSample, EndpointEntry, ErrorRow, Param, ReferenceEntry } from '../../schemas/reference.ts';
import { htmlToMarkdown, htmlToText, onPage, type ResolveHref } from './html-to-markdown.ts';

export interface MarkdownOptions {
  /** Address of a page from its path under the base (absolute when the site has a `url`). */
  pageUrl: (path: string) => string;
  resolve?: ResolveHref;
}

/** Fence languages by highlighter name; a reader's tools know `shell` better than `shellscript`. */
const FENCE: Record<string, string> = { shellscript: 'shell', text: '' };

/** A fenced block long enough that no backtick run inside closes it. */
export function fence(code: string, lang = ''): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${FENCE[lang] ?? lang}\n${code.replace(/\n+$/, '')}\n${ticks}`;
}

/** One table cell: Markdown on one line, pipes escaped. */
function cell(markdown: string): string {
  return markdown
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join(
    '\n',
  );
}

/** Parameters and their nested children, one row each, named by their dotted path. */
export function paramTable(params: Param[], o: MarkdownOptions, withRequired = true): string {
  const rows: string[][] = [];
  const walk = (list: Param[], prefix: string) => {
    for (const p of list) {
      const name = `${prefix}${p.name}`;
      const description = htmlToMarkdown(p.descriptionHtml, o.resolve);
      const example = p.example?.trim() ? ` Example: \`${p.example.trim().replace(/`/g, '')}\`` : '';
      const type = p.typeHref ? `[${p.type}](${o.resolve ? o.resolve(p.typeHref) : p.typeHref})` : p.type;
      rows.push([`\`${name}\``, type, ...(withRequired ? [p.required ? 'required' : 'optional'] : []), `${description}${example}`]);
      walk(p.children, `${name}.`);
    }
  };
  walk(params, '');
  return table(['Name', 'Type', ...(withRequired ? ['Required'] : []), 'Description'], rows);
}

function samples(title: string, list: CodeSample[]): string[] {
  if (!list.length) return [];
  return [`### ${title}`, ...list.flatMap((s) => [...(s.title ? [`**${s.title}**`] : []), fence(s.code, s.lang)])];
}

function errors(rows: ErrorRow[], o: MarkdownOptions): string[] {
  if (!rows.length) return [];
  return [
    '## Errors',
    rows
      .map((r) => {
        const body = htmlToMarkdown(r.bodyHtml, o.resolve);
        const head = `- **${r.code}**: ${cell(htmlToMarkdown(r.conditionHtml, o.resolve))}`;
        // The body (prose and code as the data wrote it) belongs to the list item: indented under it.
        return body ? `${head}\n\n${body.replace(/^(?=.)/gm, '  ')}` : head;
      })
      .join('\n'),
  ];
}

function section(title: string, html: string, o: MarkdownOptions): string[] {
  const md = htmlToMarkdown(html, o.resolve);
  return md ? [`## ${title}`, md] : [];
}

/** The endpoint's facts (pagination, sorting, rate limit, authorisation) as one line. */
function facts(e: EndpointEntry): string {
  const d = e.details;
  const required = (v: boolean) => (v ? 'required' : 'not required');
  return [
    d.pagination !== undefined ? `Paginated: ${d.pagination} per page` : '',
    d.orderBy !== undefined || d.sortType !== undefined ? `Sorted by: ${[d.orderBy, d.sortType].filter(Boolean).join(', ')}` : '',
    d.rateLimit !== undefined ? `Rate limit: ${d.rateLimit}` : '',
    d.authorizationRequired !== undefined ? `Authorization: ${required(d.authorizationRequired)}` : '',
    d.accessTokenRequired !== undefined ? `Access token: ${required(d.accessTokenRequired)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function endpoint(e: EndpointEntry, o: MarkdownOptions): string[] {
  const versions =
    e.versions.length > 1 ? `Version ${e.version}${e.latest ? ' (latest)' : ''} of ${e.versions.map((v) => v.number).join(', ')}.` : '';
  if (!e.available) {
    return [`# ${e.title}`, `Not available in version ${e.version}${e.availableFrom ? `; added in version ${e.availableFrom}` : ''}.`];
  }
  return [
    `# ${e.title}`,
    `\`${e.method.toUpperCase()} ${e.fullUrl || e.shortUrl}\``,
    ...[versions, facts(e)].filter(Boolean),
    ...[e.descriptionHtml, e.notesHtml].map((h) => htmlToMarkdown(h, o.resolve)).filter(Boolean),
    ...(e.resourceList.length
      ? ['## Resource list', e.resourceList.map((r) => `- **${r.name}**: ${cell(htmlToMarkdown(r.html, o.resolve))}`).join('\n')]
      : []),
    ...section('Request body', e.requestBodyHtml, o),
    ...(e.arguments.length ? ['## Arguments', paramTable(e.arguments, o)] : []),
    ...section('Returns', e.returnsHtml, o),
    ...(e.responseAttributes.length ? ['### Response attributes', paramTable(e.responseAttributes, o, false)] : []),
    ...(e.requests.length || e.responses.length
      ? ['## Examples', ...samples('Request', e.requests), ...samples('Response', e.responses)]
      : []),
    ...errors(e.errors, o),
  ];
}

function blocks(entry: ReferenceEntry, o: MarkdownOptions): string[] {
  switch (entry.kind) {
    case 'endpoint':
      return endpoint(entry, o);
    case 'object':
      return [
        `# ${entry.heading || entry.title}`,
        ...[htmlToMarkdown(entry.descriptionHtml, o.resolve)].filter(Boolean),
        ...(entry.methods.length
          ? [
              '## Endpoints',
              entry.methods
                .filter((m) => m.available)
                .map((m) =>
                  `- [${m.title}](${o.pageUrl(m.path)}index.md): \`${m.method.toUpperCase()}\` ${cell(htmlToMarkdown(m.shortHtml, o.resolve))}`.trim(),
                )
                .join('\n'),
            ]
          : []),
        ...(entry.attributes.length ? ['## Attributes', paramTable(entry.attributes, o, false)] : []),
        ...(entry.examples.length
          ? ['## Examples', ...entry.examples.flatMap((s) => [...(s.title ? [`**${s.title}**`] : []), fence(s.code, s.lang)])]
          : []),
      ];
    case 'structure':
    case 'form':
      return [
        `# ${entry.title}`,
        ...[htmlToMarkdown(entry.descriptionHtml, o.resolve)].filter(Boolean),
        ...(entry.attributes.length ? ['## Attributes', paramTable(entry.attributes, o, false)] : []),
        ...(entry.kind === 'structure' && entry.examples.length
          ? ['## Examples', ...entry.examples.map((s) => fence(s.code, s.lang))]
          : []),
      ];
    case 'doc':
      return [
        `# ${entry.title}`,
        ...entry.sections
          .flatMap((s) => [...(s.title ? [`${'#'.repeat(s.level)} ${s.title}`] : []), htmlToMarkdown(s.html, o.resolve)])
          .filter(Boolean),
      ];
    case 'function':
      return [
        `# ${entry.title}`,
        fence(entry.definition, 'javascript'),
        ...[htmlToMarkdown(entry.descriptionHtml, o.resolve)].filter(Boolean),
        ...(entry.options.length ? ['## Options', paramTable(entry.options, o)] : []),
        ...(entry.examples.length
          ? [
              '## Examples',
              ...entry.examples.flatMap((x) =>
                [
                  `### ${x.title}`,
                  htmlToMarkdown(x.descriptionHtml, o.resolve),
                  x.sample ? fence(x.sample.code, x.sample.lang) : '',
                ].filter(Boolean),
              ),
            ]
          : []),
      ];
    default: {
      // A kind this exporter does not know yet still gets its title and description.
      const e = entry as { title: string; descriptionHtml?: string };
      return [`# ${e.title}`, ...[htmlToMarkdown(e.descriptionHtml ?? '', o.resolve)].filter(Boolean)];
    }
  }
}

/** The page's Markdown twin, ending with a link back to the HTML page. */
export function entryMarkdown(entry: ReferenceEntry, options: MarkdownOptions): string {
  const o = { ...options, resolve: onPage(options.pageUrl(entry.path), options.resolve) };
  return `${[...blocks(entry, o), `---\n\nHTML version: ${o.pageUrl(entry.path)}`].join('\n\n')}\n`;
}

/** One line saying what a page is, for indexes (llms.txt): method and path, then its short text. */
export function entrySummary(entry: ReferenceEntry): string {
  switch (entry.kind) {
    case 'endpoint':
      return entry.available ? `${entry.method.toUpperCase()} ${entry.shortUrl}: ${htmlToText(entry.shortHtml)}`.replace(/: $/, '') : '';
    case 'object':
      return htmlToText(entry.introShort) || firstSentence(htmlToText(entry.descriptionHtml));
    case 'doc':
      return firstSentence(htmlToText(entry.sections[0]?.html ?? ''));
    default:
      return firstSentence(htmlToText((entry as { descriptionHtml?: string }).descriptionHtml ?? ''));
  }
}

export function firstSentence(text: string, max = 200): string {
  const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
