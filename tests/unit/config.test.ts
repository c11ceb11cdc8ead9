/**
 * 2. Site config: native site.yml, Jekyll _config.yml mapped onto the same shape, the SITE_CONFIG overlay,
 * and baseurl/url normalisation.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSiteConfig } from '../../src/core/config.ts';
import { ContentError, ContentErrors } from '../../src/core/errors.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { normaliseBase } from '../../src/schemas/site-config.ts';
import { fixture, objectAt, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

function configError(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError');
}

describe('native site.yml', () => {
  const root = fixture('mini-site');
  const loaded = loadSiteConfig(root);

  it('is recognised and uses the default folders relative to the root', () => {
    expect(loaded.layout).toBe('native');
    expect(loaded.paths).toEqual({
      data: path.join(root, 'data'),
      reference: [path.join(root, 'reference')],
      pages: path.join(root, 'pages'),
      includes: [path.join(root, 'includes')],
    });
    expect(loaded.files).toEqual([path.join(root, 'site.yml')]);
  });

  it('reads title, aliases and liquid options, with defaults for the rest', () => {
    expect(loaded.config.title).toBe('Mini API');
    expect(loaded.config.aliases).toEqual({ link: 'site.data.urls', api: 'site.data[page.product-type].api' });
    expect(loaded.config.liquid).toEqual({ strict: true, 'max-flatify-depth': 20, 'lax-content-types': [] });
    expect(loaded.config['broken-links']).toBe('error');
  });

  it('normalises baseurl ("docs/" → "/docs") and strips the trailing slash of url, in config and in raw (site.*)', () => {
    expect(loaded.config.baseurl).toBe('/docs');
    expect(loaded.config.url).toBe('https://mini.example');
    expect(loaded.raw.baseurl).toBe('/docs');
    expect(loaded.raw.url).toBe('https://mini.example');
  });

  it('prefers site.yml when both site.yml and _config.yml exist', () => {
    const dir = tempRoot(undefined, { 'site.yml': 'title: "Native"\n', '_config.yml': 'site_title: "Jekyll"\n' });
    const both = loadSiteConfig(dir);
    expect(both.layout).toBe('native');
    expect(both.config.title).toBe('Native');
  });

  it('resolves custom folder names relative to the root, single strings becoming lists', () => {
    const dir = tempRoot(undefined, { 'site.yml': 'folders:\n  data: "src-data"\n  reference: "api"\n  includes: ["inc", "more/inc"]\n' });
    const c = loadSiteConfig(dir);
    expect(c.paths.data).toBe(path.join(dir, 'src-data'));
    expect(c.paths.reference).toEqual([path.join(dir, 'api')]);
    expect(c.paths.includes).toEqual([path.join(dir, 'inc'), path.join(dir, 'more/inc')]);
  });
});

describe('baseurl normalisation', () => {
  it.each([
    ['/docs', '/docs'],
    ['docs', '/docs'],
    ['/docs/', '/docs'],
    ['docs/', '/docs'],
    ['//docs//', '/docs'],
    ['/a/b/', '/a/b'],
    ['', ''],
    ['/', ''],
    ['  /docs/  ', '/docs'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseBase(input)).toBe(expected);
  });

  it('treats a null baseurl and url (YAML `baseurl:` with no value) as empty', () => {
    const dir = tempRoot(undefined, { 'site.yml': 'baseurl:\nurl:\n' });
    const c = loadSiteConfig(dir);
    expect(c.config.baseurl).toBe('');
    expect(c.config.url).toBe('');
  });
});

describe('Jekyll _config.yml', () => {
  const root = fixture('jekyll-site');
  const loaded = loadSiteConfig(root);

  it('maps site_title to title and keeps every other key for Liquid', () => {
    expect(loaded.layout).toBe('jekyll');
    expect(loaded.config.title).toBe('Jekyll Docs');
    expect(loaded.raw.title).toBe('Jekyll Docs');
    expect(loaded.raw['custom-key']).toBe('kept for Liquid');
    expect(loaded.config.baseurl).toBe('/docs');
  });

  it('reads data from _data and includes from _includes', () => {
    expect(loaded.paths.data).toBe(path.join(root, '_data'));
    expect(loaded.paths.includes).toEqual([path.join(root, '_includes')]);
  });

  it('finds reference folders `_<name>` from `collections:`, skipping collections without a folder', () => {
    expect(loaded.paths.reference).toEqual([path.join(root, '_developers')]);
  });

  it('prefers an explicit title over site_title', () => {
    const dir = tempRoot(undefined, { '_config.yml': 'title: "T"\nsite_title: "S"\n' });
    expect(loadSiteConfig(dir).config.title).toBe('T');
  });

  it('accepts collections as a list and honours collections_dir', () => {
    const dir = tempRoot(undefined, {
      '_config.yml': 'collections_dir: "coll"\ncollections:\n  - developers\n  - guides\n',
      'coll/_developers/a.md': '---\ntitle: a\n---\n',
      '_guides/b.md': '---\ntitle: b\n---\n',
    });
    expect(loadSiteConfig(dir).paths.reference).toEqual([path.join(dir, 'coll', '_developers')]);
  });

  it('builds a Jekyll tree; its collection is exposed to Liquid as site.<name without underscore>', () => {
    const result = buildReference({ root, configFile: fixture('overlays', 'jekyll.yml') });
    const thing = objectAt(result, 'reference/things/');
    expect(thing.descriptionHtml).toContain('Connect API for kept for Liquid; 2 documents.');
    expect(result.entries.map((e) => e.path)).toEqual(['reference/things/', 'reference/things/list-things/']);
  });
});

describe('SITE_CONFIG overlay', () => {
  it('deep-merges over site.yml: mappings merge key by key, scalars are replaced', () => {
    const overlay = fixture('overlays', 'native.yml');
    const c = loadSiteConfig(fixture('mini-site'), overlay);
    expect(c.config.title).toBe('Overlaid title');
    expect(c.config.aliases).toEqual({
      link: 'site.data.urls',
      api: 'site.data[page.product-type].api',
      home: 'site.data.urls.home',
    });
    expect(c.config.liquid.strict).toBe(true);
    expect(c.config.liquid['max-flatify-depth']).toBe(7);
    expect(c.files).toEqual([fixture('mini-site', 'site.yml'), overlay]);
  });

  it('resolves folder paths of the overlay relative to the overlay file; the others stay relative to the root', () => {
    const c = loadSiteConfig(fixture('mini-site'), fixture('overlays', 'native.yml'));
    expect(c.paths.includes).toEqual([fixture('overlays', 'includes')]);
    expect(c.paths.data).toBe(fixture('mini-site', 'data'));
    expect(c.paths.reference).toEqual([fixture('mini-site', 'reference')]);
  });

  it('adds aliases and include folders to a Jekyll tree (jekyll folders not named by the overlay are kept)', () => {
    const root = fixture('jekyll-site');
    const c = loadSiteConfig(root, fixture('overlays', 'jekyll.yml'));
    expect(c.config.aliases).toEqual({ api: 'site.data[page.product-type].api' });
    expect(c.paths.includes).toEqual([fixture('overlays', 'includes'), path.join(root, '_includes')]);
    expect(c.paths.data).toBe(path.join(root, '_data'));
    expect(c.paths.reference).toEqual([path.join(root, '_developers')]);
    const result = buildReference({ root, configFile: fixture('overlays', 'jekyll.yml') });
    expect(objectAt(result, 'reference/things/').descriptionHtml).toContain('<span class="badge">overlay</span>');
  });

  it('is resolved relative to the working directory when given as a relative path', () => {
    const relative = path.relative(process.cwd(), fixture('overlays', 'native.yml'));
    expect(loadSiteConfig(fixture('mini-site'), relative).config.title).toBe('Overlaid title');
  });
});

describe('config errors', () => {
  it('a missing content root', () => {
    const e = configError(() => loadSiteConfig(fixture('does-not-exist')));
    expect(e.message).toContain('content root does not exist');
  });

  it('a root with neither site.yml nor _config.yml', () => {
    const e = configError(() => loadSiteConfig(tempRoot(undefined, { 'README.md': 'hi' })));
    expect(e.message).toContain('no site.yml or _config.yml');
  });

  it('a SITE_CONFIG file that does not exist', () => {
    const e = configError(() => loadSiteConfig(fixture('mini-site'), fixture('overlays', 'nope.yml')));
    expect(e.message).toContain('SITE_CONFIG file does not exist');
    expect(e.location.file).toBe(fixture('overlays', 'nope.yml'));
  });

  it('a config that is not a mapping', () => {
    const e = configError(() => loadSiteConfig(tempRoot(undefined, { 'site.yml': '- a\n- b\n' })));
    expect(e.location.file).toBe('site.yml');
    expect(e.message).toContain('must be a YAML mapping');
  });

  it('every wrong field is reported, each with its field path and line, not only the first', () => {
    const root = tempRoot(undefined, {
      'site.yml': 'title: "x"\nliquid:\n  strict: "yes"\nbroken-links: "never"\nfolders:\n  data: [a]\n',
    });
    let thrown: unknown;
    try {
      loadSiteConfig(root);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContentErrors);
    expect((thrown as ContentErrors).errors.map((e) => e.message)).toEqual([
      'site.yml:6 (field "folders.data"): invalid site config: must be a string, not a list',
      'site.yml:3 (field "liquid.strict"): invalid site config: must be true or false, not a string',
      'site.yml:4 (field "broken-links"): invalid site config: Invalid option: expected one of "error"|"warn"',
    ]);
  });

  it('a wrong field set by the overlay is reported in the overlay', () => {
    const root = tempRoot(undefined, { 'site.yml': 'title: "x"\n', 'overlay.yml': 'aliases:\n  link: 3\n' });
    let thrown: unknown;
    try {
      loadSiteConfig(root, path.join(root, 'overlay.yml'));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as ContentErrors).errors.map((e) => e.message)).toEqual([
      'overlay.yml:2 (field "aliases.link"): invalid site config: must be a string, not a number',
    ]);
  });

  it('malformed YAML in site.yml names the file and line', () => {
    const e = configError(() => loadSiteConfig(tempRoot(undefined, { 'site.yml': 'title: "x"\nbaseurl: a: b\n' })));
    expect(e.location).toMatchObject({ file: 'site.yml', line: 2 });
  });
});

describe('site config encoding', () => {
  it('names the config file and line of a byte that is not UTF-8', () => {
    const dir = tempRoot(undefined, { 'site.yml': 'title: "Docs"\n' });
    writeFileSync(
      path.join(dir, 'site.yml'),
      Buffer.concat([Buffer.from('title: "Docs"\ndescription: "Caf'), Buffer.from([0xe9]), Buffer.from('"\n')]),
    );
    expect(() => loadSiteConfig(dir)).toThrow(/^site\.yml:2: not valid UTF-8 \(0xE9 at byte 32\)/);
  });
});
