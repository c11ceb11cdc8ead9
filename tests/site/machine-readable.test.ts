/**
 * The machine-readable files of the built sites: every OpenAPI document (JSON and YAML, the same
 * document) passes Redocly's recommended rules with 0 errors; llms.txt links every HTML page of the site
 * (by its Markdown twin where it has one); every reference page has an `index.md` twin that starts with
 * its title. Run on the sample site (dist/) and, when ../shared is present, the corpus build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildReference } from '../../src/core/model/build.ts';
import { byRule, lintOpenApi } from '../unit/_openapi.ts';
import { CORPUS, CORPUS_DIST, hasCorpus, listHtmlFiles, pagePathOf, REPO_ROOT, SAMPLE_DIST } from './helpers/site.ts';

function suite(label: string, dist: string, root: string, configFile?: string): void {
  const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
  const model = buildReference({ root, configFile });
  const { config } = model.config;
  const pageUrl = (p: string) => `${(config.url ?? '').replace(/\/$/, '')}${config.baseurl}/${p}`;

  it(`${label}: every OpenAPI document validates with 0 errors, and its YAML is the same document`, async () => {
    const names = readdirSync(dist).filter((f) => /^openapi.*\.json$/.test(f));
    expect(names).toContain('openapi.json');
    for (const name of names) {
      const json = read(name);
      const report = await lintOpenApi(json, name);
      expect(report.errors, name).toEqual([]);
      expect(parse(read(name.replace(/\.json$/, '.yaml'))), name).toEqual(JSON.parse(json));
      console.log(`${label} ${name}: 0 errors, ${report.warnings.length} warnings ${JSON.stringify(byRule(report.warnings))}`);
    }
  }, 60_000);

  it(`${label}: llms.txt links every HTML page of the site`, () => {
    const llms = read('llms.txt');
    const pages = listHtmlFiles(dist)
      .filter((f) => f !== '404.html')
      .map(pagePathOf);
    expect(pages.length).toBeGreaterThan(10);
    const missing = pages.filter((p) => !llms.includes(`(${pageUrl(p)})`) && !llms.includes(`(${pageUrl(p)}index.md)`));
    expect(missing).toEqual([]);
    // And links nothing that is not there.
    for (const m of llms.matchAll(/\]\(([^)]+)\)/g)) {
      const file = m[1].slice(pageUrl('').length) || 'index.html';
      expect(existsSync(path.join(dist, file.endsWith('/') ? `${file}index.html` : file)), m[1]).toBe(true);
    }
  });

  it(`${label}: every reference page has an index.md twin headed by its title, all in llms-full.txt`, () => {
    const full = read('llms-full.txt');
    for (const e of model.entries) {
      const twin = path.join(dist, e.path, 'index.md');
      expect(existsSync(twin), twin).toBe(true);
      const text = readFileSync(twin, 'utf8');
      expect(text.split('\n')[0]).toBe(`# ${e.kind === 'object' ? e.heading || e.title : e.title}`);
      expect(full).toContain(text.trim());
    }
  });
}

describe('machine-readable output of the sample site', () => {
  if (!existsSync(path.join(SAMPLE_DIST, 'index.html'))) throw new Error('dist/ does not exist: run `npm run build` first.');
  suite('sample', SAMPLE_DIST, path.join(REPO_ROOT, 'content'));
});

describe.skipIf(!hasCorpus)('machine-readable output of the Stitch corpus (needs ../shared)', () => {
  if (hasCorpus && !existsSync(path.join(CORPUS_DIST, 'index.html')))
    throw new Error('tests/.tmp/corpus-dist does not exist: run `npm run build:corpus` first.');
  suite('corpus', CORPUS_DIST, path.join(CORPUS, 'stitch-docs'), path.join(REPO_ROOT, 'presets/stitch-docs.yml'));
});
