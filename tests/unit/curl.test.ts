/**
 * 4. Request and response code: the curl text helpers (model/curl.ts) and, through a fixture build, the
 * example tabs (model/examples.ts): header + body, request-url binding, markup stripping, placeholders,
 * seed-style Liquid curl lines, language detection, subexamples and Errors rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/core/html.ts';
import { codeText, dedent, detectLanguage, joinRequest } from '../../src/core/model/curl.ts';
import { buildReference, type BuildResult } from '../../src/core/model/build.ts';
import { endpointAt, fixture, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

describe('codeText', () => {
  it("strips HTML tags such as <code class='apiUrl'> but keeps <ACCESS_TOKEN> placeholders", () => {
    expect(codeText(`curl "<code class='apiUrl'>https://api.example.test</code>/v4/x" -H "Bearer <ACCESS_TOKEN>"`)).toBe(
      'curl "https://api.example.test/v4/x" -H "Bearer <ACCESS_TOKEN>"',
    );
  });

  it('strips other inline markup (span, strong, br) but not upper-case or mixed placeholders', () => {
    expect(codeText('<span class="x">a</span><strong>b</strong><br/>c <HOST> <Source_ID> <PASSWORD>')).toBe(
      'abc <HOST> <Source_ID> <PASSWORD>',
    );
  });

  it('decodes entities after stripping, so an escaped tag stays as text', () => {
    expect(codeText('&lt;code&gt; &amp; &quot;q&quot; &#39;s&#39; &#x41;')).toBe(`<code> & "q" 's' A`);
    expect(decodeEntities('&unknown; &nbsp;')).toBe('&unknown;  ');
  });
});

describe('joinRequest', () => {
  const header = `curl -X "POST" "https://api.example.test/v1/x" \\\n     -H 'Content-Type: application/json' \\\n     -d \\\n  \n`;

  it('joins the right-trimmed header, a newline and the body as one block', () => {
    expect(joinRequest({ header, code: `'{\n  "a": 1\n}'\n\n` })).toBe(
      `curl -X "POST" "https://api.example.test/v1/x" \\\n     -H 'Content-Type: application/json' \\\n     -d \\\n'{\n  "a": 1\n}'`,
    );
  });

  it('drops leading blank lines of the body', () => {
    expect(joinRequest({ header: 'H \\', code: '\n\nbody' })).toBe('H \\\nbody');
  });

  it('returns the body alone when the header is missing or blank', () => {
    expect(joinRequest({ code: '\ncurl x\n' })).toBe('curl x');
    expect(joinRequest({ header: '  \n', code: 'curl y\n' })).toBe('curl y');
  });

  it('returns the header alone when there is no body', () => {
    expect(joinRequest({ header: 'curl z \\\n  -H "A: b"\n', code: '' })).toBe('curl z \\\n  -H "A: b"');
  });
});

describe('dedent', () => {
  it('removes the indentation common to non-blank lines, keeping relative indentation', () => {
    expect(dedent('    {\n      "a": 1\n\n    }')).toBe('{\n  "a": 1\n\n}');
  });

  it('leaves text without common indentation alone', () => {
    expect(dedent('curl x\n     -H y')).toBe('curl x\n     -H y');
  });
});

describe('detectLanguage', () => {
  it.each([
    ['curl -X POST https://x', 'json', 'shellscript'],
    ['http GET https://x', undefined, 'shellscript'],
    ['{"a": 1}', undefined, 'json'],
    ['[1, 2]', 'text', 'json'],
    [`'{"a": 1}'`, undefined, 'shellscript'],
    ['echo hi', 'bash', 'shellscript'],
    ['echo hi', 'Shell', 'shellscript'],
    ['plain words', 'json', 'text'],
    ['import x', 'python', 'python'],
    ['anything', undefined, 'text'],
  ])('%j declared %j → %s', (code, declared, expected) => {
    expect(detectLanguage(code, declared)).toBe(expected);
  });
});

describe('example tabs in a build (mini-site)', () => {
  let result: BuildResult;
  beforeAll(() => {
    result = buildReference({ root: fixture('mini-site') });
  });

  it('joins the header from site data and the JSON body as one curl block, request-url bound and markup stripped', () => {
    const create = endpointAt(result, 'reference/widgets/create-a-widget/');
    expect(create.requests).toHaveLength(1);
    expect(create.requests[0].code).toBe(
      [
        `curl -X "POST" "https://api.mini.example/v4/widgets" \\`,
        `     -H 'Authorization: Bearer <ACCESS_TOKEN>' \\`,
        `     -H 'Content-Type: application/json' \\`,
        `     -d \\`,
        `'{`,
        `   "name": "<WIDGET_NAME>",`,
        `   "size": 3`,
        ` }'`,
      ].join('\n'),
    );
    expect(create.requests[0].lang).toBe('shellscript');
    expect(create.requests[0].code).not.toContain('apiUrl');
  });

  it('resolves a header written without an inner flatify through the extra pass over the joined text', () => {
    const list = endpointAt(result, 'reference/widgets/list-widgets/');
    expect(list.requests.map((r) => r.code)).toEqual([
      `curl "https://api.mini.example/v4/widgets" \\\n     -H 'Authorization: Bearer <ACCESS_TOKEN>'`,
    ]);
  });

  it('renders a seed-style Liquid curl line (assign, flatify, replace, remove: right-bracket) and detects shell despite `language: json`', () => {
    const del = endpointAt(result, 'reference/widgets/delete-a-widget/');
    expect(del.fullUrl).toBe('https://api.mini.example/v4/widgets/{widget_id}');
    expect(del.requests).toEqual([
      expect.objectContaining({
        lang: 'shellscript',
        code: 'curl -X DELETE https://api.mini.example/v4/widgets/wdg_123 \\\n     -H "Authorization: Bearer <ACCESS_TOKEN>"',
      }),
    ]);
  });

  it('gives highlighted html for every sample (plain highlighter keeps the placeholder escaped)', () => {
    const del = endpointAt(result, 'reference/widgets/delete-a-widget/');
    expect(del.requests[0].html).toContain('&lt;ACCESS_TOKEN&gt;');
    expect(del.requests[0].html).toContain('data-lang="shellscript"');
  });

  it('makes one sample per subexample, each with its (rendered) title and own language', () => {
    const create = endpointAt(result, 'reference/widgets/create-a-widget/');
    expect(create.responses.map(({ title, lang, code }) => ({ title, lang, code }))).toEqual([
      { title: 'A widget', lang: 'json', code: '{"id": "wdg_1"}' },
      { title: 'Widgets API says no', lang: 'text', code: 'No widgets.' },
    ]);
    expect(create.tabs.map((t) => t.type)).toEqual(['Request', 'Response', 'Errors']);
  });

  it('detects JSON responses', () => {
    expect(endpointAt(result, 'reference/widgets/list-widgets/').responses).toEqual([
      expect.objectContaining({ lang: 'json', code: '[{"id": "wdg_1"}]' }),
    ]);
  });

  it('keeps Errors rows whose method matches and whose version is "all", missing or the endpoint’s own', () => {
    const create = endpointAt(result, 'reference/widgets/create-a-widget/');
    expect(create.errors.map((e) => [e.code, e.conditionHtml, e.bodyHtml])).toEqual([
      ['400', 'Bad body', '<p>post-all</p>\n'],
      ['400', 'This version', '<p>post-v4</p>\n'],
      ['404', 'No version given', '<p>post-none</p>\n'],
    ]);
  });

  it('filters the same file by method for another endpoint', () => {
    const list = endpointAt(result, 'reference/widgets/list-widgets/');
    expect(list.errors.map((e) => e.bodyHtml)).toEqual(['<p>get-all</p>\n']);
  });

  it('reads rows from `error-file` instead of the object’s file when given', () => {
    const del = endpointAt(result, 'reference/widgets/delete-a-widget/');
    expect(del.errors.map((e) => [e.code, e.conditionHtml])).toEqual([['410', 'Gone']]);
    expect(del.errors.map((e) => e.bodyHtml).join('')).not.toContain('delete-default-file');
    expect(del.tabs.map((t) => t.type)).toEqual(['Request', 'Errors']);
  });

  it('has no Errors tab when no row matches', () => {
    const archive = endpointAt(result, 'reference/widgets/archive-a-widget/');
    expect(archive.errors).toEqual([]);
    expect(archive.tabs).toEqual([]);
  });

  it('binds each subexample’s request-url before rendering its header, and binds request-url to nil where none is given', () => {
    const dir = tempRoot('mini-site', {
      'reference/widgets/list-widgets.md': `---
product-type: "widgets"
content-type: "api-endpoint"
endpoint: "widgets"
key: "list-widgets"
version: "4"
method: "get"
examples:
  - type: "Request"
    subexamples:
      - title: "First page"
        request-url: "/v4/widgets"
        header: "{{ site.data.widgets.request-headers.get | flatify }}"
      - title: "Second page"
        request-url: "/v4/widgets?page={{ 1 | plus: 1 }}"
        header: "{{ site.data.widgets.request-headers.get | flatify }}"
  - type: "Response"
    code: "[{{ request-url }}]"
---
`,
      'reference/widgets/create-a-widget.md': `---
product-type: "widgets"
content-type: "api-endpoint"
endpoint: "widgets"
key: "create-a-widget"
version: "4"
method: "post"
examples:
  - type: "Request"
    code: "curl <code class='apiUrl'>{{ api.base-url }}</code>[{{ request-url }}]"
---
`,
    });
    const r = buildReference({ root: dir });
    const list = endpointAt(r, 'reference/widgets/list-widgets/');
    expect(list.requests.map((q) => [q.title, q.code.split('\n')[0]])).toEqual([
      ['First page', 'curl "https://api.mini.example/v4/widgets" \\'],
      ['Second page', 'curl "https://api.mini.example/v4/widgets?page=2" \\'],
    ]);
    // The binding lasts for the rest of the page, as the Jekyll include's assign did.
    expect(list.responses[0].code).toBe('[/v4/widgets?page=2]');
    // Another page starts with request-url nil: no error, renders empty.
    expect(endpointAt(r, 'reference/widgets/create-a-widget/').requests[0].code).toBe('curl https://api.mini.example[]');
  });

  it('filters Errors rows by the endpoint’s version', () => {
    const dir = tempRoot('mini-site', {
      'reference/widgets/create-a-widget.md': `---
product-type: "widgets"
content-type: "api-endpoint"
endpoint: "widgets"
key: "create-a-widget"
version: "3"
title: "Create a widget"
method: "post"
examples:
  - type: "Errors"
---
`,
      // Keep the object single-version but declare v3 so the older file is the one shown.
      'reference/widgets/widget-object.md': `---
product-type: "widgets"
content-type: "api-object"
endpoint: "widgets"
title: "Widget"
latest-version: "3"
available-methods:
  - id: "create-a-widget"
    method: "post"
---
`,
    });
    const r = buildReference({ root: dir });
    expect(endpointAt(r, 'reference/widgets/create-a-widget/').errors.map((e) => e.bodyHtml)).toEqual([
      '<p>post-all</p>\n',
      '<p>post-v3</p>\n',
      '<p>post-none</p>\n',
    ]);
  });
});

describe('Errors tab rows and tabs (Jekyll semantics)', () => {
  const errorsFile = (method: string, version: string) =>
    `all:\n  - code: "409"\n    responses:\n      - method: "${method}"\n        version: "${version}"\n        condition: "Listed"\n        response-body: "listed"\n`;

  it('matches a row that lists several methods or versions', () => {
    const dir = tempRoot('mini-site', { 'data/widgets/response-codes/widgets.yml': errorsFile('put, post', '3, 4') });
    const create = endpointAt(buildReference({ root: dir }), 'reference/widgets/create-a-widget/');
    expect(create.errors.map((e) => e.conditionHtml)).toEqual(['Listed']);
  });

  it('does not match a row for other methods or versions', () => {
    const dir = tempRoot('mini-site', { 'data/widgets/response-codes/widgets.yml': errorsFile('put, get', '3') });
    const create = endpointAt(buildReference({ root: dir }), 'reference/widgets/create-a-widget/');
    expect(create.errors).toEqual([]);
    // The file still lists an Errors example, so its tab stays (one tab per example entry, as in Jekyll).
    expect(create.tabs.map((t) => t.type)).toContain('Errors');
  });
});
