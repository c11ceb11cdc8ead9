/**
 * `llms.txt` and `llms-full.txt` (the llmstxt.org format): an H1 with the site's name, its description
 * as a quote, then `## Section` lists of `- [Title](url): what it is`, one line per page of the site.
 * Links go to each page's Markdown twin where it has one (the form assistants read best); pages of older
 * versions sit under `## Optional`, which the format reserves for what a reader may skip.
 * `llms-full.txt` is every twin, one after another.
 */
import type { ReferenceEntry } from '../../schemas/reference.ts';
import { DEFAULT_LABELS } from '../../schemas/labels.ts';
import { entrySummary } from './page-markdown.ts';

export interface LlmsPage {
  /** Path under the base, ending in `/` (`reference/parcels/`; `''` for the home page). */
  path: string;
  title: string;
  description?: string;
  /** Heading of the list it appears in. */
  section: string;
  /** Listed under `## Optional` (older versions). */
  optional?: boolean;
  /** Has an `index.md` twin; the link goes there. */
  twin: boolean;
}

export interface LlmsLink {
  title: string;
  url: string;
  description?: string;
}

export interface LlmsSite {
  title: string;
  description?: string;
  /** Address of a page from its path under the base. */
  pageUrl: (path: string) => string;
  /** Extra sections after the pages: the OpenAPI documents, say. */
  extra?: Array<{ section: string; links: LlmsLink[] }>;
}

const SECTIONS: Record<ReferenceEntry['kind'], string> = {
  object: 'API reference',
  endpoint: 'API reference',
  structure: 'Data structures',
  form: DEFAULT_LABELS.forms.title,
  doc: 'Guides',
  function: 'Client library',
} as Record<ReferenceEntry['kind'], string>;

/** A reference page as an llms.txt line: its section (per product when there are several) and summary. */
/** `formsTitle`: what the site calls its forms (site config `labels.forms.title`). */
export function entryPage(entry: ReferenceEntry, productTitle?: string, formsTitle?: string): LlmsPage {
  const base = (entry.kind === 'form' && formsTitle) || SECTIONS[entry.kind] || 'Reference';
  const section = productTitle ? `${base}: ${productTitle}` : base;
  const old = (entry.kind === 'endpoint' || entry.kind === 'object') && !entry.latest;
  const title = entry.kind === 'object' ? entry.heading || entry.title : entry.title;
  return {
    path: entry.path,
    title: old ? `${title} (version ${entry.version})` : title,
    description: entrySummary(entry) || undefined,
    section,
    optional: old,
    twin: true,
  };
}

/** Link text and notes on one line each: brackets and line breaks would break the list. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const linkText = (s: string) => oneLine(s).replace(/([[\]\\])/g, '\\$1');

function line(l: LlmsLink): string {
  return `- [${linkText(l.title)}](${l.url.replace(/[()\s]/g, encodeURIComponent)})${l.description ? `: ${oneLine(l.description)}` : ''}`;
}

export function llmsTxt(site: LlmsSite, pages: LlmsPage[]): string {
  const sections = new Map<string, LlmsLink[]>();
  const add = (section: string, link: LlmsLink) => sections.set(section, [...(sections.get(section) ?? []), link]);
  for (const p of pages.filter((x) => !x.optional)) add(p.section, link(site, p));
  for (const extra of site.extra ?? []) for (const l of extra.links) add(extra.section, l);
  for (const p of pages.filter((x) => x.optional)) add('Optional', link(site, p));
  const out = [`# ${oneLine(site.title)}`];
  if (site.description) out.push(`> ${oneLine(site.description)}`);
  out.push(
    'Every page below is linked as Markdown (its address plus `index.md`); the HTML page is the same address without it. `llms-full.txt` holds all of them in one file.',
  );
  for (const [section, links] of sections) out.push(`## ${section}\n\n${links.map(line).join('\n')}`);
  return `${out.join('\n\n')}\n`;
}

function link(site: LlmsSite, p: LlmsPage): LlmsLink {
  return { title: p.title, url: `${site.pageUrl(p.path)}${p.twin ? 'index.md' : ''}`, description: p.description };
}

/** Every twin in the order of llms.txt, each after a rule, so one file holds the whole site. */
export function llmsFullTxt(site: LlmsSite, twins: Array<{ page: LlmsPage; markdown: string }>): string {
  const ordered = [...twins.filter((t) => !t.page.optional), ...twins.filter((t) => t.page.optional)];
  const head = [`# ${oneLine(site.title)}`, ...(site.description ? [`> ${oneLine(site.description)}`] : [])].join('\n\n');
  // Each twin starts with its own H1; a source line says where it lives.
  const parts = ordered.map((t) => `<!-- ${site.pageUrl(t.page.path)} -->\n\n${t.markdown.trim()}`);
  return `${[head, ...parts].join('\n\n---\n\n')}\n`;
}
