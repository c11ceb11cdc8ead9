/**
 * `npm run build` on bad content: a clear error naming file, field and line, a non-zero exit, and the
 * previous output left exactly as it was (nothing half-written, no staging folder left behind).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER } from '../../src/core/output/guard.ts';
import { REPO_ROOT } from './helpers/site.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiref-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('build script with bad content', () => {
  it('fails with the file, field and line, and leaves the previous output untouched', () => {
    const root = path.join(tmp, 'content');
    cpSync(path.join(REPO_ROOT, 'content'), root, { recursive: true });
    const file = path.join(root, 'reference/parcels/list-parcels.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^short-url: \|\n/m, 'short-url: |\n  {{ endpont.version }}\n'));
    const out = path.join(tmp, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, BUILD_MARKER), '');
    writeFileSync(path.join(out, 'previous.html'), 'previous build');

    const run = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], {
      cwd: REPO_ROOT,
      env: { ...process.env, CONTENT_ROOT: root },
      encoding: 'utf8',
      timeout: 120_000,
    });

    expect(run.status).toBe(1);
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).toMatch(/reference\/parcels\/list-parcels\.md:\d+ \(field "short-url"\): undefined variable "endpont"/);
    expect(output).toContain('was left untouched');
    expect(readFileSync(path.join(out, 'previous.html'), 'utf8')).toBe('previous build');
    // No staging folder, old output or lock left beside it.
    expect(readdirSync(tmp).sort()).toEqual(['content', 'out']);
  });

  it('fails on a link in an MDX page that lands nowhere, naming the file and line', () => {
    const root = path.join(tmp, 'content-mdx');
    cpSync(path.join(REPO_ROOT, 'content'), root, { recursive: true });
    const file = path.join(root, 'pages/introduction.mdx');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('(#arg-weight)')) + 1;
    writeFileSync(file, text.replace('(#arg-weight)', '(#arg-wieght)'));
    const out = path.join(tmp, 'out-mdx');

    const run = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], {
      cwd: REPO_ROOT,
      env: { ...process.env, CONTENT_ROOT: root },
      encoding: 'utf8',
      timeout: 120_000,
    });

    expect(run.status).toBe(1);
    expect(`${run.stdout}\n${run.stderr}`).toContain(
      `pages/introduction.mdx:${line}: broken link "#arg-wieght" on page /guides/introduction/: no page has an element with id "arg-wieght"`,
    );
    // Nothing written: no output, no staging folder or lock left beside it.
    expect(readdirSync(tmp).filter((name) => name.startsWith('out-mdx'))).toEqual([]);
  }, 180_000);
});
