/**
 * The content checker (src/core/check): every bad-input case gives exactly its one expected line; problems
 * from different stages and files are listed together; the cross-file checks a build tolerates are
 * warnings, the ones it cannot render are errors.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/core/check/check.ts';
import { BAD_CASES, caseRoot, HUGE_CASE, hugeDataFile, linesOf } from '../fixtures/bad/cases.ts';
import { WARN_CASES, warnCaseRoot } from '../fixtures/warn/cases.ts';
import { fixture, removeTempRoots, tempRoot } from './_helpers.ts';

const roots: string[] = [];
afterAll(() => {
  removeTempRoots();
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const lines = (root: string) => checkContent({ root }).problems.map(formatProblem);
const errorLines = (root: string) =>
  checkContent({ root })
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);

describe('checkContent on the bad-input cases', () => {
  it('passes the fixture site they are laid over', () => {
    const report = checkContent({ root: fixture('mini-site') });
    expect(report.errors).toBe(0);
    expect(report.pages).toBeGreaterThan(5);
  });

  for (const c of BAD_CASES) {
    it(`${c.name}: exactly its error lines, file:line field: message`, () => {
      const root = caseRoot(c);
      roots.push(root);
      expect(errorLines(root)).toEqual(linesOf(c.check));
    });
  }

  it('huge-file: a 5 MB data file is read to its end, and its error keeps the exact line', () => {
    const root = caseRoot(HUGE_CASE);
    roots.push(root);
    const file = path.join(root, 'data/widgets/catalog.yml');
    expect(readFileSync(file).length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    expect(errorLines(root)).toEqual(linesOf(HUGE_CASE.check));
    writeFileSync(file, hugeDataFile(false));
    const report = checkContent({ root });
    console.log(`check of a 5 MB data file: ${Math.round(performance.now() - started)} ms for the broken and the fixed file`);
    expect(report.errors).toBe(0);
  }, 60_000);
});

describe('checkContent collects across files and stages', () => {
  it('lists a parse error in one file together with a schema error in another', () => {
    const root = tempRoot('mini-site', {
      'reference/widgets/list-widgets.md': '---\nkey: a: b\n---\n',
      'reference/widgets/archive-a-widget.md':
        '---\nproduct-type: "widgets"\ncontent-type: "api-endpoint"\nendpoint: "widgets"\nkey: "archive-a-widget"\n---\n',
    });
    expect(errorLines(root)).toEqual([
      'reference/widgets/list-widgets.md:2: malformed YAML: Nested mappings are not allowed in compact mappings',
      'reference/widgets/archive-a-widget.md:2 (field "method"): is required (or mark the file with `not-available-until-version`)',
    ]);
  });

  it('reports an available-methods entry without an endpoint file as a warning at its line', () => {
    const root = tempRoot('mini-site', { 'reference/widgets/delete-a-widget.md': null });
    const report = checkContent({ root });
    expect(report.errors).toBe(0);
    expect(lines(root)).toContain(
      'reference/widgets/widget-object.md:27 (field "available-methods[2].id"): warning: "delete-a-widget" has no api-endpoint file (endpoint: "widgets", key: "delete-a-widget"); it is not shown',
    );
  });

  it('reports an endpoint file the object does not list as a warning', () => {
    expect(lines(fixture('mini-site'))).toContain(
      'reference/widgets/archive-a-widget.md:5 (field "key"): warning: "archive-a-widget" is not in reference/widgets/widget-object.md\'s available-methods; it is listed last',
    );
  });

  it('reports the same id twice in available-methods as an error', () => {
    const object = readFileSync(fixture('mini-site/reference/widgets/widget-object.md'), 'utf8');
    const root = tempRoot('mini-site', {
      'reference/widgets/widget-object.md': object.replace('  - id: "delete-a-widget"', '  - id: "list-widgets"'),
    });
    expect(errorLines(root)).toEqual([
      'reference/widgets/widget-object.md:27 (field "available-methods[2].id"): duplicate id "list-widgets" (also available-methods[1])',
    ]);
  });
});

describe('checkContent on the warning cases (issue 10: nothing dropped in silence)', () => {
  for (const c of WARN_CASES) {
    it(`${c.name}: no error, and exactly its warnings beyond those of ${c.base}`, () => {
      const { root, configFile } = warnCaseRoot(c);
      roots.push(root);
      const baseConfig = c.overlay && !c.overlay.startsWith('case:') ? configFile : undefined;
      const base = new Set(checkContent({ root: fixture(c.base), configFile: baseConfig }).problems.map(formatProblem));
      const report = checkContent({ root, configFile });
      expect(report.errors).toBe(0);
      expect(report.problems.map(formatProblem).filter((l) => !base.has(l))).toEqual(c.check);
    });
    if (c.strict) {
      it(`${c.name}: --strict makes them errors in a native site`, () => {
        const { root, configFile } = warnCaseRoot(c);
        roots.push(root);
        const report = checkContent({ root, configFile }, { strict: true });
        expect(report.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual(c.strict);
      });
    }
  }

  it('--strict leaves unknown keys of a Jekyll tree as warnings: its templates may read any key', () => {
    const root = tempRoot('jekyll-site', {
      '_developers/list-things.md':
        '---\nproduct-type: "connect"\ncontent-type: "api-endpoint"\nendpoint: "things"\nkey: "list-things"\nmethod: "get"\ntitle: "List things"\nlayout-hint: "wide"\n---\n',
    });
    const report = checkContent({ root, configFile: fixture('overlays', 'jekyll.yml') }, { strict: true });
    expect(report.errors).toBe(0);
    expect(report.problems.map(formatProblem)).toContain(
      '_developers/list-things.md:8 (field "layout-hint"): warning: unknown key "layout-hint" (api-endpoint)',
    );
  });
});
