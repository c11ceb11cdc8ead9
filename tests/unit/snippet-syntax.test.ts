/**
 * Every generated request sample parses with its own language's tooling: `node --check` (JavaScript),
 * Python's `ast.parse`, `ruby -c`, `php -l`, and `go vet` on a module of one package per sample (which
 * also type-checks the imports) with `gofmt` leaving each file unchanged. Run over focused cases and
 * every request of the sample site and of the Stitch corpus (../shared, skipped when absent).
 *
 * The tools are part of the test set-up (`.ci/run` installs php-cli and golang-go; Ruby and Python come
 * with the machine): a missing one fails with the command that installs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReference } from '../../src/core/model/build.ts';
import { snippetsFor, type Snippet } from '../../src/core/model/snippets.ts';

const work = mkdtempSync(path.join(tmpdir(), 'snippet-syntax-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Curl shapes that stress each generator: forms, encodings, quoting, methods, auth, odd bodies. */
const FOCUSED = [
  'curl https://api.example.test/v1/charges -u sk_test_123: -d amount=2000 -d currency=gbp -d "description=Mug & saucer"',
  `curl https://a.test/x --data-urlencode 'q=café & "tea"' --data-urlencode '=whole' -d tags[]=a -d tags[]=b`,
  `curl -G https://a.test/search -d q=mug --data-urlencode 'near=Bristol, UK'`,
  `curl -X PUT https://a.test/v1/parcels/{parcel_id} -H 'Content-Type: application/json' -H 'Authorization: Bearer <ACCESS_TOKEN>' -d '{"note": "it'\\''s \\\\ \\"#{x}\\" $y \`z\`", "id": 12345678901234567890, "n": null, "ok": true, "list": [], "o": {}}'`,
  `curl -X POST https://a.test/x -H 'Content-Type: text/plain' -d 'line one'`,
  `curl https://a.test/x -d '{"raw": "json without a type"}'`,
  `curl -X PATCH https://a.test/x -H 'Content-Type: application/json' -d '{"port": <PORT>}'`,
  `curl -X PURGE https://a.test/cache/<KEY> -H 'X-Id: 1' -H 'X-Id: 2'`,
  `curl -I https://a.test/health`,
  `curl -X DELETE 'https://a.test/x?a=1&b=$2' -u "user:pa'ss#{x}"`,
  `curl -X GET https://a.test/_search -H 'Content-Type: application/json' -d '{"query": {"match_all": {}}}'`,
  `curl -X POST https://a.test/tokens`,
  `curl https://a.test/x --data-raw '@not-a-file'`,
  `curl https://a.test/x -d 'multi\nline'`,
];

function samplesOf(root: string, configFile?: string): string[] {
  return buildReference({ root, configFile }).entries.flatMap((e) => (e.kind === 'endpoint' ? e.requests.map((r) => r.code) : []));
}

function snippets(texts: string[]): Map<string, string[]> {
  const byLang = new Map<string, Set<string>>();
  for (const text of texts) {
    for (const s of snippetsFor(text) ?? ([] as Snippet[])) {
      if (!byLang.has(s.id)) byLang.set(s.id, new Set());
      byLang.get(s.id)!.add(s.code);
    }
  }
  return new Map([...byLang].map(([k, v]) => [k, [...v]]));
}

function tool(command: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (!found) throw new Error(`${command} is not installed: apt-get install -y php-cli golang-go ruby python3 (as .ci/run does)`);
}

/** Runs `check` once per file; returns each failure with its output and the code. */
function perFile(dir: string, ext: string, codes: string[], check: (file: string) => string[]): string[] {
  const base = mkdtempSync(path.join(work, dir));
  const failures: string[] = [];
  codes.forEach((code, i) => {
    const file = path.join(base, `s${i}.${ext}`);
    writeFileSync(file, code + '\n');
    const [cmd, ...args] = check(file);
    const run = spawnSync(cmd, args, { encoding: 'utf8' });
    if (run.status !== 0) failures.push(`${run.stdout}${run.stderr}\n--- in:\n${code}`);
  });
  return failures;
}

const checks: Record<string, (codes: string[]) => string[]> = {
  javascript: (codes) => perFile('js', 'mjs', codes, (f) => [process.execPath, '--check', f]),
  ruby: (codes) => (tool('ruby'), perFile('rb', 'rb', codes, (f) => ['ruby', '-c', f])),
  php: (codes) => (tool('php'), perFile('php', 'php', codes, (f) => ['php', '-l', f])),
  python: (codes) => {
    tool('python3');
    const script =
      'import ast,json,sys\nfor i,c in enumerate(json.load(sys.stdin)):\n  try: ast.parse(c)\n  except SyntaxError as e: print(i, e)';
    const out = execFileSync('python3', ['-c', script], { input: JSON.stringify(codes), encoding: 'utf8' });
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => `${line}\n--- in:\n${codes[Number(line.split(' ')[0])]}`);
  },
  go: (codes) => {
    tool('go');
    const mod = mkdtempSync(path.join(work, 'go'));
    writeFileSync(path.join(mod, 'go.mod'), 'module snippets\n\ngo 1.19\n');
    codes.forEach((code, i) => {
      mkdirSync(path.join(mod, `s${i}`), { recursive: true });
      writeFileSync(path.join(mod, `s${i}`, 'main.go'), code + '\n');
    });
    const env = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod' };
    const vet = spawnSync('go', ['vet', './...'], { cwd: mod, env, encoding: 'utf8' });
    const failures = vet.status === 0 ? [] : [`go vet: ${vet.stdout}${vet.stderr}`];
    // gofmt -l lists the files whose formatting it would change.
    const fmt = spawnSync('gofmt', ['-l', '-e', '.'], { cwd: mod, encoding: 'utf8' });
    for (const file of fmt.stdout.split('\n').filter(Boolean))
      failures.push(`not gofmt-clean: ${file}\n${codes[Number(/s(\d+)/.exec(file)![1])]}`);
    if (fmt.status !== 0) failures.push(`gofmt: ${fmt.stderr}`);
    return failures;
  },
};

function checkAll(texts: string[]): void {
  const byLang = snippets(texts);
  expect([...byLang.keys()].sort()).toEqual(['curl', 'go', 'javascript', 'php', 'python', 'ruby']);
  for (const [lang, check] of Object.entries(checks)) {
    const codes = byLang.get(lang) ?? [];
    expect(codes.length, lang).toBeGreaterThan(0);
    expect(check(codes), `${lang}: ${codes.length} samples`).toEqual([]);
  }
}

describe('generated samples parse with their language tooling', () => {
  it('the checks catch a broken sample in every language (a generated one cut short)', () => {
    const byLang = snippets([FOCUSED[0]]);
    for (const [lang, check] of Object.entries(checks)) {
      const [code] = byLang.get(lang)!;
      expect(check([code.slice(0, code.lastIndexOf('\n') - 2)]), lang).not.toEqual([]);
    }
    // An unused import compiles nowhere in Go; gofmt alone would not see it.
    const go = byLang.get('go')![0].replace('\t"net/http"', '\t"net/http"\n\t"os"');
    expect(checks.go([go]).join('\n')).toMatch(/"os" imported (and|but) not used/);
  }, 120_000);

  it('focused cases: forms, encodings, quoting, methods, auth, bodies that are not JSON', () => {
    for (const text of FOCUSED) expect(snippetsFor(text), text).toBeDefined();
    checkAll(FOCUSED);
  }, 120_000);

  it('every request of the sample site', () => {
    checkAll(samplesOf(fileURLToPath(new URL('../../content', import.meta.url))));
  }, 120_000);

  const corpus = fileURLToPath(new URL('../../../shared/corpus/stitch-docs', import.meta.url));
  it.skipIf(!existsSync(corpus))(
    'every request of the Stitch corpus (needs ../shared)',
    () => {
      checkAll(samplesOf(corpus, fileURLToPath(new URL('../../presets/stitch-docs.yml', import.meta.url))));
    },
    180_000,
  );
});
