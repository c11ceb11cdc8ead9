/**
 * The integration in real host sites, each a small Astro project made for the test and built with
 * `astro build` (as tests/apps are, but each with the one thing under test): a `build.format` the
 * reference cannot follow is refused with the format to use, the host's own sitemap.xml and robots.txt
 * are kept, and pages of the host's that claim a URL of the reference's fail the build naming both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from './_helpers.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const ASTRO = path.join(REPO, 'node_modules/astro/bin/astro.mjs');
const INTEGRATION = pathToFileURL(path.join(REPO, 'src/integration/index.ts')).href;
// The test runner's NODE_ENV=test and VITEST* variables would put Astro and its Vite into test mode.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NODE_ENV|VITEST.*|VITE_.*)$/.test(k)));

// Inside the repository, so that Astro resolves from its node_modules as a host's own install would.
const TMP = path.join(REPO, 'tests/.tmp');
mkdirSync(TMP, { recursive: true });
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Built {
  dir: string;
  status: number | null;
  log: string;
}

/** Writes a host project (`astro.config.mjs` with `config` as its defineConfig object, plus `files`) and builds it. */
function buildHost(config: string, files: Record<string, string> = {}): Built {
  const dir = mkdtempSync(path.join(TMP, 'host-'));
  made.push(dir);
  const all = {
    'astro.config.mjs':
      `import { defineConfig } from 'astro/config';\nimport apiReference from ${JSON.stringify(INTEGRATION)};\n` +
      `export default defineConfig(${config});\n`,
    'src/pages/about.astro': '<h1>About</h1>',
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const r = spawnSync(process.execPath, [ASTRO, 'build', '--root', dir], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
  return { dir, status: r.status, log: `${r.stdout}\n${r.stderr}` };
}

const ROOT = JSON.stringify(fixture('mini-site'));

describe('a host site', () => {
  it.each(['file', 'preserve'])("with build.format: '%s' is refused, saying which format to use", (format) => {
    const host = buildHost(
      `{ site: 'https://host.example', build: { format: '${format}' }, integrations: [apiReference({ root: ${ROOT}, prefix: '/api/' })] }`,
    );
    expect(host.status).not.toBe(0);
    expect(host.log).toContain(`api-reference does not support build.format: '${format}'`);
    expect(host.log).toContain("Use build.format: 'directory' (Astro's default)");
    expect(existsSync(path.join(host.dir, 'dist'))).toBe(false);
  });

  it('keeps its own sitemap.xml and robots.txt, and the build log says so', () => {
    const sitemap = '<?xml version="1.0"?><urlset><url><loc>https://host.example/mine</loc></url></urlset>\n';
    const robots = 'User-agent: *\nDisallow: /private\n';
    const host = buildHost(`{ site: 'https://host.example', integrations: [apiReference({ root: ${ROOT}, prefix: '/api/' })] }`, {
      'public/sitemap.xml': sitemap,
      'public/robots.txt': robots,
    });
    expect(host.status, host.log).toBe(0);
    expect(readFileSync(path.join(host.dir, 'dist/sitemap.xml'), 'utf8')).toBe(sitemap);
    expect(readFileSync(path.join(host.dir, 'dist/robots.txt'), 'utf8')).toBe(robots);
    expect(host.log).toContain("sitemap.xml: the site's own is kept");
    expect(host.log).toContain("robots.txt: the site's own is kept");
    // The reference's pages were built beside the host's.
    expect(existsSync(path.join(host.dir, 'dist/api/reference/widgets/index.html'))).toBe(true);
  }, 120_000);

  it("whose own pages claim the reference's URLs fails before any page is written, naming both", () => {
    const host = buildHost(`{ site: 'https://host.example', integrations: [apiReference({ root: ${ROOT} })] }`, {
      'src/pages/index.astro': '<h1>Home</h1>',
      'src/pages/reference/index.astro': '<h1>Our reference</h1>',
      'src/pages/reference/widgets/list-widgets.md': '# Mine',
      'src/pages/llms.txt.ts': 'export const GET = () => new Response("mine");',
    });
    expect(host.status).not.toBe(0);
    expect(host.log).toContain("The reference and the site's own pages claim the same URLs");
    const mini = path.relative(host.dir, fixture('mini-site')).split(path.sep).join('/');
    for (const line of [
      "/: the site's src/pages/index.astro and the reference's home page",
      "/reference: the site's src/pages/reference/index.astro and the reference's list of objects",
      `/reference/widgets/list-widgets: the site's src/pages/reference/widgets/list-widgets.md and ${mini}/reference/widgets/list-widgets.md`,
      "/llms.txt: the site's src/pages/llms.txt.ts and the reference's llms.txt",
    ]) {
      expect(host.log).toContain(line);
    }
    expect(host.log).toContain("Give the reference a prefix of its own (apiReference({ prefix: '/api/' }))");
    expect(existsSync(path.join(host.dir, 'dist/about/index.html'))).toBe(false);
  }, 120_000);
});
