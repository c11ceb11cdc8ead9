/**
 * The Try it panel's core: the credential placeholder read from the request model (any spelling), the
 * request shape an endpoint page embeds (where each argument goes, servers, switches), the request the
 * panel builds from a reader's input, and the `try-it` config keys.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/core/config.ts';
import { ContentErrors } from '../../src/core/errors.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { credentialOf, isPlaceholder } from '../../src/core/model/credential.ts';
import { parseCurl } from '../../src/core/model/request-model.ts';
import { requestShape } from '../../src/core/model/request-shape.ts';
import { buildTryRequest, tryCurl } from '../../src/core/model/try-request.ts';
import type { EndpointEntry } from '../../src/schemas/reference.ts';
import { DEFAULT_TRY_IT, TryItSchema } from '../../src/schemas/try-it.ts';
import { fixture, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const model = (curl: string) => parseCurl(curl)!.model;

describe('the credential placeholder, from the request model', () => {
  it.each([
    ['Authorization: Bearer <ACCESS_TOKEN>', '<ACCESS_TOKEN>'],
    ['Authorization: Bearer [ACCESS_TOKEN]', '[ACCESS_TOKEN]'],
    ['Authorization: Token {api_key}', '{api_key}'],
    ['Authorization: Bearer {{token}}', '{{token}}'],
    ['Authorization: Bearer $API_TOKEN', '$API_TOKEN'],
    ['Authorization: Basic YOUR_CREDENTIALS', 'YOUR_CREDENTIALS'],
    ['Authorization: <API_KEY>', '<API_KEY>'],
    ['X-Api-Key: <KEY>', '<KEY>'],
    ['X-Auth-Token: [TOKEN]', '[TOKEN]'],
  ])('%s → %s', (header, placeholder) => {
    const c = credentialOf(model(`curl https://a.test/x -H 'Accept: application/json' -H '${header}'`));
    expect(c?.placeholder).toBe(placeholder);
    expect(`${c?.header}: ${c?.template}`).toBe(header);
  });

  it('a real-looking key, a header that is no credential, or no header at all gives none', () => {
    expect(credentialOf(model(`curl https://a.test/x -H 'Authorization: Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc'`))).toBeUndefined();
    expect(credentialOf(model(`curl https://a.test/x -H 'X-Request-Id: <REQUEST_ID>'`))).toBeUndefined();
    expect(credentialOf(model('curl https://a.test/x'))).toBeUndefined();
    expect(isPlaceholder('Bearer')).toBe(false);
    expect(isPlaceholder('abc_def')).toBe(false);
  });

  it('every sample site request with a credential carries its placeholder for the key substitution', () => {
    const { entries } = buildReference({ root: fileURLToRoot('content') });
    const requests = entries.flatMap((e) => (e.kind === 'endpoint' ? e.requests : []));
    const withAuth = requests.filter((r) => /Authorization: Bearer </.test(r.code) && r.snippets);
    expect(withAuth.length).toBeGreaterThan(5);
    for (const r of withAuth) {
      expect(r.credential).toBe('<ACCESS_TOKEN>');
      // Every language writes it verbatim, so the page can find it in each.
      for (const s of r.snippets!) expect(s.code).toContain('<ACCESS_TOKEN>');
    }
  });
});

function fileURLToRoot(rel: string): string {
  return path.resolve(import.meta.dirname, '../..', rel);
}

function endpoints(root: string, configFile?: string): Map<string, EndpointEntry> {
  const { entries } = buildReference({ root, configFile });
  return new Map(entries.flatMap((e) => (e.kind === 'endpoint' ? [[e.key, e] as const] : [])));
}

describe('the request shape of an endpoint page', () => {
  const tools = endpoints(fixture('openapi-site'));

  it('puts each argument where the OpenAPI export puts it, with types and required marks', () => {
    const shape = tools.get('get-a-tool')!.tryIt!;
    expect(shape.method).toBe('GET');
    expect(shape.path).toBe('/v1/tools/{tool_id}');
    expect(shape.servers).toEqual([{ url: 'https://api.tools.example', description: '' }]);
    expect(shape.pathParams).toEqual([expect.objectContaining({ name: 'tool_id', required: true, example: 'tl_1', id: 'arg-tool_id' })]);
    expect(shape.query.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['expand', 'string', false],
      ['limit', 'integer', false],
    ]);
    expect(shape.headers.map((f) => f.name)).toEqual(['X-Shed']);
    expect(shape.credential).toEqual({ header: 'Authorization', template: 'Bearer <TOKEN>', placeholder: '<TOKEN>' });
    // The example's other headers go along; the credential is the reader's.
    expect(shape.fixedHeaders).toEqual([['X-Trace', 'abc']]);
    expect(shape.body).toBeUndefined();
    expect(shape.timeoutMs).toBe(30_000);
  });

  it('a body: the example request body as the starting text, the body arguments for the required check', () => {
    const shape = tools.get('create-a-tool')!.tryIt!;
    expect(shape.body?.type).toMatch(/json|form/);
    expect(shape.body?.text).not.toBe('');
    expect(shape.body?.fields.length).toBeGreaterThan(0);
  });

  it('is absent when switched off: globally, per page, for an unsafe method, or with no http(s) server', () => {
    const get = tools.get('get-a-tool')!;
    expect(requestShape(get, { ...DEFAULT_TRY_IT, enabled: false })).toBeUndefined();
    expect(requestShape(get, DEFAULT_TRY_IT, false)).toBeUndefined();
    expect(requestShape(get, TryItSchema.parse({ 'unsafe-methods': ['get'] }))).toBeUndefined();
    expect(requestShape({ ...get, fullUrl: '' }, DEFAULT_TRY_IT)).toBeUndefined();
    // …unless the config names a server to send to.
    const withServer = requestShape({ ...get, fullUrl: '' }, TryItSchema.parse({ servers: [{ url: 'https://sandbox.tools.example/' }] }));
    expect(withServer?.servers).toEqual([{ url: 'https://sandbox.tools.example', description: '' }]);
  });

  it('site.yml servers follow the endpoint’s own; front matter try-it: false removes one page’s panel', () => {
    const root = tempRoot('openapi-site');
    const site = path.join(root, 'site.yml');
    writeFileSync(
      site,
      'title: "T"\naliases:\n  api: site.data[page.product-type].api\ntry-it:\n  timeout: 5\n  servers:\n    - url: https://sandbox.tools.example\n      description: Sandbox\n',
    );
    const file = path.join(root, 'reference/tools/get-a-tool.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('key: "get-a-tool"', 'key: "get-a-tool"\ntry-it: false'));
    const built = endpoints(root);
    expect(built.get('get-a-tool')!.tryIt).toBeUndefined();
    expect(built.get('create-a-tool')!.tryIt!.servers).toEqual([
      { url: 'https://api.tools.example', description: '' },
      { url: 'https://sandbox.tools.example', description: 'Sandbox' },
    ]);
    expect(built.get('create-a-tool')!.tryIt!.timeoutMs).toBe(5_000);
  });
});

describe('the request the panel sends', () => {
  const shape = endpoints(fixture('openapi-site')).get('get-a-tool')!.tryIt!;
  const input = { server: 'https://api.tools.example/', path: { tool_id: 'tl/1 x' }, query: { expand: 'owner', limit: '5' }, headers: {} };

  it('fills the path (each value one segment), the query, the headers and the key', () => {
    const built = buildTryRequest(shape, { ...input, headers: { 'X-Shed': 'north' }, token: ' tok_123 ' });
    expect(built).toEqual({
      ok: true,
      request: {
        method: 'GET',
        url: 'https://api.tools.example/v1/tools/tl%2F1%20x?expand=owner&limit=5',
        headers: [
          ['X-Trace', 'abc'],
          ['X-Shed', 'north'],
          ['Authorization', 'Bearer tok_123'],
        ],
      },
    });
    // Without a key the credential header is left out rather than sent with its placeholder.
    const anonymous = buildTryRequest(shape, input);
    expect(anonymous.ok && anonymous.request.headers.map(([n]) => n)).toEqual(['X-Trace']);
  });

  it('names every problem at once: required fields left empty, values of the wrong type', () => {
    expect(buildTryRequest(shape, { ...input, path: {}, query: { limit: '2.5' } })).toEqual({
      ok: false,
      problems: ['tool_id (path) is required', 'limit must be a whole number'],
    });
  });

  it('checks a JSON body and its required fields', () => {
    const post = {
      ...shape,
      method: 'POST',
      body: { type: 'application/json', text: '', fields: [{ name: 'name', type: 'string', kind: 'string' as const, required: true }] },
    };
    const base = { ...input, path: { tool_id: 't' } };
    expect(buildTryRequest(post, { ...base, body: '{"name": ' })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^the body is not valid JSON/)],
    });
    expect(buildTryRequest(post, { ...base, body: '{"size": 1}' })).toEqual({ ok: false, problems: ['name (body) is required'] });
    expect(buildTryRequest(post, { ...base, body: '' })).toEqual({ ok: false, problems: ['the body is required'] });
    const ok = buildTryRequest(post, { ...base, body: '{"name": "Saw"}' });
    expect(ok.ok && ok.request.body).toBe('{"name": "Saw"}');
  });

  it('the equivalent curl is the request model’s curl', () => {
    const built = buildTryRequest(shape, { ...input, token: 'tok' });
    expect(built.ok && tryCurl(built.request)).toBe(
      "curl 'https://api.tools.example/v1/tools/tl%2F1%20x?expand=owner&limit=5' \\\n  -H 'X-Trace: abc' \\\n  -H 'Authorization: Bearer tok'",
    );
  });
});

describe('try-it config', () => {
  function configError(yaml: string): string {
    const root = tempRoot(undefined, { 'site.yml': `title: "T"\n${yaml}` });
    try {
      loadSiteConfig(root);
    } catch (error) {
      if (error instanceof ContentErrors) return error.errors.map((e) => e.message).join('\n');
      throw error;
    }
    throw new Error('expected a config error');
  }

  it('defaults: on, no unsafe methods, 30 s, no extra servers', () => {
    expect(DEFAULT_TRY_IT).toEqual({ enabled: true, 'unsafe-methods': [], timeout: 30, servers: [] });
    expect(TryItSchema.parse({ 'unsafe-methods': ['delete', 'Post'] })['unsafe-methods']).toEqual(['DELETE', 'POST']);
  });

  it('a bad server URL, a misspelt key or a bad timeout is an error naming the field', () => {
    expect(configError('try-it:\n  servers:\n    - url: "javascript:alert(1)"\n')).toMatch(
      /site\.yml:\d+ \(field "try-it\.servers\[0\]\.url"\).*http\(s\) URL/,
    );
    expect(configError('try-it:\n  enable: false\n')).toMatch(/field "try-it"\).*Unrecognized key: "enable"/);
    expect(configError('try-it:\n  timeout: -1\n')).toMatch(/field "try-it\.timeout"/);
    expect(configError('try-it:\n  unsafe-methods: ["DELETE /x"]\n')).toMatch(/must be an HTTP method name/);
  });
});
