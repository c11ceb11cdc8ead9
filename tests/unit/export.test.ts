/**
 * Markdown twins, llms.txt and llms-full.txt (core/export): the twin of each kind of page, Markdown that
 * parses back to the same structure, links that work outside the page, prose twins with the reference
 * components replaced, and an llms.txt in the llmstxt.org shape that lists every page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { htmlToCode, htmlToMarkdown, htmlToText, onPage } from '../../src/core/export/html-to-markdown.ts';
import { entryMarkdown, fence } from '../../src/core/export/page-markdown.ts';
import { listMarkdown, machineReadableFiles, siteProducts, siteUrls, type ExportInput } from '../../src/core/export/site-files.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { endpointAt, fixture } from './_helpers.ts';

const md = new MarkdownIt();

function exportInput(root: string): ExportInput {
  const result = buildReference({ root });
  const { config } = result.config;
  return {
    site: {
      title: config.title ?? '',
      description: config.description,
      url: config.url,
      baseurl: config.baseurl,
      products: siteProducts(config.products, result.entries),
    },
    entries: result.entries,
    prose: result.prose.map((p) => {
      const text = readFileSync(path.join(root, p.file), 'utf8');
      return { path: p.path, title: /title: "(.*)"/.exec(text)![1], description: /description: "(.*)"/.exec(text)?.[1], text };
    }),
    anchors: result.links.anchors,
  };
}

describe('HTML to Markdown', () => {
  it('keeps structure (code, links, lists, tables, fences with their language) and drops link icons', () => {
    const html =
      '<p>Returns <code>201</code>, see <a href="/docs/x/#y">X &amp; Y</a>.</p><ul><li>a</li></ul>' +
      '<table><tr><th>k</th></tr><tr><td>1|2</td></tr></table><pre class="code" data-lang="json"><code>{"a": 1}\n</code></pre>' +
      '<h2 id="h">Head<a class="anchor-link" href="#h">#</a></h2>';
    expect(htmlToMarkdown(html, (h) => `https://s.test${h}`)).toBe(
      'Returns `201`, see [X & Y](https://s.test/docs/x/#y).\n\n- a\n\n| k    |\n| ---- |\n| 1\\|2 |\n\n```json\n{"a": 1}\n```\n\n## Head',
    );
    expect(htmlToText(html)).toBe('Returns 201, see X & Y. a k 1|2 {"a": 1} Head');
    expect(htmlToCode('<p>Why.</p><pre><code>{\n  "e": 1\n}</code></pre>')).toBe('{\n  "e": 1\n}');
  });

  it('converts a repeated fragment once, but resolves a fragment with links for each page that shows it', () => {
    const plain = '<p>Shared <strong>text</strong> from site data.</p>';
    expect(htmlToMarkdown(plain)).toBe('Shared **text** from site data.');
    expect(htmlToMarkdown(plain, onPage('https://s.test/a/'))).toBe('Shared **text** from site data.');
    const linked = '<p>See <a href="#limits">limits</a>.</p>';
    expect(htmlToMarkdown(linked, onPage('https://s.test/a/'))).toBe('See [limits](https://s.test/a/#limits).');
    expect(htmlToMarkdown(linked, onPage('https://s.test/b/'))).toBe('See [limits](https://s.test/b/#limits).');
    const spaced = '<p>See <a href = "#limits">limits</a>.</p>';
    expect(htmlToMarkdown(spaced, onPage('https://s.test/a/'))).toBe('See [limits](https://s.test/a/#limits).');
    expect(htmlToMarkdown(spaced, onPage('https://s.test/b/'))).toBe('See [limits](https://s.test/b/#limits).');
    const image = '<p><img src="/i.png" alt="i"></p>';
    expect(htmlToMarkdown(image, (h) => `https://one.test${h}`)).toBe('![i](https://one.test/i.png)');
    expect(htmlToMarkdown(image, (h) => `https://two.test${h}`)).toBe('![i](https://two.test/i.png)');
  });

  it('fences code that holds backticks with a longer fence', () => {
    expect(fence('a ``` b', 'shellscript')).toBe('````shell\na ``` b\n````');
  });
});

describe('Markdown twins', () => {
  const input = exportInput(fixture('openapi-site'));
  const urls = siteUrls(input.site);
  const result = buildReference({ root: fixture('openapi-site') });
  const twin = entryMarkdown(endpointAt(result, 'reference/tools/get-a-tool/'), urls);

  it('give an endpoint its title, method and URL, arguments, returns, examples and errors', () => {
    expect(twin.split('\n\n').slice(0, 3)).toEqual([
      '# Get a tool',
      '`GET https://api.tools.example/v1/tools/{tool_id}`',
      'Gets one tool. See [the tool object](https://tools.example/docs/reference/tools/#tool--object).',
    ]);
    expect(twin).toContain(
      [
        '## Arguments',
        '',
        '| Name | Type | Required | Description |',
        '| --- | --- | --- | --- |',
        '| `tool_id` | path parameter | required | The tool’s ID. Example: `tl_1` |',
        '| `expand` | query parameter | optional | Related objects to include. Example: `owner` |',
      ].join('\n'),
    );
    expect(twin).toContain('| `loans.since` | timestamp | When the loan began. |');
    expect(twin).toContain('### Request\n\n```shell\ncurl "https://api.tools.example/v1/tools/{tool_id}?expand=owner"');
    expect(twin).toContain('## Errors\n\n- **404**: No tool has this ID.\n\n  ```json\n  {"error": "not_found"}\n  ```');
    expect(twin.trimEnd().endsWith('HTML version: https://tools.example/docs/reference/tools/get-a-tool/')).toBe(true);
  });

  it('are Markdown that parses to the same structure: headings, one table per list of parameters, fences', () => {
    const tokens = md.parse(twin, {});
    const headings = tokens
      .filter((t) => t.type === 'heading_open')
      .map((t, i, all) => `${t.tag} ${tokens[tokens.indexOf(all[i]) + 1].content}`);
    expect(headings).toEqual([
      'h1 Get a tool',
      'h2 Arguments',
      'h2 Returns',
      'h3 Response attributes',
      'h2 Examples',
      'h3 Request',
      'h3 Response',
      'h2 Errors',
    ]);
    expect(tokens.filter((t) => t.type === 'table_open')).toHaveLength(2);
    expect(tokens.filter((t) => t.type === 'fence').map((t) => t.info)).toEqual(['shell', 'json', 'json']);
  });

  it('of prose pages replace the reference components, keep fences, and point bare #links at their page', () => {
    const { files } = machineReadableFiles(input);
    const start = files.find((f) => f.path === 'guides/start/index.md')!.text;
    expect(start).toContain('# Getting started\n\n> Borrow your first tool.');
    expect(start).not.toContain('title: "Getting started"');
    expect(start).toContain(
      '**`GET /v1/tools/{tool_id}`** [Get a tool](https://tools.example/docs/reference/tools/get-a-tool/index.md): Gets a tool.',
    );
    expect(start).toContain('```shell\ncurl https://api.tools.example/v1/tools -u key: -d name=hammer');
    expect(start).toContain('```mdx\n<RequestSample endpoint="get-a-tool" />\n```');
    expect(start).toContain(
      'See [the tool object](https://tools.example/docs/reference/tools/#tool--object) and [this section](https://tools.example/docs/guides/start/#borrowing).',
    );
  });

  it('of list pages link each item’s twin', () => {
    expect(
      listMarkdown(
        'Data structures',
        'Objects inside others.',
        [{ title: 'Address', path: 'structures/address/', summary: 'Where.' }],
        input.site,
      ),
    ).toBe('# Data structures\n\nObjects inside others.\n\n- [Address](https://tools.example/docs/structures/address/index.md): Where.\n');
  });
});

describe('llms.txt and llms-full.txt', () => {
  const input = exportInput(fixture('openapi-site'));
  const { files } = machineReadableFiles({ ...input, pages: [{ path: '', title: 'Home', section: 'Start' }] });
  const llms = files.find((f) => f.path === 'llms.txt')!.text;

  it('follow the llmstxt.org shape: H1, quote, then sections of link lines', () => {
    const blocks = llms.trimEnd().split('\n\n');
    expect(blocks[0]).toBe('# Tools API');
    expect(blocks[1]).toBe('> Borrow and return tools.');
    const sections = llms.match(/^## .*/gm);
    expect(sections).toEqual(['## Start', '## Guides', '## API reference', '## OpenAPI']);
    for (const line of llms.split('\n').filter((l) => l.startsWith('- ')))
      expect(line).toMatch(/^- \[[^\]]+\]\(https:\/\/tools\.example\/docs\/[^)\s]*\)(: .+)?$/);
  });

  it('list every page: each reference entry and prose page by its twin, the home page by its HTML', () => {
    for (const e of input.entries) expect(llms).toContain(`(https://tools.example/docs/${e.path}index.md)`);
    expect(llms).toContain('- [Getting started](https://tools.example/docs/guides/start/index.md): Borrow your first tool.');
    expect(llms).toContain('- [Home](https://tools.example/docs/)');
    expect(llms).toContain(
      '- [Get a tool](https://tools.example/docs/reference/tools/get-a-tool/index.md): GET /v1/tools/{tool_id}: Gets a tool.',
    );
    expect(llms).toContain('- [openapi.json](https://tools.example/docs/openapi.json): Tools API: the current API (also as openapi.yaml)');
  });

  it('gather every twin in llms-full.txt, and write each twin at its page’s path', () => {
    const full = files.find((f) => f.path === 'llms-full.txt')!.text;
    const twins = files.filter((f) => f.path.endsWith('index.md'));
    expect(twins.map((t) => t.path).sort()).toEqual([...input.entries.map((e) => `${e.path}index.md`), 'guides/start/index.md'].sort());
    for (const t of twins) expect(full).toContain(t.text.trim());
    expect(files.map((f) => f.path).filter((p) => p.startsWith('openapi'))).toEqual(['openapi.json', 'openapi.yaml']);
  });
});
