/**
 * The CLI's argument handling (src/cli/args.ts), what `preview` serves under (the base the build recorded),
 * and `init` (a starter that passes check, refusing a non-empty folder). Builds themselves run in
 * tests/site (check.test.ts, build-script.test.ts, output-safety.test.ts) and tests/pack.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseCli, UsageError } from '../../src/cli/args.ts';
import { readBuildRecord, writeBuildRecord } from '../../src/cli/build-record.ts';
import { runInit } from '../../src/cli/init.ts';
import { previewBase } from '../../src/cli/serve.ts';
import { checkContent } from '../../src/core/check/check.ts';
import { fixture } from './_helpers.ts';

const cwd = '/work/project';

describe('api-reference arguments', () => {
  it('take the content root from the argument, else CONTENT_ROOT, else ./content; the overlay from --config, else SITE_CONFIG', () => {
    expect(parseCli(['build'], {}, cwd)).toMatchObject({
      command: 'build',
      root: '/work/project/content',
      rootGiven: false,
      out: '/work/project/dist',
    });
    expect(parseCli(['build'], { CONTENT_ROOT: 'docs', SITE_CONFIG: 'o.yml' }, cwd)).toMatchObject({
      root: '/work/project/docs',
      configFile: '/work/project/o.yml',
    });
    expect(parseCli(['check', 'site', '--config', 'x.yml', '--json', '--strict'], { CONTENT_ROOT: 'docs' }, cwd)).toMatchObject({
      root: '/work/project/site',
      rootGiven: true,
      configFile: '/work/project/x.yml',
      json: true,
      strict: true,
    });
    expect(parseCli(['preview', '--out', 'build', '--port', '4000', '--host', 'localhost'], {}, cwd)).toMatchObject({
      out: '/work/project/build',
      port: 4000,
      host: 'localhost',
    });
    expect(parseCli(['build', '--wait', '0'], { API_REFERENCE_TEST_PAUSE: 'swap', LOG_LEVEL: 'warn' }, cwd)).toMatchObject({
      waitSeconds: 0,
      pause: 'swap',
      logLevel: 'warn',
    });
  });

  it('refuse what they do not know, saying what is wrong', () => {
    const usage = (argv: string[], env = {}) => {
      try {
        parseCli(argv, env, cwd);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(usage(['deploy'])).toBe('unknown command "deploy"');
    expect(usage(['build', 'a', 'b'])).toBe('unexpected argument "b"');
    expect(usage(['preview', '--port', 'eighty'])).toBe('--port must be a port number, not "eighty"');
    expect(usage(['build', '--wait', 'soon'])).toBe('--wait takes a number of seconds, not "soon"');
    expect(usage(['build', '--frobnicate'])).toMatch(/Unknown option '--frobnicate'/);
    expect(usage(['build'], { LOG_LEVEL: 'loud' })).toBe('--log-level must be one of debug, info, warn, error, silent');
    expect(usage([])).toBe('');
  });
});

describe('preview', () => {
  it('serves a build under the base it recorded, whatever the content says now', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'apiref-preview-'));
    writeBuildRecord(out, { base: '/other', site: 'https://x.example' });
    expect(readBuildRecord(out)).toEqual({ generator: 'api-reference', base: '/other', site: 'https://x.example' });
    expect(previewBase(parseCli(['preview', fixture('mini-site'), '--out', out], {}, cwd))).toBe('/other');
  });

  it("falls back to the content's configured base for an output without a record", () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'apiref-preview-'));
    expect(readBuildRecord(out)).toBeUndefined();
    expect(previewBase(parseCli(['preview', fixture('mini-site'), '--out', out], {}, cwd))).toBe('/docs');
  });
});

describe('init', () => {
  it('writes a starter content root that check passes with no warnings', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'apiref-init-')), 'site');
    vi.spyOn(console, 'log').mockImplementation(() => {});
    runInit(parseCli(['init', dir], {}, cwd), cwd);
    expect(readdirSync(dir).sort()).toEqual(['data', 'pages', 'reference', 'site.yml']);
    const report = checkContent({ root: dir });
    expect(report).toMatchObject({ errors: 0, warnings: 0, pages: 3 });
  });

  it('needs a folder, and never writes into a non-empty one', () => {
    expect(() => runInit(parseCli(['init'], {}, cwd), cwd)).toThrow(/init needs the folder to create/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apiref-init-'));
    mkdirSync(path.join(dir, 'notes'));
    expect(() => runInit(parseCli(['init', dir], {}, cwd), cwd)).toThrow(/already exists and is not empty/);
    expect(existsSync(path.join(dir, 'site.yml'))).toBe(false);
  });
});
