/**
 * Code samples from the request model (model/snippets.ts): exact curl, fetch and requests output, JSON
 * bodies as literals only when they parse, placeholders verbatim, the fallback for what is not curl; and
 * the deep-link ids of parameter rows (model/deep-links.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReference } from '../../src/core/model/build.ts';
import { PageIds, idPart, paramId } from '../../src/core/model/deep-links.ts';
import { parseCurl, type RequestModel } from '../../src/core/model/request-model.ts';
import { curlSnippet, fetchSnippet, parseJson, requestsSnippet, shellQuote, snippetsFor } from '../../src/core/model/snippets.ts';
import { endpointAt, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const POST: RequestModel = {
  method: 'POST',
  url: 'https://api.example.test/v1/parcels/{parcel_id}/labels',
  headers: [
    ['Authorization', 'Bearer <ACCESS_TOKEN>'],
    ['Content-Type', 'application/json'],
  ],
  body: '{\n  "email": "<RECIPIENT_EMAIL>",\n  "weight": 1850,\n  "id": 12345678901234567890,\n  "price": 1.50,\n  "gift": true,\n  "note": null,\n  "tags": ["a", "b"],\n  "to": {"line-1": "14 Harbor St", "city": "Bristol"}\n}',
};

const AsyncFunction = (async () => {}).constructor as new (code: string) => unknown;

describe('parseJson', () => {
  it('keeps the text of numbers, so long IDs and trailing zeros survive', () => {
    expect(parseJson('[12345678901234567890, 1.50, -0, 2e10]')).toEqual({
      t: 'arr',
      items: ['12345678901234567890', '1.50', '-0', '2e10'].map((raw) => ({ t: 'num', raw })),
    });
  });

  it('rejects what JSON.parse rejects: placeholders outside strings, trailing commas, single quotes', () => {
    for (const text of ['{"port": <PORT>}', '{"a": 1,}', "{'a': 1}", '{"a": 1} x', '[01]', '"\t"']) {
      expect(parseJson(text), text).toBeUndefined();
      expect(() => JSON.parse(text), text).toThrow();
    }
  });
});

describe('fetchSnippet', () => {
  it('writes a JSON body as an object literal inside JSON.stringify, with headers and method', () => {
    expect(fetchSnippet(POST)).toBe(
      [
        'const response = await fetch("https://api.example.test/v1/parcels/{parcel_id}/labels", {',
        '  method: "POST",',
        '  headers: {',
        '    "Authorization": "Bearer <ACCESS_TOKEN>",',
        '    "Content-Type": "application/json",',
        '  },',
        '  body: JSON.stringify({',
        '    email: "<RECIPIENT_EMAIL>",',
        '    weight: 1850,',
        '    id: 12345678901234567890,',
        '    price: 1.50,',
        '    gift: true,',
        '    note: null,',
        '    tags: ["a", "b"],',
        '    to: { "line-1": "14 Harbor St", city: "Bristol" },',
        '  }),',
        '});',
        'console.log(await response.json());',
      ].join('\n'),
    );
  });

  it('is a bare fetch(url) for a plain GET, and sends a non-JSON body as a string', () => {
    expect(fetchSnippet({ method: 'GET', url: 'https://a.test/x?a=1&b=2', headers: [] })).toBe(
      'const response = await fetch("https://a.test/x?a=1&b=2");\nconsole.log(await response.json());',
    );
    expect(fetchSnippet({ method: 'POST', url: 'https://a.test/x', headers: [], body: 'a=1&b="2"' })).toContain('  body: "a=1&b=\\"2\\"",');
    expect(fetchSnippet({ method: 'PUT', url: 'https://a.test/x', headers: [], body: '{"port": <PORT>}' })).toContain(
      '  body: "{\\"port\\": <PORT>}",',
    );
  });

  it('sends -u as a Basic Authorization header', () => {
    expect(fetchSnippet({ method: 'GET', url: 'https://a.test', headers: [], user: 'key:<SECRET>' })).toContain(
      '"Authorization": "Basic " + btoa("key:<SECRET>"),',
    );
  });
});

describe('requestsSnippet', () => {
  it('writes a JSON body as a dict in json= (True/False/None), headers as a dict', () => {
    expect(requestsSnippet(POST)).toBe(
      [
        'import requests',
        '',
        'response = requests.post(',
        '    "https://api.example.test/v1/parcels/{parcel_id}/labels",',
        '    headers={',
        '        "Authorization": "Bearer <ACCESS_TOKEN>",',
        '        "Content-Type": "application/json",',
        '    },',
        '    json={',
        '        "email": "<RECIPIENT_EMAIL>",',
        '        "weight": 1850,',
        '        "id": 12345678901234567890,',
        '        "price": 1.50,',
        '        "gift": True,',
        '        "note": None,',
        '        "tags": ["a", "b"],',
        '        "to": {"line-1": "14 Harbor St", "city": "Bristol"},',
        '    },',
        ')',
        'print(response.json())',
      ].join('\n'),
    );
  });

  it('uses requests.request for other methods, data= for a raw body, auth= for -u', () => {
    expect(requestsSnippet({ method: 'PURGE', url: 'https://a.test/x', headers: [], body: 'a=1', user: 'me:pw' })).toBe(
      'import requests\n\nresponse = requests.request(\n    "PURGE",\n    "https://a.test/x",\n    auth=("me", "pw"),\n    data="a=1",\n)\nprint(response.json())',
    );
    expect(requestsSnippet({ method: 'DELETE', url: 'https://a.test/x/<ID>', headers: [] })).toBe(
      'import requests\n\nresponse = requests.delete("https://a.test/x/<ID>")\nprint(response.json())',
    );
  });
});

describe('curlSnippet', () => {
  it('quotes for a POSIX shell, one option per continued line, and reads back to the same model', () => {
    const m: RequestModel = {
      method: 'PUT',
      url: 'https://a.test/x?a=1&b=2',
      headers: [['Authorization', 'Bearer <T>']],
      body: `{"name": "O'Brien"}`,
    };
    const text = curlSnippet(m);
    expect(text).toBe(`curl -X PUT 'https://a.test/x?a=1&b=2' \\\n  -H 'Authorization: Bearer <T>' \\\n  -d '{"name": "O'\\''Brien"}'`);
    // Without a Content-Type header, curl labels the body as a form: the model says so.
    expect(parseCurl(text)).toEqual({ model: { ...m, defaultContentType: 'application/x-www-form-urlencoded' }, looseLines: false });
    expect(parseCurl(curlSnippet(POST))?.model).toEqual(POST);
  });

  it('leaves plain words unquoted and uses -I for HEAD', () => {
    expect(shellQuote('https://a.test/x')).toBe('https://a.test/x');
    expect(curlSnippet({ method: 'HEAD', url: 'https://a.test/x', headers: [] })).toBe('curl -I https://a.test/x');
  });
});

describe('snippetsFor', () => {
  const original = `curl -X "POST" "https://a.test/v1/x" \\\n     -H 'Authorization: Bearer <ACCESS_TOKEN>' \\\n     -H 'Content-Type: application/json' \\\n     -d '{"a": [1, {"b": false}]}'`;

  it('gives curl (the original text), JavaScript, Python, Go, Ruby and PHP, each keeping the placeholder', () => {
    const snippets = snippetsFor(original)!;
    expect(snippets.map((s) => [s.id, s.label, s.lang])).toEqual([
      ['curl', 'curl', 'shellscript'],
      ['javascript', 'JavaScript', 'javascript'],
      ['python', 'Python', 'python'],
      ['go', 'Go', 'go'],
      ['ruby', 'Ruby', 'ruby'],
      ['php', 'PHP', 'php'],
    ]);
    expect(snippets[0].code).toBe(original);
    for (const s of snippets) expect(s.code).toContain('Bearer <ACCESS_TOKEN>');
    // A container holding another container is spread over lines; a flat one stays on one.
    expect(snippets[1].code).toContain('    a: [\n      1,\n      { b: false },\n    ],');
    expect(snippets[2].code).toContain('        "a": [\n            1,\n            {"b": False},\n        ],');
  });

  it('rewrites the curl tab only when its lines would not run as pasted', () => {
    const loose = 'curl -X POST https://a.test/x\n     -H "Authorization: Bearer <T>"';
    expect(snippetsFor(loose)![0].code).toBe(`curl -X POST https://a.test/x \\\n  -H 'Authorization: Bearer <T>'`);
  });

  it('leaves out JavaScript for a GET with a body, which fetch cannot send', () => {
    expect(snippetsFor(`curl -X GET https://a.test/_search -d '{"query": {}}'`)!.map((s) => s.id)).toEqual([
      'curl',
      'python',
      'go',
      'ruby',
      'php',
    ]);
  });

  it('gives nothing for text that is not a curl command (the page shows it alone)', () => {
    expect(snippetsFor('{\n  "name": "x"\n}')).toBeUndefined();
    expect(snippetsFor('GET /v1/parcels')).toBeUndefined();
  });

  it('writes JavaScript that parses', () => {
    for (const s of [snippetsFor(original)!, snippetsFor(curlSnippet(POST))!]) {
      expect(() => new AsyncFunction(s[1].code)).not.toThrow();
    }
  });
});

const corpusRoot = fileURLToPath(new URL('../../../shared/corpus/stitch-docs', import.meta.url));

describe.skipIf(!existsSync(corpusRoot))('snippets for the Stitch corpus (needs ../shared)', () => {
  it('every curl request gets six tabs; the JavaScript parses; placeholders survive in each', () => {
    const preset = fileURLToPath(new URL('../../presets/stitch-docs.yml', import.meta.url));
    const requests = buildReference({ root: corpusRoot, configFile: preset }).entries.flatMap((e) =>
      e.kind === 'endpoint' ? e.requests : [],
    );
    expect(requests.length).toBeGreaterThan(30);
    for (const r of requests.filter((x) => x.code.startsWith('curl'))) {
      expect(
        r.snippets?.map((s) => s.id),
        r.code,
      ).toEqual(['curl', 'javascript', 'python', 'go', 'ruby', 'php']);
      const [curl, js, py] = r.snippets!;
      expect(curl.code).toBe(r.code);
      expect(() => new AsyncFunction(js.code), js.code).not.toThrow();
      for (const p of r.code.match(/<[A-Z_]+>|\[[A-Z_]+\]/g) ?? []) {
        for (const s of r.snippets!) expect(s.code, s.id).toContain(p);
      }
      // Bodies in the corpus are JSON: they become literals, not strings.
      if (/\s-d\b/.test(r.code)) {
        expect(js.code).toContain('body: JSON.stringify(');
        expect(py.code).toContain('json=');
      }
    }
  }, 30_000);
});

const seedPath = fileURLToPath(new URL('../../../shared/seed/generate-iapi-access-token.md', import.meta.url));

describe.skipIf(!existsSync(seedPath))('the seed endpoint (needs ../shared/seed)', () => {
  it('keeps its text as the example, and its curl tab is the same command joined so that it runs as pasted', () => {
    const root = tempRoot('seed-site', { 'reference/sources/generate-iapi-access-token.md': readFileSync(seedPath, 'utf8') });
    const [request] = endpointAt(buildReference({ root }), 'reference/sources/generate-iapi-access-token/').requests;
    expect(request.code.split('\n')).toHaveLength(3);
    expect(request.snippets?.[0].code).toBe(
      `curl -X POST https://api.example.test/v4/sources/126890/tokens \\\n  -H 'Authorization: Bearer <CONNECT_ACCESS_TOKEN>' \\\n  -H 'Content-Type: application/json'`,
    );
    expect(request.snippets?.[2].code).toContain('requests.post(\n    "https://api.example.test/v4/sources/126890/tokens",');
  });
});

describe('deep-link ids', () => {
  it('are built from names only, with the parent path', () => {
    expect(paramId('arg', ['customs', 'items', 'quantity'])).toBe('arg-customs.items.quantity');
    expect(paramId('attr', ['rate'])).toBe('attr-rate');
  });

  it('turn characters that are awkward in a URL fragment into dashes', () => {
    expect(idPart(' properties.token ')).toBe('properties.token');
    expect(idPart('{key} name')).toBe('key-name');
    expect(idPart('<>')).toBe('_');
  });

  it('stay unique on a page: a repeated id gets -2, -3, and ids already taken are avoided', () => {
    const ids = new PageIds(['attr-id']);
    expect([ids.claim('attr-id'), ids.claim('attr-x'), ids.claim('attr-x'), ids.claim('attr-x')]).toEqual([
      'attr-id-2',
      'attr-x',
      'attr-x-2',
      'attr-x-3',
    ]);
  });
});
