/**
 * The generated samples send what curl sends. A local HTTP server records each request; the curl
 * command itself and its JavaScript, Python, Go, Ruby and PHP versions are run against it, and the
 * method, path and query, Content-Type, authorisation, custom headers and body must agree. Form bodies
 * are compared as decoded fields (encoders differ in `+` against `%20`, and Go orders fields by name).
 *
 * Needs curl, ruby, go, php with its curl extension, and Debian's python3 with requests: `.ci/run`
 * installs them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeForm } from '../../src/core/model/request-model.ts';
import { snippetsFor } from '../../src/core/model/snippets.ts';

const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), 'snippet-wire-'));

interface Seen {
  method: string;
  /** Path and query as sent. */
  url: string;
  type: string;
  auth: string;
  custom: string;
  body: string;
}

let server: Server;
let origin = '';
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method!,
        url: req.url!,
        // The media type alone: fetch adds `;charset=UTF-8` to a form.
        type: (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase(),
        auth: req.headers.authorization ?? '',
        custom: String(req.headers['x-id'] ?? ''),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(work, { recursive: true, force: true });
});

const RUNNERS: Record<string, { ext: string; cmd: (file: string) => string[] }> = {
  javascript: { ext: 'mjs', cmd: (f) => [process.execPath, f] },
  // Debian's python3 is the one `apt-get install python3-requests` serves.
  python: { ext: 'py', cmd: (f) => ['/usr/bin/python3', f] },
  go: { ext: 'go', cmd: (f) => ['go', 'run', f] },
  ruby: { ext: 'rb', cmd: (f) => ['ruby', f] },
  php: { ext: 'php', cmd: (f) => ['php', f] },
};

async function send(lang: string, code: string): Promise<Seen> {
  const before = seen.length;
  if (lang === 'curl') await run('sh', ['-c', `${code} -s -o /dev/null`]);
  else {
    const file = path.join(mkdtempSync(path.join(work, lang)), `main.${RUNNERS[lang].ext}`);
    writeFileSync(file, code);
    const [cmd, ...args] = RUNNERS[lang].cmd(file);
    await run(cmd, args, { env: { ...process.env, GOTOOLCHAIN: 'local' } });
  }
  expect(seen.length, `${lang} sent one request`).toBe(before + 1);
  return seen[seen.length - 1];
}

const sortedFields = (form: string) => (decodeForm(form) ?? [[form, '(not a form)']]).map(([n, v]) => `${n}=${v}`).sort();

/**
 * What must agree: the query and form fields decoded and sorted, a JSON body as its value (a literal
 * is re-serialised without the author's spaces), any other body byte for byte.
 */
function comparable(s: Seen): Omit<Seen, 'body' | 'url'> & { path: string; query: string[]; body: unknown } {
  const [pathname, query] = s.url.split(/\?(.*)/s);
  const form = s.type === 'application/x-www-form-urlencoded' ? decodeForm(s.body) : undefined;
  const body = form ? sortedFields(s.body) : s.type === 'application/json' ? JSON.parse(s.body) : s.body;
  const { url: _url, ...rest } = s;
  return { ...rest, path: pathname, query: query ? sortedFields(query) : [], body };
}

const CASES = [
  (o: string) => `curl ${o}/v1/charges -u 'sk_test_#{1}:p#@w' -d amount=2000 -d currency=gbp -d 'description=Mug and saucer'`,
  (o: string) => `curl ${o}/v1/tags -d 'tags[]=a' -d 'tags[]=b' --data-urlencode 'note=café & "tea"'`,
  (o: string) => `curl -G ${o}/v1/search -d q=mug --data-urlencode 'near=Bristol, UK'`,
  (o: string) => `curl ${o}/v1/raw -d '{"no": "content type"}'`,
  (o: string) =>
    `curl -X PUT '${o}/v1/parcels/prc_1?expand=rate' -H 'Content-Type: application/json' -H 'X-Id: 7' -d '{"weight": 1850, "gift": true, "note": null, "tags": ["a"], "to": {"city": "Bristol"}}'`,
  (o: string) => `curl -X DELETE ${o}/v1/parcels/prc_1 -H 'Authorization: Bearer tok_123'`,
];

describe('generated samples send what curl sends', () => {
  it.each(CASES.map((c, i) => [i, c]))(
    'case %i',
    async (_, make) => {
      const text = make(origin);
      const snippets = snippetsFor(text)!;
      expect(snippets.map((s) => s.id)).toEqual(['curl', 'javascript', 'python', 'go', 'ruby', 'php']);
      const expected = comparable(await send('curl', text));
      // The cases mean something only if curl sent what they are about.
      expect(expected.method).toMatch(/^(GET|POST|PUT|DELETE)$/);
      for (const s of snippets.slice(1)) {
        expect(comparable(await send(s.id, s.code)), `${s.id} for ${text}\n${s.code}`).toEqual(expected);
      }
    },
    120_000,
  );
});
