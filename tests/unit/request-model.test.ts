/**
 * The request model (model/request-model.ts): curl commands in the shapes API docs write them, read as a
 * shell would; anything else is refused rather than guessed. Every request of the sample site and of the
 * Stitch corpus (../shared, skipped when absent) must be read.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReference } from '../../src/core/model/build.ts';
import { parseCurl, shellWords } from '../../src/core/model/request-model.ts';
import type { CodeSample } from '../../src/schemas/reference.ts';

const model = (text: string) => parseCurl(text)?.model;

describe('shellWords', () => {
  it('splits on blanks and joins quoted parts, keeping multi-line single-quoted text as it is', () => {
    expect(shellWords(`curl -d '{\n  "a": 1\n}' "x y"z`)?.words).toEqual(['curl', '-d', '{\n  "a": 1\n}', 'x yz']);
  });

  it("honours backslash escapes in double quotes and the '\\'' idiom", () => {
    expect(shellWords(`a "say \\"hi\\" \\\\ \\$HOME" 'it'\\''s'`)?.words).toEqual(['a', 'say "hi" \\ $HOME', "it's"]);
  });

  it('treats backslash-newline as a blank and reports option lines joined without one', () => {
    expect(shellWords('curl x \\\n  -H "A: b"')).toEqual({ words: ['curl', 'x', '-H', 'A: b'], looseLines: false });
    expect(shellWords('curl x\n     -H "A: b"\n')).toEqual({ words: ['curl', 'x', '-H', 'A: b'], looseLines: true });
  });

  it('refuses unterminated quotes, pipes, redirects, command substitution and a second command', () => {
    for (const text of [
      `curl 'x`,
      'curl "x',
      'curl x | jq .',
      'curl x > out.json',
      'curl $(cat url)',
      'curl x; curl y',
      'curl x\necho done',
    ]) {
      expect(shellWords(text), text).toBeUndefined();
    }
  });
});

describe('parseCurl', () => {
  it('reads the Jekyll-site shape: quoted method and URL, -H lines, -d \\ then a multi-line JSON body', () => {
    const text = [
      `curl -X "POST" "https://api.example.test/v4/destinations" \\`,
      `     -H 'Authorization: Bearer <ACCESS_TOKEN>' \\`,
      `     -H 'Content-Type: application/json' \\`,
      `     -d \\`,
      `'{`,
      `  "type": "postgres",`,
      `  "properties": { "host": "<HOST>", "port": 5432 }`,
      `}'`,
    ].join('\n');
    expect(parseCurl(text)).toEqual({
      model: {
        method: 'POST',
        url: 'https://api.example.test/v4/destinations',
        headers: [
          ['Authorization', 'Bearer <ACCESS_TOKEN>'],
          ['Content-Type', 'application/json'],
        ],
        body: '{\n  "type": "postgres",\n  "properties": { "host": "<HOST>", "port": 5432 }\n}',
      },
      looseLines: false,
    });
  });

  it('reads the seed shape: option lines without backslashes, placeholders kept', () => {
    const parsed = parseCurl(
      'curl -X POST https://api.example.test/v4/sources/126890/tokens\n     -H "Authorization: Bearer <CONNECT_ACCESS_TOKEN>" \n     -H "Content-Type: application/json"',
    );
    expect(parsed?.looseLines).toBe(true);
    expect(parsed?.model).toEqual({
      method: 'POST',
      url: 'https://api.example.test/v4/sources/126890/tokens',
      headers: [
        ['Authorization', 'Bearer <CONNECT_ACCESS_TOKEN>'],
        ['Content-Type', 'application/json'],
      ],
    });
  });

  it('takes the method from -X/--request, else POST with data, HEAD with -I, GET otherwise', () => {
    expect(model('curl https://a.test/x')?.method).toBe('GET');
    expect(model(`curl https://a.test/x -d 'a=1'`)?.method).toBe('POST');
    expect(model('curl --request delete https://a.test/x')?.method).toBe('DELETE');
    expect(model('curl -XPATCH https://a.test/x')?.method).toBe('PATCH');
    expect(model('curl -I https://a.test/x')?.method).toBe('HEAD');
    expect(model(`curl -X PUT https://a.test/x --data-raw '{}'`)).toMatchObject({ method: 'PUT', body: '{}' });
  });

  it('reads every data option, joins several with & and moves them into the query with -G', () => {
    expect(model(`curl https://a.test/x --data a=1 --data-binary b=2 --data-ascii c=3`)?.body).toBe('a=1&b=2&c=3');
    expect(model(`curl -G https://a.test/x?q=1 -d limit=2 -d page=3`)).toEqual({
      method: 'GET',
      url: 'https://a.test/x?q=1&limit=2&page=3',
      headers: [],
    });
    expect(model(`curl https://a.test/x --json '{"a":1}'`)).toEqual({
      method: 'POST',
      url: 'https://a.test/x',
      headers: [
        ['Content-Type', 'application/json'],
        ['Accept', 'application/json'],
      ],
      body: '{"a":1}',
    });
  });

  it('reads headers written every way, and -u, -A, -b as what they send', () => {
    expect(model(`curl -H'Accept: text/csv' --header "X-Id:  7 " -A agent/1 -b 'a=b' -u key:secret https://a.test`)).toEqual({
      method: 'GET',
      url: 'https://a.test',
      headers: [
        ['Accept', 'text/csv'],
        ['X-Id', '7'],
        ['User-Agent', 'agent/1'],
        ['Cookie', 'a=b'],
      ],
      user: 'key:secret',
    });
  });

  it('keeps placeholders verbatim: <ID> unquoted in a URL, {id}, [TOKEN], $VAR in double quotes', () => {
    expect(model('curl -X GET https://a.test/v1/parcels/<PARCEL_ID> -H "Authorization: Bearer $API_TOKEN"')).toEqual({
      method: 'GET',
      url: 'https://a.test/v1/parcels/<PARCEL_ID>',
      headers: [['Authorization', 'Bearer $API_TOKEN']],
    });
    expect(model(`curl "https://a.test/v4/{stitch_client_id/extractions" -H 'Authorization: Bearer [ACCESS_TOKEN]'`)?.url).toBe(
      'https://a.test/v4/{stitch_client_id/extractions',
    );
  });

  it('ignores flags that do not change the request; accepts --url and a leading $ prompt', () => {
    expect(model('$ curl -sSL --compressed -k -v -i --url https://a.test/x')).toEqual({
      method: 'GET',
      url: 'https://a.test/x',
      headers: [],
    });
  });

  it('refuses what it cannot translate faithfully', () => {
    const refused = [
      '{\n  "name": "x"\n}', // a JSON body on its own
      'POST /v1/parcels HTTP/1.1\nAuthorization: Bearer <T>',
      'http POST https://a.test/x a=1', // another tool
      'wget https://a.test/x',
      'curl -F file=@photo.jpg https://a.test/x', // an option we do not model
      'curl -d @body.json https://a.test/x', // a file only the reader has
      'curl https://a.test/x https://a.test/y',
      'curl -H "Accept: x"', // no URL
      'curl -X', // option without its value
      'curl -H "no colon" https://a.test',
      '',
    ];
    for (const text of refused) expect(parseCurl(text), JSON.stringify(text)).toBeUndefined();
  });
});

function requestsOf(root: string, configFile?: string): CodeSample[] {
  return buildReference({ root, configFile }).entries.flatMap((e) => (e.kind === 'endpoint' ? e.requests : []));
}

describe('every request of the sample site', () => {
  const requests = requestsOf(fileURLToPath(new URL('../../content', import.meta.url)));

  it('is read, with its URL and every -H line accounted for', () => {
    expect(requests.length).toBeGreaterThan(10);
    for (const r of requests) {
      const m = model(r.code);
      expect(m, r.code).toBeDefined();
      expect(r.code).toContain(m!.url);
      expect(m!.headers).toHaveLength(r.code.match(/-H /g)?.length ?? 0);
    }
  });
});

const corpusRoot = fileURLToPath(new URL('../../../shared/corpus/stitch-docs', import.meta.url));

describe.skipIf(!existsSync(corpusRoot))('every request of the Stitch corpus (needs ../shared)', () => {
  it('is read without throwing; every curl command gives a model that keeps its placeholders', () => {
    const preset = fileURLToPath(new URL('../../presets/stitch-docs.yml', import.meta.url));
    const requests = requestsOf(corpusRoot, preset);
    expect(requests.length).toBeGreaterThan(30);
    for (const r of requests) {
      const parsed = parseCurl(r.code);
      if (!/^curl\b/.test(r.code)) {
        expect(parsed).toBeUndefined();
        continue;
      }
      expect(parsed, r.code).toBeDefined();
      const m = parsed!.model;
      expect(r.code).toContain(m.url);
      const placeholders = r.code.match(/<[A-Z_]+>|\[[A-Z_]+\]/g) ?? [];
      const modelText = JSON.stringify(m);
      for (const p of placeholders) expect(modelText).toContain(p);
      if (/\s-d\b/.test(r.code)) expect(m.body, r.code).toBeDefined();
    }
  }, 30_000);
});

describe('request bodies as curl sends them', () => {
  it('labels a data body as a form unless a header names a type, and decodes a form into fields', () => {
    expect(model('curl https://a.test/x -d color=red -d "size=x large"')).toEqual({
      method: 'POST',
      url: 'https://a.test/x',
      headers: [],
      body: 'color=red&size=x large',
      defaultContentType: 'application/x-www-form-urlencoded',
      form: [
        ['color', 'red'],
        ['size', 'x large'],
      ],
    });
    const typed = model(`curl https://a.test/x -H 'Content-Type: application/json' -d '{"a": "b=c"}'`);
    expect(typed).not.toHaveProperty('defaultContentType');
    expect(typed).not.toHaveProperty('form');
  });

  it('encodes --data-urlencode parts as curl does: content, =content, name=content; refuses @file', () => {
    expect(model(`curl https://a.test/x --data-urlencode "q=café & 'tea'" --data-urlencode '=a b' --data-urlencode 'x y'`)).toMatchObject({
      body: 'q=caf%C3%A9%20%26%20%27tea%27&a%20b&x%20y',
    });
    expect(model(`curl https://a.test/x --data-urlencode 'q=café & tea'`)?.form).toEqual([['q', 'café & tea']]);
    expect(model(`curl https://a.test/x --data-urlencode 'a@b=c'`)?.body).toBe('a@b=c');
    expect(model(`curl https://a.test/x --data-urlencode @notes.txt`)).toBeUndefined();
    expect(model(`curl https://a.test/x --data-urlencode name@notes.txt`)).toBeUndefined();
  });

  it('sends text that is not plainly a form as it is', () => {
    for (const body of ['just text', 'a=1&', '{"a": "x=y"}', 'a=%zz', '=1']) {
      const m = model(`curl https://a.test/x -d '${body}'`);
      expect(m?.body, body).toBe(body);
      expect(m?.form, body).toBeUndefined();
      expect(m?.defaultContentType, body).toBe('application/x-www-form-urlencoded');
    }
  });

  it('matches the snapshot for curls that are easy to get wrong', () => {
    const tricky = [
      `curl -G https://a.test/search?x=1 --data-urlencode 'near=Bristol, UK' -d limit=2`,
      `curl https://a.test/x -d 'tags[]=a' -d 'tags[]=b' -d 'meta[k]=v+w%21'`,
      `curl https://a.test/x -H 'content-type: application/x-www-form-urlencoded; charset=utf-8' -d a=1`,
      `curl https://a.test/x --json '{"a": 1}' -H 'Accept: text/csv'`,
      `curl -XPOST https://a.test/x --data-raw '@literal' -u key`,
      `curl https://a.test/x -d ''`,
      `curl 'https://a.test/x?q=%20' -H 'X-A: 1' -H 'x-a: 2' -b 'sid=1' -A 'me/1'`,
    ];
    expect(Object.fromEntries(tricky.map((t) => [t, parseCurl(t)]))).toMatchSnapshot();
    // curl itself refuses these.
    expect(parseCurl('curl -I https://a.test/x -d a=1')).toBeUndefined();
  });
});
