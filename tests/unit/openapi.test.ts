/**
 * The OpenAPI 3.1 export (core/openapi): where each argument goes, schemas from argument types, request
 * bodies and their media types, responses and errors, merged operations, servers, tags, security, one
 * document per product and version; every document of the test content, the sample site and the Stitch
 * corpus (../shared, skipped when absent) passes Redocly's recommended rules with 0 errors.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildReference } from '../../src/core/model/build.ts';
import { buildOpenApi, openApiName, type OpenApiOptions } from '../../src/core/openapi/document.ts';
import { locate, pathTemplate } from '../../src/core/openapi/operation.ts';
import { typeSchema } from '../../src/core/openapi/schema.ts';
import { siteProducts } from '../../src/core/export/site-files.ts';
import { openApiJson, openApiYaml } from '../../src/core/openapi/serialize.ts';
import type { ReferenceEntry } from '../../src/schemas/reference.ts';
import { byRule, lintOpenApi } from './_openapi.ts';
import { fixture } from './_helpers.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function exportSite(root: string, configFile?: string) {
  const result = buildReference({ root, configFile });
  const { config } = result.config;
  const base = `${config.url ?? ''}${config.baseurl}`;
  const options: OpenApiOptions = {
    title: config.title ?? 'API',
    description: config.description,
    pageUrl: (p) => `${base}/${p}`,
    resolve: (href) => (href.startsWith('/') && config.url ? `${config.url}${href}` : href),
    products: siteProducts(config.products, result.entries),
  };
  return { result, options, ...buildOpenApi(result.entries, options) };
}

describe('typeSchema', () => {
  it('maps the spellings docs use to JSON Schema, and gives up on words it does not know', () => {
    expect(typeSchema('String')).toEqual({ type: 'string' });
    expect(typeSchema('timestamp')).toEqual({ type: 'string', format: 'date-time' });
    expect(typeSchema('path parameter')).toEqual({ type: 'string' });
    expect(typeSchema('array of strings')).toEqual({ type: 'array', items: { type: 'string' } });
    expect(typeSchema('integer[]')).toEqual({ type: 'array', items: { type: 'integer' } });
    expect(typeSchema('string or null')).toEqual({ type: ['string', 'null'] });
    expect(typeSchema('timestamp, null')).toEqual({ anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] });
    expect(typeSchema('Source object')).toBeUndefined();
  });
});

describe('paths and servers', () => {
  it('makes an OpenAPI template: {name} kept, :name and <NAME> segments converted, stray braces dropped', () => {
    expect(pathTemplate('/v1/parcels/{parcel_id}')).toEqual({ path: '/v1/parcels/{parcel_id}', names: ['parcel_id'] });
    expect(pathTemplate('/v1/a/:id/b/<KEY>?x=1')).toEqual({ path: '/v1/a/{id}/b/{KEY}', names: ['id', 'KEY'] });
    expect(pathTemplate('/v4/{stitch_client_id/extractions').path).toBe('/v4/stitch_client_id/extractions');
  });

  it('splits the full URL into server and path', () => {
    expect(locate({ fullUrl: 'https://a.test/v1/x', shortUrl: '/v1/x' })).toEqual({ server: 'https://a.test', path: '/v1/x' });
    expect(locate({ fullUrl: 'https://a.test/api/v1/x', shortUrl: '/x' })).toEqual({ server: 'https://a.test/api/v1', path: '/x' });
    expect(locate({ fullUrl: 'https://a.test/v2/y', shortUrl: '/other' })).toEqual({ server: 'https://a.test', path: '/v2/y' });
    expect(locate({ fullUrl: '', shortUrl: '/v1/x' })).toEqual({ server: '', path: '/v1/x' });
  });

  it('names files per product and version', () => {
    expect([openApiName(''), openApiName('', '2'), openApiName('tracking'), openApiName('tracking', '2024-01')]).toEqual([
      'openapi',
      'openapi-v2',
      'openapi-tracking',
      'openapi-tracking-v2024-01',
    ]);
  });
});

describe('the test content (tests/fixtures/openapi-site)', () => {
  const { documents, warnings } = exportSite(fixture('openapi-site'));
  const doc = documents[0].document as Obj;
  const get = doc.paths['/v1/tools/{tool_id}'].get;
  const post = doc.paths['/v1/tools'].post;
  const put = doc.paths['/v1/tools/{tool_id}'].put;

  it('is one document (one product, one version) with the server, tags and links of the site', () => {
    expect(documents.map((d) => d.name)).toEqual(['openapi']);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({ title: 'Tools API', version: '1', description: 'Borrow and return tools.' });
    expect(doc.servers).toEqual([{ url: 'https://api.tools.example' }]);
    expect(doc.tags).toEqual([
      { name: 'Tools', description: 'A tool you can borrow.', externalDocs: { url: 'https://tools.example/docs/reference/tools/' } },
    ]);
    expect(get.externalDocs.url).toBe('https://tools.example/docs/reference/tools/get-a-tool/');
    expect(get.description).toBe('Gets one tool. See [the tool object](https://tools.example/docs/reference/tools/#tool--object).');
  });

  it('puts arguments in the path, the query (by type, or any argument of a GET) and headers', () => {
    expect(get.parameters.map((p: Obj) => [p.in, p.name, p.required ?? false, p.schema, p.example])).toEqual([
      ['path', 'tool_id', true, { type: 'string' }, 'tl_1'],
      ['query', 'expand', false, { type: 'string' }, 'owner'],
      ['query', 'limit', false, { type: 'integer' }, 5],
      ['header', 'X-Shed', false, { type: 'string' }, undefined],
      // From the request example; Authorization becomes the security scheme instead.
      ['header', 'X-Trace', false, { type: 'string' }, 'abc'],
    ]);
    expect(get.security).toEqual([{ bearerAuth: [] }]);
    expect(get.requestBody).toBeUndefined();
  });

  it('describes the response: status from the Returns text, example, schema from the attributes, errors', () => {
    expect(Object.keys(get.responses)).toEqual(['200', '404']);
    const ok = get.responses['200'].content['application/json'];
    expect(ok.examples.example.value).toEqual({ id: 'tl_1', loans: [{ since: '2024-01-01T00:00:00Z' }] });
    expect(ok.schema.properties.loans).toEqual({
      type: 'array',
      description: 'Recent loans.',
      items: {
        type: 'object',
        properties: { since: { type: 'string', format: 'date-time', description: 'When the loan began.' } },
        required: ['since'],
      },
    });
    expect(get.responses['404']).toEqual({
      description: 'No tool has this ID.',
      content: { 'application/json': { examples: { example: { value: { error: 'not_found' } } } } },
    });
  });

  it('makes the body of a POST from its arguments, in the media type its request sends (a form here)', () => {
    const form = post.requestBody.content['application/x-www-form-urlencoded'];
    expect(post.requestBody.required).toBe(true);
    expect(form.schema.required).toEqual(['name']);
    expect(form.schema.properties.size).toMatchObject({ type: 'object', required: ['width'] });
    expect(form.schema.properties.tags).toEqual({ type: 'array', items: { type: 'string' }, description: 'Labels.' });
    expect(form.schema.properties.retired_at.anyOf).toEqual([{ type: 'string', format: 'date-time' }, { type: 'null' }]);
    expect(form.example).toEqual({ name: 'hammer', 'size[width]': '3' });
    expect(post.security).toEqual([{ basicAuth: [] }]);
    expect(Object.keys(post.responses)).toEqual(['201', '409']);
    expect(post.responses['409'].description).toBe('- A tool with this **name** exists.\n- The shed is full.');
    expect(Object.keys(post.responses['409'].content['application/json'].examples)).toEqual([
      'a-tool-with-this-name-exists',
      'the-shed-is-full',
    ]);
  });

  it('merges two pages of one path and method into one operation, and says what it could not keep', () => {
    expect(put['x-merged']).toEqual(['rename-a-tool', 'retire-a-tool']);
    expect(put.requestBody.content['application/json'].schema.anyOf.map((s: Obj) => s.title)).toEqual(['Rename a tool', 'Retire a tool']);
    expect(Object.keys(put.requestBody.content['application/json'].examples)).toEqual(['rename-a-tool', 'retire-a-tool']);
    expect(post.parameters).toEqual([expect.objectContaining({ name: 'shed', in: 'query' })]);
    expect(warnings).toEqual([
      'reference/tools/create-a-tool.md: argument "shed" is typed as a path parameter, but the URL has no {shed}; exported as a query parameter',
      'reference/tools/create-a-tool.md: error code "teapot" is not an HTTP status; left out of the OpenAPI document',
      'reference/tools/retire-a-tool.md: PUT /v1/tools/{tool_id} is also documented by another page; the two are merged into one operation',
    ]);
  });

  it('passes Redocly’s recommended rules with 0 errors, as JSON and as YAML (the same document)', async () => {
    expect((await lintOpenApi(openApiJson(doc))).errors).toEqual([]);
    // The validator does reject what breaks the specification.
    const broken = { ...doc, info: {}, paths: { '/x': { get: { parameters: [{ name: 'id', in: 'path', required: true }] } } } };
    expect((await lintOpenApi(openApiJson(broken))).errors.length).toBeGreaterThan(2);
    expect(parse(openApiYaml(doc))).toEqual(doc);
  });
});

describe('the sample site', () => {
  const { documents } = exportSite(fileURLToPath(new URL('../../content', import.meta.url)));

  it('has, per product, the current API and one document per version; each passes with 0 errors', async () => {
    // Parcelwise is kept at the top of the reference (path ""); the Tracking API has its own segment.
    expect(documents.map((d) => [d.name, (d.document as Obj).info.title, (d.document as Obj).info.version])).toEqual([
      ['openapi', 'Parcelwise API', '1, 2'],
      ['openapi-v1', 'Parcelwise API (v1)', '1'],
      ['openapi-v2', 'Parcelwise API (v2)', '2'],
      ['openapi-tracking', 'Tracking API', '1'],
    ]);
    expect(Object.keys((documents[3].document as Obj).paths).every((p) => !p.startsWith('/v1/parcels'))).toBe(true);
    const current = documents[0].document as Obj;
    // Each object at its latest version: shipments at v2, parcels at v1.
    expect(Object.keys(current.paths)).toContain('/v2/shipments');
    expect(Object.keys(current.paths)).not.toContain('/v1/shipments');
    expect(current.paths['/v2/shipments'].post['x-api-version']).toBe('2');
    expect(Object.keys((documents[1].document as Obj).paths)).toContain('/v1/shipments');
    for (const d of documents) expect((await lintOpenApi(openApiJson(d.document), d.name)).errors, d.name).toEqual([]);
  }, 30_000);
});

describe('products', () => {
  it('gives each product its own documents, named by its URL segment', () => {
    const { result, options } = exportSite(fixture('openapi-site'));
    const twice = [...result.entries, ...result.entries.map((e) => ({ ...e, product: 'other' }))] as ReferenceEntry[];
    const products = [
      { key: 'tools', title: 'Tools API', segment: '' },
      { key: 'other', title: 'Other API', segment: 'other' },
    ];
    const { documents } = buildOpenApi(twice, { ...options, products });
    expect(documents.map((d) => [d.name, d.product, (d.document as Obj).info.title])).toEqual([
      ['openapi', 'tools', 'Tools API'],
      ['openapi-other', 'other', 'Other API'],
    ]);
  });

  it('counts only products with endpoints: shared pages do not make a site of one API a site of several', () => {
    const { result, options } = exportSite(fixture('openapi-site'));
    const entries = result.entries.map((e) => ({ ...e, product: e.kind === 'endpoint' ? 'tools' : '' })) as ReferenceEntry[];
    const products = [
      { key: '', title: 'Shared', segment: '' },
      { key: 'tools', title: 'Tools', segment: 'tools' },
    ];
    const { documents } = buildOpenApi(entries, { ...options, products });
    expect(documents.map((d) => [d.name, d.product, (d.document as Obj).info.title])).toEqual([['openapi', 'tools', 'Tools API']]);
  });
});

const corpus = fileURLToPath(new URL('../../../shared/corpus/stitch-docs', import.meta.url));

describe.skipIf(!existsSync(corpus))('the Stitch corpus (needs ../shared)', () => {
  it('exports every document with 0 errors; the warnings are printed', async () => {
    const { documents, warnings } = exportSite(corpus, fileURLToPath(new URL('../../presets/stitch-docs.yml', import.meta.url)));
    expect(documents.map((d) => d.name)).toEqual(['openapi', 'openapi-v3', 'openapi-v4']);
    console.log(`export warnings:\n  ${warnings.join('\n  ')}`);
    for (const d of documents) {
      const report = await lintOpenApi(openApiJson(d.document), d.name);
      expect(report.errors, d.name).toEqual([]);
      console.log(`${d.name}.json: 0 errors, ${report.warnings.length} warnings ${JSON.stringify(byRule(report.warnings))}`);
    }
  }, 60_000);
});
