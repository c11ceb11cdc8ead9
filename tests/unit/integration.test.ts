/**
 * The Astro integration, driven through its hooks with fake hook parameters (as Astro calls them): options
 * validated once with every issue reported, routes injected under the prefix, MDX added only when the host
 * lacks it, the host's base/site/trailingSlash inherited, Pagefind and the sitemap only when the host has
 * none, and the runtime config the virtual module serves. Plus the standalone config the CLI builds.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import apiReference, { packageFile } from '../../src/integration/index.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { referencePages, routeClashes } from '../../src/integration/host-routes.ts';
import { resolveOptions } from '../../src/integration/options.ts';
import type { RuntimeConfig } from '../../src/integration/runtime-config.ts';
import { standaloneConfig } from '../../src/integration/standalone.ts';
import { pagesModule, type PluginState } from '../../src/integration/vite-plugin.ts';
import { fixture } from './_helpers.ts';

type Hooks = Required<AstroIntegration['hooks']>;

interface Host {
  integrations?: string[];
  base?: string;
  site?: string;
  trailingSlash?: 'always' | 'never' | 'ignore';
  format?: 'directory' | 'file' | 'preserve';
  /** Files to create under the project (e.g. `src/pages/404.astro`, `public/favicon.svg`). */
  files?: string[];
}

interface Setup {
  /** Runs astro:build:done on a one-page site; returns what is in the folder afterwards. */
  buildDone: () => Promise<string[]>;
  routes: { pattern: string; entrypoint: string }[];
  middleware: { entrypoint: string; order: string }[];
  updates: Record<string, unknown>[];
  runtime: () => RuntimeConfig;
  /** Runs astro:routes:resolved with the host's routes (the reference's own are added as Astro would). */
  routesResolved: (host: FakeRoute[]) => void;
  /** What the integration logged as errors. */
  errors: string[];
}

interface FakeRoute {
  pattern: string;
  entrypoint: string;
  static?: boolean;
}

const resolved = (r: FakeRoute, origin: 'project' | 'external') =>
  ({ pattern: r.pattern, entrypoint: r.entrypoint, origin, pathname: r.static === false ? undefined : r.pattern }) as never;

/** Runs astro:config:setup then astro:config:done, as Astro would for a host with `host`. */
function run(options: Parameters<typeof apiReference>[0], host: Host = {}, command: 'dev' | 'build' = 'build'): Setup {
  const project = mkdtempSync(path.join(os.tmpdir(), 'apiref-host-'));
  for (const f of host.files ?? []) {
    mkdirSync(path.dirname(path.join(project, f)), { recursive: true });
    writeFileSync(path.join(project, f), '');
  }
  const config = {
    root: pathToFileURL(`${project}/`),
    srcDir: pathToFileURL(`${project}/src/`),
    publicDir: pathToFileURL(`${project}/public/`),
    cacheDir: pathToFileURL(`${project}/node_modules/.astro/`),
    integrations: (host.integrations ?? []).map((name) => ({ name, hooks: {} })),
    base: host.base ?? '/',
    site: host.site,
    trailingSlash: host.trailingSlash ?? 'ignore',
    build: { format: host.format ?? 'directory' },
  } as unknown as AstroConfig;
  const integration = apiReference(options);
  const hooks = integration.hooks as Hooks;
  const setup: Setup = {
    routes: [],
    middleware: [],
    updates: [],
    runtime: () => ({}) as RuntimeConfig,
    buildDone: async () => [],
    routesResolved: () => {},
    errors: [],
  };
  let state: PluginState | undefined;
  const logger = { info() {}, warn() {}, error: (m: string) => setup.errors.push(m), debug() {}, fork: () => logger, label: 'test' };
  hooks['astro:config:setup']({
    config,
    command,
    isRestart: false,
    updateConfig: (u: Record<string, unknown>) => {
      setup.updates.push(u);
      const plugins = (u.vite as { plugins?: { api?: { state: PluginState } }[] } | undefined)?.plugins;
      // The plugin exposes the state the virtual config module is made from.
      if (plugins) state = plugins[0].api!.state;
      return config;
    },
    injectRoute: (r: { pattern: string; entrypoint: string | URL }) =>
      setup.routes.push({ pattern: r.pattern, entrypoint: String(r.entrypoint) }),
    addMiddleware: (m: { entrypoint: string | URL; order: string }) =>
      setup.middleware.push({ entrypoint: String(m.entrypoint), order: m.order }),
    logger,
  } as never);
  setup.routesResolved = (host) =>
    hooks['astro:routes:resolved']({
      routes: [...setup.routes.map((r) => resolved(r, 'external')), ...host.map((r) => resolved(r, 'project'))],
      logger,
    } as never);
  hooks['astro:config:done']({ config, logger } as never);
  setup.runtime = () => state!.config!;
  setup.buildDone = async () => {
    const dist = path.join(project, 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<html><body><main data-pagefind-body><h1>Home</h1><p>Parcels</p></main></body></html>');
    await hooks['astro:build:done']({ dir: pathToFileURL(`${dist}/`), logger } as never);
    return readdirSync(dist).sort();
  };
  return setup;
}

describe('integration options', () => {
  it('are validated once, every issue reported in one AstroError', () => {
    let message = '';
    try {
      resolveOptions({ root: '', prefix: 'api', site: 'not a url', bogus: 1 }, '/');
    } catch (error) {
      message = (error as Error).message;
      expect((error as Error).name).toBe('AstroUserError');
    }
    expect(message).toContain('Invalid api-reference options:');
    expect(message).toContain('Unrecognized key: "bogus"');
    expect(message).toMatch(/root must name the content folder[\s\S]*→ at root/);
    expect(message).toMatch(/prefix must be a URL path like "\/api\/": "api" does not start with "\/"[\s\S]*→ at prefix/);
    expect(message).toMatch(/site must be an http\(s\) URL[\s\S]*→ at site/);
  });

  it.each([
    ['/../esc/', '"/../esc/" has a ".." segment'],
    ['/api/./x/', '"/api/./x/" has a "." segment'],
    ['/a"b/', '"/a\\"b/" has "\\"", which a URL path segment cannot hold (write it %-encoded)'],
    ['/a<b>/', '"/a<b>/" has "<", which a URL path segment cannot hold (write it %-encoded)'],
    ['/a%zz/', '"/a%zz/" has "%", which a URL path segment cannot hold (write it %-encoded)'],
    ['/a//b/', '"/a//b/" has an empty segment ("//")'],
    ['/a b/', '"/a b/" has " ", which a URL path segment cannot hold (write it %-encoded)'],
  ])('refuse prefix and base %s with a message saying why', (value, why) => {
    for (const key of ['prefix', 'base']) {
      expect(() => resolveOptions({ root: 'x', [key]: value }, '/')).toThrow(`${key} must be a URL path like "/api/": ${why}`);
    }
  });

  it('accept ordinary and %-encoded paths', () => {
    const project = path.dirname(fixture('mini-site'));
    for (const prefix of ['/', '/api/', '/v1.2/api-ref', '/a%20b/', '/~me/(x)@y:z/']) {
      expect(resolveOptions({ root: 'mini-site', prefix }, project).prefix).toBe(prefix.endsWith('/') ? prefix : `${prefix}/`);
    }
  });

  it('resolve paths against the project and name one that does not exist', () => {
    const project = path.dirname(fixture('mini-site'));
    const resolved = resolveOptions({ root: 'mini-site', prefix: '/api' }, project);
    expect(resolved).toMatchObject({ root: fixture('mini-site'), prefix: '/api/' });
    expect(() => resolveOptions({ root: 'nowhere' }, project)).toThrow(/root: .*nowhere does not exist/);
  });
});

describe('integration hooks', () => {
  const root = fixture('mini-site');

  it('injects the pages under the prefix, with no 404 page of its own there', () => {
    const s = run({ root, prefix: '/api/' });
    expect(s.routes).toEqual([
      { pattern: '/api', entrypoint: packageFile('src/routes/Index.astro') },
      { pattern: '/api/[...path]', entrypoint: packageFile('src/routes/Page.astro') },
      { pattern: '/api/[...path]/index.md', entrypoint: packageFile('src/routes/files/twin.ts') },
      { pattern: '/api/[name].json', entrypoint: packageFile('src/routes/files/openapi-json.ts') },
      { pattern: '/api/[name].yaml', entrypoint: packageFile('src/routes/files/openapi-yaml.ts') },
      { pattern: '/api/llms.txt', entrypoint: packageFile('src/routes/files/llms.ts') },
      { pattern: '/api/llms-full.txt', entrypoint: packageFile('src/routes/files/llms-full.ts') },
    ]);
    expect(s.middleware).toEqual([]);
  });

  it('at the site root adds a 404 page unless the host has one; the error overlay middleware only in dev', () => {
    expect(run({ root }).routes.map((r) => r.pattern)).toContain('/404');
    expect(run({ root }, { files: ['src/pages/404.astro'] }).routes.map((r) => r.pattern)).not.toContain('/404');
    expect(run({ root }, {}, 'dev').middleware).toEqual([{ entrypoint: packageFile('src/runtime/middleware.ts'), order: 'pre' }]);
  });

  it('adds MDX only when the host has not, and takes over none of the host settings unless told to', () => {
    const bare = run({ root });
    const added = bare.updates.flatMap((u) => (u.integrations as { name: string }[] | undefined) ?? []);
    expect(added.map((i) => i.name)).toEqual(['@astrojs/mdx']);
    const keys = new Set(bare.updates.flatMap((u) => Object.keys(u)));
    expect([...keys].sort()).toEqual(['integrations', 'vite']);

    const withMdx = run({ root }, { integrations: ['@astrojs/mdx'] });
    expect(withMdx.updates.some((u) => u.integrations)).toBe(false);

    const told = run({ root, base: '/docs', site: 'https://example.com' });
    expect(told.updates).toContainEqual({ base: '/docs', site: 'https://example.com' });
  });

  it("serves the runtime the host's base, site and link style, and the prefix", () => {
    const rc = run({ root, prefix: '/api/' }, { base: '/docs', site: 'https://host.example', trailingSlash: 'never' }).runtime();
    expect(rc).toMatchObject({
      root,
      pageRoot: '/docs/api/',
      base: '/docs/',
      site: { baseurl: '/docs/api', url: 'https://host.example' },
      noTrailingSlash: true,
      dev: false,
      search: true,
    });
    expect(rc.favicon).toBeUndefined();
    expect(run({ root }, { files: ['public/favicon.svg'] }).runtime().favicon).toBe('/favicon.svg');
  });

  it("refuses a build.format other than 'directory' when the config loads, naming the one to use", () => {
    for (const format of ['file', 'preserve'] as const) {
      let error: Error | undefined;
      try {
        run({ root }, { format });
      } catch (e) {
        error = e as Error;
      }
      expect(error?.name).toBe('AstroUserError');
      expect(error?.message).toContain(`api-reference does not support build.format: '${format}'`);
      expect((error as Error & { hint: string }).hint).toContain("Use build.format: 'directory'");
    }
  });

  it("in dev, reports the site's routes that take one of the reference's as an error, and leaves the server running", () => {
    const dev = run({ root }, {}, 'dev');
    dev.routesResolved([
      { pattern: '/', entrypoint: 'src/pages/index.astro' },
      { pattern: '/about', entrypoint: 'src/pages/about.astro' },
      { pattern: '/[...path]', entrypoint: 'src/pages/[...path].astro', static: false },
    ]);
    expect(dev.errors).toHaveLength(1);
    expect(dev.errors[0]).toContain("/: the site's src/pages/index.astro and the reference's home page");
    expect(dev.errors[0]).toContain("/[...path]: the site's src/pages/[...path].astro and the reference's pages");
    expect(dev.errors[0]).not.toContain('about');
    // The reference's own routes, as Astro lists them back, are no clash.
    const quiet = run({ root, prefix: '/api/' }, {}, 'dev');
    quiet.routesResolved([{ pattern: '/', entrypoint: 'src/pages/index.astro' }]);
    expect(quiet.errors).toEqual([]);
  });

  it('after a build, indexes for search and writes sitemap.xml and robots.txt for a host without them', async () => {
    const bare = run({ root }, { site: 'https://host.example' });
    expect(await bare.buildDone()).toEqual(['index.html', 'pagefind', 'robots.txt', 'sitemap.xml']);
  }, 30_000);

  it("leaves search to Starlight's Pagefind (the search UI uses that index) and the sitemap to the host's", async () => {
    const starlight = run(
      { root, prefix: '/api/' },
      { site: 'https://host.example', integrations: ['@astrojs/starlight', '@astrojs/sitemap'] },
    );
    expect(starlight.runtime().search).toBe(true);
    expect(await starlight.buildDone()).toEqual(['index.html']);
    const off = run({ root, search: false, sitemap: false }, { site: 'https://host.example' });
    expect(off.runtime().search).toBe(false);
    expect(await off.buildDone()).toEqual(['index.html']);
  });
});

describe('route clashes with the host', () => {
  const own = [
    { pattern: '/api', entrypoint: '/pkg/Index.astro', what: "the reference's home page" },
    { pattern: '/api/[...path]', entrypoint: '/pkg/Page.astro', what: "the reference's pages" },
    { pattern: '/api/[name].json', entrypoint: '/pkg/openapi-json.ts', what: "the reference's OpenAPI documents" },
  ];
  const route = (pattern: string, dynamic = false) =>
    ({ pattern, entrypoint: `src/pages${pattern}.astro`, origin: 'project', pathname: dynamic ? undefined : pattern }) as never;

  it("list every page, file and route of the reference's a host route takes, and nothing else", () => {
    const result = buildReference({ root: fixture('mini-site') });
    const pages = referencePages(result, path.dirname(result.config.root));
    expect(pages.map((p) => p.path)).toEqual(
      expect.arrayContaining(['', 'reference/', 'reference/widgets/', 'reference/widgets/list-widgets/']),
    );
    expect(pages.find((p) => p.path === 'reference/widgets/list-widgets/')?.what).toBe('mini-site/reference/widgets/list-widgets.md');
    const host = [
      route('/api/reference/widgets'),
      route('/api/reference/widgets/list-widgets/index.md'),
      route('/api/openapi-v2.json'),
      route('/api/llms.txt'),
      route('/apix/openapi.json'),
      route('/api/reference/nothing-here'),
      route('/api/[slug]', true),
    ];
    expect(routeClashes(host, own, '/api/', pages)).toEqual([
      "/api/reference/widgets: the site's src/pages/api/reference/widgets.astro and mini-site/reference/widgets/widget-object.md",
      "/api/reference/widgets/list-widgets/index.md: the site's src/pages/api/reference/widgets/list-widgets/index.md.astro and the Markdown twin of mini-site/reference/widgets/list-widgets.md",
      "/api/openapi-v2.json: the site's src/pages/api/openapi-v2.json.astro and the reference's machine-readable openapi-v2.json",
      "/api/llms.txt: the site's src/pages/api/llms.txt.astro and the reference's machine-readable llms.txt",
    ]);
    // Without the model (dev), the routes' own patterns only.
    expect(routeClashes([route('/api'), route('/api/[...path]', true), route('/api/reference/widgets')], own, '/api/')).toEqual([
      "/api: the site's src/pages/api.astro and the reference's home page",
      "/api/[...path]: the site's src/pages/api/[...path].astro and the reference's pages",
    ]);
  });
});

describe('virtual:api-reference/pages', () => {
  it('lists every MDX or Markdown page under the pages folder as a lazy import of its absolute path', () => {
    const dir = fixture('../../content/pages');
    const code = pagesModule(dir);
    expect(code).toContain(
      `${JSON.stringify(path.join(dir, 'introduction.mdx'))}: () => import(${JSON.stringify(path.join(dir, 'introduction.mdx'))})`,
    );
    expect(code.match(/import\(/g)).toHaveLength(2);
    expect(pagesModule(path.join(dir, 'missing'))).toBe('export default {\n\n};\n');
  });
});

describe('standaloneConfig', () => {
  it("takes base and site from the content's own config, explicitly", () => {
    const config = standaloneConfig({ root: fixture('mini-site'), projectRoot: os.tmpdir(), outDir: 'out' });
    expect(config).toMatchObject({ base: '/docs', site: 'https://mini.example', trailingSlash: 'ignore', build: { format: 'directory' } });
    expect(config.publicDir).toBe(packageFile('public'));
    expect(config.integrations?.map((i) => (i as AstroIntegration).name)).toEqual(['api-reference']);
  });

  it('reports a broken site config as an AstroError naming the file', () => {
    expect(() => standaloneConfig({ root: fixture('does-not-exist') })).toThrow(/content root does not exist/);
  });
});
