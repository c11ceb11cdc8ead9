/**
 * MDX prose pages, judged before Astro renders them, so that nothing that would fail the build (or ship
 * a broken link) passes `npm run check`: front matter (the same schema as the `pages` collection), MDX
 * syntax (parsed by satteri, the compiler Astro's MDX integration uses), the props of the built-in
 * components (an endpoint or version that does not exist) and links, resolved with the same link index
 * as front-matter links. Every problem names the file and the line.
 */
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { unsafeProseNodes, type ProseNode } from '../markdown/prose-html-guard.ts';
import { ContentError, type ContentWarning } from '../errors.ts';
import { readTextFile } from '../files.ts';
import { parseFrontMatter } from '../front-matter.ts';
import { findUnknownKeys, keyTree } from '../known-keys.ts';
import { didYouMean } from '../suggest.ts';
import { formatFieldPath } from '../yaml.ts';
import { issueMessage } from '../zod-messages.ts';
import { resolveHref, type BrokenLink, type LinkIndex } from './links.ts';
import { MDX_COMPONENTS, type PropSpec } from './mdx-components.ts';
import { PageSchema } from '../../schemas/front-matter.ts';
import type { EndpointEntry, ReferenceEntry } from '../../schemas/reference.ts';

export interface ProseFile {
  /** Relative to the content root, `/`-separated. */
  file: string;
  /** Its URL path under the base (`guides/introduction/`). */
  path: string;
}

export interface ProseProblems {
  errors: ContentError[];
  warnings: ContentWarning[];
  /** Broken links, reported as the site config's `broken-links` says. */
  broken: BrokenLink[];
}

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  depth?: number;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
  position?: { start: { line: number } };
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return String(node.value ?? '');
  return (node.children ?? []).map(textOf).join('');
}

/** `3:1: Expected a closing tag for `<Foo>` (3:1) (mdx-jsx:unexpected-character)` → line 3 and the text. */
function syntaxError(file: string, error: unknown): ContentError {
  const message = String((error as Error)?.message ?? error);
  const m = /^(\d+):(\d+):\s*([\s\S]*?)(?:\s*\([\w-]+:[\w-]+\))?$/.exec(message.split('\n')[0]);
  return new ContentError(
    { file, ...(m ? { line: Number(m[1]) } : {}) },
    `invalid MDX: ${m ? m[3] : message}`,
    'MDX is Markdown plus JSX: close every tag, escape a literal `<` or `{` as `\\<` / `\\{`.',
  );
}

/** A literal prop value: `"x"`, or an expression that is a plain JSON literal (`{2}`, `{"x"}`). */
function literal(value: unknown): { known: boolean; value?: unknown } {
  if (value === null || value === undefined) return { known: true, value: true };
  if (typeof value === 'string') return { known: true, value };
  const expression = (value as { value?: unknown }).value;
  try {
    return { known: true, value: JSON.parse(String(expression)) };
  } catch {
    return { known: false };
  }
}

export function checkProsePages(pages: ProseFile[], root: string, entries: ReferenceEntry[], index: LinkIndex): ProseProblems {
  const out: ProseProblems = { errors: [], warnings: [], broken: [] };
  const endpoints = entries.filter((e): e is EndpointEntry => e.kind === 'endpoint');
  for (const page of pages) {
    try {
      checkPage(page, root, endpoints, index, out);
    } catch (error) {
      if (error instanceof ContentError) out.errors.push(error);
      else throw error;
    }
  }
  return out;
}

function checkPage(page: ProseFile, root: string, endpoints: EndpointEntry[], index: LinkIndex, out: ProseProblems): void {
  const { file } = page;
  const text = readTextFile(path.join(root, file), file);
  const doc = parseFrontMatter(text, file);
  out.warnings.push(...doc.warnings);
  const fm = PageSchema.safeParse(doc.data);
  if (!fm.success) {
    for (const issue of fm.error.issues) {
      const at = issue.path as Array<string | number>;
      const missing = at.length === 1 && doc.data[String(at[0])] === undefined;
      out.errors.push(
        new ContentError(
          { file, field: formatFieldPath(at), line: doc.lineOf(at) ?? 2 },
          missing ? 'required field is missing' : issueMessage(issue),
        ),
      );
    }
  }
  for (const u of findUnknownKeys(doc.data, keyTree(PageSchema)!)) {
    out.warnings.push({
      file,
      field: formatFieldPath(u.path),
      line: doc.lineOf(u.path, { key: true }),
      code: 'unknown-key',
      message: `unknown key "${u.key}" (MDX page)${u.suggestion}`,
    });
  }

  let tree: Node;
  try {
    // A `.md` page is plain Markdown: no JSX, so a `<` in it is text, not a tag.
    tree = (/\.mdx$/i.test(file) ? mdxToMdast(text) : markdownToMdast(text)) as unknown as Node;
  } catch (error) {
    out.errors.push(syntaxError(file, error));
    return;
  }

  // HTML or links that could run code: refused, as imports are (prose-html-guard.ts).
  for (const r of unsafeProseNodes(tree as ProseNode)) {
    out.errors.push(
      new ContentError(
        { file, ...(r.line ? { line: r.line } : {}) },
        `${r.what} is not allowed in a prose page (${r.why})`,
        'Astro compiles prose pages itself, so the build refuses such content rather than editing it: remove it, or link to an http(s) URL.',
      ),
    );
  }

  // Ids on this page: heading ids as Astro makes them (github-slugger, in order) and explicit `id`s.
  const local = new Set<string>();
  const imported = new Set<string>();
  const slugger = new GithubSlugger();
  walk(tree, (n) => {
    if (n.type === 'heading') local.add(slugger.slug(textOf(n)));
    for (const a of n.attributes ?? []) if (a.name === 'id' && typeof a.value === 'string') local.add(a.value);
    if (n.type === 'mdxjsEsm') for (const m of String(n.value).matchAll(/\b([A-Z]\w*)\b/g)) imported.add(m[1]);
  });

  walk(tree, (n) => {
    const line = n.position?.start.line;
    if (n.type === 'link' || n.type === 'definition') checkLink(n.url ?? '', line, page, local, index, out);
    if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name) {
      for (const a of n.attributes ?? []) {
        if (a.name === 'href' && typeof a.value === 'string') checkLink(a.value, line, page, local, index, out);
      }
      checkComponent(n, line, file, endpoints, imported, out);
    }
  });
}

function checkLink(href: string, line: number | undefined, page: ProseFile, local: Set<string>, index: LinkIndex, out: ProseProblems) {
  if (!href.startsWith('#') && !href.startsWith('/')) return;
  if (href.startsWith('#') && local.has(decodeURIComponent(href.slice(1)))) return;
  if (resolveHref(href, { anchors: [...local] }, index) !== undefined) return;
  out.broken.push({
    file: page.file,
    line,
    href,
    message: href.startsWith('#')
      ? `broken link "${href}" on page /${page.path}: no page has an element with id "${href.slice(1)}"`
      : `broken link "${href}" on page /${page.path}: this site builds no such page`,
  });
}

function checkComponent(
  n: Node,
  line: number | undefined,
  file: string,
  endpoints: EndpointEntry[],
  imported: Set<string>,
  out: ProseProblems,
) {
  const name = n.name!;
  const spec = MDX_COMPONENTS[name];
  const at = { file, ...(line ? { line } : {}) };
  if (!spec) {
    // Lower case is HTML; a capitalised name must be a built-in component or imported by the page.
    const root = name.split('.')[0];
    if (/^[A-Z]/.test(root) && !imported.has(root)) {
      out.errors.push(new ContentError(at, `unknown component <${name}>${didYouMean(name, Object.keys(MDX_COMPONENTS))}`, builtInsHint()));
    }
    return;
  }
  const props = new Map<string, unknown>();
  for (const a of n.attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
    if (!spec[a.name]) {
      out.warnings.push({ ...at, message: `<${name}> has no prop "${a.name}" (it is ignored)${didYouMean(a.name, Object.keys(spec))}` });
      continue;
    }
    const value = literal(a.value);
    if (value.known) props.set(a.name, value.value);
  }
  const named = n.attributes?.map((a) => a.name) ?? [];
  for (const [prop, p] of Object.entries(spec)) {
    if (p.required && !named.includes(prop)) out.errors.push(new ContentError(at, `<${name}> needs the ${prop}="…" prop`));
  }
  for (const [prop, value] of props) {
    const problem = propProblem(spec[prop], prop, value, props, endpoints);
    if (problem) out.errors.push(new ContentError(at, `<${name} ${prop}>: ${problem}`));
  }
}

function propProblem(
  spec: PropSpec,
  prop: string,
  value: unknown,
  props: Map<string, unknown>,
  endpoints: EndpointEntry[],
): string | undefined {
  if (spec.type === 'number' ? typeof value !== 'number' : typeof value !== 'string' && typeof value !== 'number') {
    return `must be a ${spec.type}, not ${JSON.stringify(value)}`;
  }
  const key = props.get('endpoint');
  const product = props.get('product');
  const withKey = endpoints.filter((e) => e.key === key);
  const matching = product === undefined ? withKey : withKey.filter((e) => e.product === String(product));
  if (spec.refers === 'endpoint' && !withKey.length) {
    return `no endpoint has key "${String(value)}"${didYouMean(String(value), new Set(endpoints.map((e) => e.key)))}`;
  }
  const owners = [...new Set(withKey.map((e) => e.product))];
  if (spec.refers === 'endpoint' && product === undefined && owners.length > 1) {
    return `endpoint "${String(value)}" exists in several products (${owners.map((o) => `"${o}"`).join(', ')}); add product="…"`;
  }
  if (spec.refers === 'product' && withKey.length && !matching.length) {
    return `endpoint "${String(key)}" is not in product "${String(value)}" (it is in ${owners.map((o) => `"${o}"`).join(', ')})`;
  }
  if (spec.refers === 'version' && matching.length && !matching.some((e) => e.version === String(value))) {
    return `endpoint "${String(key)}" has no version "${String(value)}" (it has ${matching.map((e) => `"${e.version}"`).join(', ')})`;
  }
  if (prop === 'index' && matching.length) {
    const version = props.get('version');
    const e = version === undefined ? (matching.find((m) => m.latest) ?? matching[0]) : matching.find((m) => m.version === String(version));
    if (e && (Number(value) < 0 || Number(value) >= e.requests.length)) {
      return `endpoint "${e.key}" has ${e.requests.length} request example${e.requests.length === 1 ? '' : 's'}; there is no index ${String(value)}`;
    }
  }
  return undefined;
}

function builtInsHint(): string {
  return `The components available in a page are ${Object.keys(MDX_COMPONENTS).join(', ')}; pages cannot import others (imports are not allowed in content).`;
}
