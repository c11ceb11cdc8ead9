/**
 * 8. The seed endpoint from ../shared/seed, built in a temp content root made from tests/fixtures/seed-site.
 * The seed file is read from the shared folder at test time and never copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReference, type BuildResult } from '../../src/core/model/build.ts';
import type { EndpointEntry } from '../../src/schemas/reference.ts';
import { endpointAt, objectAt, removeTempRoots, tempRoot } from './_helpers.ts';

const seedPath = fileURLToPath(new URL('../../../shared/seed/generate-iapi-access-token.md', import.meta.url));
const BASE = 'https://api.example.test';

afterAll(removeTempRoots);

describe.skipIf(!existsSync(seedPath))('seed endpoint (needs ../shared/seed)', () => {
  let result: BuildResult;
  let endpoint: EndpointEntry;

  beforeAll(() => {
    const root = tempRoot('seed-site', { 'reference/sources/generate-iapi-access-token.md': readFileSync(seedPath, 'utf8') });
    const started = performance.now();
    result = buildReference({ root });
    const ms = performance.now() - started;
    console.log(`seed: buildReference took ${ms.toFixed(1)} ms (${result.entries.length} entries, ${result.warnings.length} warnings)`);
    endpoint = endpointAt(result, 'reference/sources/generate-iapi-access-token/');
  });

  it('builds with one warning (its own title is not the one shown): the object page and the endpoint page', () => {
    expect(result.warnings.map((w) => `${w.file}:${w.line} ${w.field}`)).toEqual([
      'reference/sources/generate-iapi-access-token.md:17 title',
    ]);
    expect(result.entries.map((e) => e.path)).toEqual(['reference/sources/', 'reference/sources/generate-iapi-access-token/']);
  });

  it('has the full URL <base-url>/v4/sources/{source_id}/tokens (block-scalar newlines stripped)', () => {
    expect(endpoint.fullUrl).toBe(`${BASE}/v4/sources/{source_id}/tokens`);
    expect(endpoint.shortUrl).toBe('/v4/sources/{source_id}/tokens');
  });

  it('renders the request as `curl -X POST <base-url>/v4/sources/126890/tokens` followed by both -H lines', () => {
    expect(endpoint.requests).toHaveLength(1);
    const request = endpoint.requests[0];
    expect(request.code.startsWith(`curl -X POST ${BASE}/v4/sources/126890/tokens`)).toBe(true);
    const lines = request.code.split('\n').map((l) => l.trim());
    expect(lines).toEqual([
      `curl -X POST ${BASE}/v4/sources/126890/tokens`,
      '-H "Authorization: Bearer <CONNECT_ACCESS_TOKEN>"',
      '-H "Content-Type: application/json"',
    ]);
    expect(request.lang).toBe('shellscript');
  });

  it('takes title, method and short from the object’s available-methods entry', () => {
    expect(endpoint).toMatchObject({
      title: 'Generate an Import API access token',
      method: 'POST',
      version: '4',
      latest: true,
      available: true,
    });
    expect(endpoint.shortHtml).toBe('Generates an access token for an Import API source.');
    expect(objectAt(result, 'reference/sources/').methods.map((m) => m.key)).toEqual(['generate-iapi-access-token']);
  });

  it('renders description, arguments and returns; the returns link goes to the object page under the base path', () => {
    expect(endpoint.descriptionHtml).toContain('Generates an Import API access token for a source of type <code>import_api</code>.');
    expect(endpoint.arguments).toEqual([expect.objectContaining({ name: 'source_id', type: 'string', required: true, example: '126890' })]);
    expect(endpoint.returnsHtml).toContain('<a href="/docs/reference/sources/#source--object">Source object</a>');
  });

  it('keeps the JSON response with its placeholders; its Errors tab has no rows (no response-code data)', () => {
    expect(endpoint.responses).toHaveLength(1);
    expect(endpoint.responses[0].lang).toBe('json');
    expect(JSON.parse(endpoint.responses[0].code)).toMatchObject({
      access_token: '<NEW_IMPORT_API_ACCESS_TOKEN>',
      connection: { id: 126890 },
    });
    expect(endpoint.errors).toEqual([]);
    // One tab per `examples` entry, as on the Jekyll page: the seed lists `- type: "Errors"`.
    expect(endpoint.tabs.map((t) => t.type)).toEqual(['Request', 'Response', 'Errors']);
  });
});
