/**
 * 11. Hostile content: content from a pull request never runs as code, never reads a file outside the
 * content root, never loses a page to a URL clash, and never writes config text unescaped into a page.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/core/check/check.ts';
import { loadSiteConfig } from '../../src/core/config.ts';
import { ContentError, ContentErrors, formatWarning } from '../../src/core/errors.ts';
import { parseFrontMatter } from '../../src/core/front-matter.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { proseCodeErrors } from '../../src/core/prose-guard.ts';
import { parseYaml } from '../../src/core/yaml.ts';
import { buildError, buildErrors, fixture, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const LW = 'reference/widgets/list-widgets.md';
/** The widgets endpoint list-widgets with `description` set to `yaml` (a YAML value, quoted as needed). */
const listWidgets = (description: string) =>
  `---\nproduct-type: "widgets"\ncontent-type: "api-endpoint"\nendpoint: "widgets"\nkey: "list-widgets"\nmethod: "get"\ndescription: ${description}\n---\n`;
const errorLines = (root: string) =>
  checkContent({ root })
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);

describe('front matter is only ever YAML', () => {
  const canary = path.join(os.tmpdir(), `apiref-canary-${process.pid}`);
  afterAll(() => rmSync(canary, { force: true }));

  it.each(['js', 'javascript', 'coffee', 'yaml', 'json'])('---%s is an error naming the file and line 1, and nothing runs', (lang) => {
    rmSync(canary, { force: true });
    const text = `---${lang}\n{ title: require('fs').writeFileSync(${JSON.stringify(canary)}, 'ran') }\n---\nBody\n`;
    let error: unknown;
    try {
      parseFrontMatter(text, 'reference/x.md');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).location).toEqual({ file: 'reference/x.md', line: 1 });
    expect((error as ContentError).detail).toBe(
      `front matter opens with "---${lang}": only YAML front matter is read, and content is never run as code`,
    );
    expect(existsSync(canary)).toBe(false);
  });

  it('splits files exactly as gray-matter did: `----` is no front matter, a missing closer makes it all front matter', () => {
    expect(parseFrontMatter('----\ntitle: x\n', 'a.md')).toMatchObject({ data: {}, body: '----\ntitle: x\n' });
    expect(parseFrontMatter('---\ntitle: x\n', 'a.md')).toMatchObject({ data: { title: 'x' }, body: '' });
    expect(parseFrontMatter('---  \ntitle: x\n---\n\nBody', 'a.md')).toMatchObject({ data: { title: 'x' }, body: '\nBody' });
    expect(parseFrontMatter('---\n# only a comment\n---\nBody', 'a.md')).toMatchObject({ data: {}, body: 'Body' });
    expect(parseFrontMatter('No front matter', 'a.md')).toMatchObject({ data: {}, body: 'No front matter' });
  });

  it('a build of a ---js endpoint fails with the same line check prints', () => {
    const root = tempRoot('mini-site', { [LW]: "---js\n{ title: 'x' }\n---\n" });
    expect(errorLines(root)).toEqual([
      `${LW}:1: front matter opens with "---js": only YAML front matter is read, and content is never run as code`,
    ]);
  });
});

describe('MDX prose pages cannot run code', () => {
  it('refuses import/export and {…} expressions, naming the line', () => {
    const text = '---\ntitle: "T"\n---\n\nimport fs from "node:fs";\n\nexport const x = 1;\n\nTwo is {1 + 1}.\n';
    expect(proseCodeErrors(text, 'pages/p.mdx').map((e) => e.message.split('\n')[0])).toEqual([
      'pages/p.mdx:5: "import" in an MDX page runs code at build time; it is not allowed',
      'pages/p.mdx:7: "export" in an MDX page runs code at build time; it is not allowed',
      'pages/p.mdx:9: a {…} expression in an MDX page runs code at build time; it is not allowed',
    ]);
  });

  it('accepts components with plain attributes, braces in code and escaped braces', () => {
    const text =
      '---\ntitle: "T"\n---\n\n<RequestSample endpoint="{odd}" />\n\nUse `{ "a": 1 }` or \\{ literally.\n\n```json\n{\n  "a": 1\n}\n```\n\nProse may say export mid-line.\n';
    expect(proseCodeErrors(text, 'pages/p.mdx')).toEqual([]);
  });

  it('accepts an expression that is a plain literal (a number prop), not one that computes', () => {
    const text = '---\ntitle: "T"\n---\n\n<RequestSample endpoint="x" index={2} />\n\n<X a={true} b={"s"} c={-1.5} />\n\n<Y n={2 * 3} />\n';
    expect(proseCodeErrors(text, 'pages/p.mdx').map((e) => e.message.split('\n')[0])).toEqual([
      'pages/p.mdx:9: a {…} expression in an MDX page runs code at build time; it is not allowed',
    ]);
  });

  it('the build refuses such a page', () => {
    const root = tempRoot('mini-site', { 'pages/evil.mdx': '---\ntitle: "Evil"\n---\n\n{process.exit(1)}\n' });
    expect(errorLines(root)).toEqual(['pages/evil.mdx:5: a {…} expression in an MDX page runs code at build time; it is not allowed']);
  });
});

describe('ESLint keeps code execution out of src/', () => {
  it('flags require, new Function, eval, computed dynamic import and node:vm in src/, not in tests', async () => {
    const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });
    const code =
      "import vm from 'node:vm';\nconst x = require('fs');\nconst f = new Function('a', 'return a');\neval('1');\nconst m = await import(String(x));\nexport { vm, f, m };\n";
    const rules = async (filePath: string) => (await eslint.lintText(code, { filePath }))[0].messages.map((m) => m.ruleId);
    const inSrc = await rules('src/core/probe.ts');
    expect(inSrc.filter((r) => r === 'no-restricted-syntax')).toHaveLength(3);
    expect(inSrc).toEqual(expect.arrayContaining(['no-restricted-imports', 'no-new-func', 'no-eval']));
    expect(await rules('tests/unit/probe.ts')).not.toContain('no-restricted-syntax');
  });
});

describe('includes stay inside the includes folders', () => {
  it.each([
    ['include ../ traversal', '"{% include ../../../../etc/passwd %}"', 'include', '../../../../etc/passwd'],
    ['absolute include', '"{% include /etc/hostname %}"', 'include', '/etc/hostname'],
    ['unquoted render', '"{% render ../../../../etc/hostname %}"', 'include', '../../../../etc/hostname'],
    ['quoted render', `'{% render "../../../../etc/hostname" %}'`, 'include', '"../../../../etc/hostname"'],
    ['layout', '"{% layout ../../../../etc/hostname %}x"', 'layout', '../../../../etc/hostname'],
    ['dynamic name', `'{% assign x = "../../../etc/hostname" %}{% include {{ x }} %}'`, 'include', '../../../etc/hostname'],
  ])('%s is a content error with file, field and line', (_name, description, tag, shown) => {
    const e = buildError({ root: tempRoot('mini-site', { [LW]: listWidgets(description) }) });
    expect(e.location).toEqual({ file: LW, field: 'description', line: 7 });
    expect(e.detail).toBe(
      `invalid ${tag} "${shown}": file names may not contain ".." or "./", start with "/" or hold characters other than letters, digits and _ / . - ( ) + ~ # @ (as in Jekyll)`,
    );
  });

  it('is refused in lax mode too (liquid.strict: false makes only undefined names warnings)', () => {
    const root = tempRoot('mini-site', { [LW]: listWidgets('"{% include ../../../../etc/passwd %}"') });
    writeFileSync(path.join(root, 'site.yml'), 'title: "Mini"\nliquid:\n  strict: false\n');
    expect(buildError({ root }).detail).toMatch(/^invalid include "..\/..\/..\/..\/etc\/passwd"/);
  });

  it('an include that is a symbolic link out of the includes folder is refused; one inside is read', () => {
    const outside = tempRoot(undefined, { 'secret.html': 'TOP SECRET' });
    const root = tempRoot('mini-site', {
      [LW]: listWidgets('"{% include leak.html %} / {% include fine.html %}"'),
      'reference/shared.html': 'shared text',
    });
    symlinkSync(path.join(outside, 'secret.html'), path.join(root, 'includes/leak.html'));
    const e = buildError({ root });
    expect(e.location).toEqual({ file: LW, field: 'description', line: 7 });
    expect(e.detail).toMatch(/^include "leak.html" is a symbolic link to .*secret\.html, outside the includes folder$/);

    rmSync(path.join(root, 'includes/leak.html'));
    symlinkSync(path.join(root, 'reference/shared.html'), path.join(root, 'includes/leak.html'));
    writeFileSync(path.join(root, 'includes/fine.html'), 'fine');
    const page = buildReference({ root }).entries.find((x) => x.path === 'reference/widgets/list-widgets/');
    expect(page && 'descriptionHtml' in page ? page.descriptionHtml : '').toBe('<p>shared text / fine</p>\n');
  });
});

describe('YAML tags the core schema does not know', () => {
  const unknownTag = (tag: string) =>
    `warning: unknown YAML tag "${tag}": the value is read as if it had no tag (content is never run as code)`;
  const warningLines = (root: string) =>
    checkContent({ root })
      .problems.filter((p) => p.severity === 'warning')
      .map(formatProblem);

  it('are warned about with file, field and line, and the value is kept as plain data', () => {
    const r = parseYaml({
      text: "a: 1\ndescription: !!js/function 'function(){}'\ncmd: !!python/object:os.system [ls]\nlist:\n  - x: !foo bar\nm: !!map {q: 1}\n",
      file: 'f.yml',
    });
    expect(r.data).toEqual({ a: 1, description: 'function(){}', cmd: ['ls'], list: [{ x: 'bar' }], m: { q: 1 } });
    expect(r.warnings.map((w) => [w.field, w.line, w.message])).toEqual([
      ['description', 2, unknownTag('!!js/function').slice(9)],
      ['cmd', 3, unknownTag('!!python/object:os.system').slice(9)],
      ['list[0].x', 5, unknownTag('!foo').slice(9)],
    ]);
  });

  it('in front matter, a data file and the site config', () => {
    const root = tempRoot('mini-site', {
      'data/extra.yml': 'run: !!python/object/apply:os.system ["id"]\n',
      'site.yml': `${readFileSync(fixture('mini-site', 'site.yml'), 'utf8')}\ndescription: !!js/function "x"\n`,
    });
    const lw = path.join(root, LW);
    writeFileSync(lw, readFileSync(lw, 'utf8').replace('\ntitle:', '\nsummary: !!js/undefined ""\ntitle:'));
    expect(warningLines(root)).toEqual(
      expect.arrayContaining([
        `site.yml:19 (field "description"): ${unknownTag('!!js/function')}`,
        `data/extra.yml:1 (field "run"): ${unknownTag('!!python/object/apply:os.system')}`,
        `reference/widgets/list-widgets.md:8 (field "summary"): ${unknownTag('!!js/undefined')}`,
      ]),
    );
    const jekyll = tempRoot('jekyll-site');
    writeFileSync(
      path.join(jekyll, '_config.yml'),
      `${readFileSync(path.join(jekyll, '_config.yml'), 'utf8')}\nhook: !ruby/object:Gem::Installer {}\n`,
    );
    expect(loadSiteConfig(jekyll).warnings.map(formatWarning)).toEqual([
      expect.stringMatching(/^_config\.yml:\d+ \(field "hook"\): warning: unknown YAML tag "!ruby\/object:Gem::Installer"/),
    ]);
  });
});

describe('content files are read only from inside the content root', () => {
  it('a symlinked endpoint file pointing outside the root is an error; the secret is not read', () => {
    const outside = tempRoot(undefined, { 'outside.md': listWidgets('"SECRET-CANARY"') });
    const root = tempRoot('mini-site', { [LW]: null });
    symlinkSync(path.join(outside, 'outside.md'), path.join(root, LW));
    const errors = buildErrors({ root });
    expect(errors.map((e) => e.message.split('\n')[0])).toEqual([
      expect.stringMatching(
        /^reference\/widgets\/list-widgets\.md: is a symbolic link to .*outside\.md, outside the content root; it is not read$/,
      ),
    ]);
  });

  it('symbolic links inside the root are fine', () => {
    const root = tempRoot('mini-site');
    mkdirSync(path.join(root, 'shared'));
    writeFileSync(path.join(root, 'shared/list.md'), listWidgets('"Linked."'));
    rmSync(path.join(root, LW));
    symlinkSync(path.join(root, 'shared/list.md'), path.join(root, LW));
    expect(buildReference({ root }).entries.some((e) => e.path === 'reference/widgets/list-widgets/')).toBe(true);
  });

  it('a symlinked data file out of the root is an error', () => {
    const outside = tempRoot(undefined, { 'creds.yml': 'token: "SECRET"\n' });
    const root = tempRoot('mini-site');
    symlinkSync(path.join(outside, 'creds.yml'), path.join(root, 'data/creds.yml'));
    expect(() => buildReference({ root })).toThrow(
      /\n {2}- data\/creds\.yml: is a symbolic link to .*creds\.yml, outside the content root; it is not read/,
    );
  });

  it('a content folder that is a symbolic link out of the root is an error naming the setting', () => {
    const outside = tempRoot(undefined, { 'x.html': 'x' });
    const root = tempRoot('mini-site', { includes: null });
    symlinkSync(outside, path.join(root, 'includes'));
    expect(() => loadSiteConfig(root)).toThrow(
      /^site\.yml \(field "folders\.includes"\): folder includes is a symbolic link to .*, outside the content root/,
    );
  });

  it('a site.yml or _config.yml that is a symbolic link out of the root is an error naming it; one inside is read', () => {
    const outside = tempRoot(undefined, { 'site.yml': 'title: "SECRET-CANARY"\n' });
    const root = tempRoot('mini-site');
    const real = path.join(root, 'real-site.yml');
    writeFileSync(real, 'title: "Linked inside"\n');
    rmSync(path.join(root, 'site.yml'));
    symlinkSync(path.join(outside, 'site.yml'), path.join(root, 'site.yml'));
    expect(() => loadSiteConfig(root)).toThrow(/^site\.yml: is a symbolic link to .*site\.yml, outside the content root; it is not read/);
    rmSync(path.join(root, 'site.yml'));
    symlinkSync(real, path.join(root, 'site.yml'));
    expect(loadSiteConfig(root).config.title).toBe('Linked inside');

    const jekyll = tempRoot('jekyll-site');
    const conf = path.join(outside, '_config.yml');
    writeFileSync(conf, 'title: "SECRET-CANARY"\n');
    rmSync(path.join(jekyll, '_config.yml'));
    symlinkSync(conf, path.join(jekyll, '_config.yml'));
    expect(() => loadSiteConfig(jekyll)).toThrow(
      /^_config\.yml: is a symbolic link to .*_config\.yml, outside the content root; it is not read/,
    );
  });

  it('a symbolic link to a folder inside the root is followed: its pages are built', () => {
    const root = tempRoot('mini-site');
    mkdirSync(path.join(root, 'extra'));
    writeFileSync(path.join(root, 'extra/list.md'), listWidgets('"Linked folder."'));
    rmSync(path.join(root, LW));
    symlinkSync(path.join(root, 'extra'), path.join(root, 'reference/widgets/more'));
    const page = buildReference({ root }).entries.find((x) => x.path === 'reference/widgets/list-widgets/');
    expect(page && 'descriptionHtml' in page ? page.descriptionHtml : '').toBe('<p>Linked folder.</p>\n');
  });

  it('a symbolic link to a folder outside the root is an error naming it, in the reference and the data folder', () => {
    const outside = tempRoot(undefined, { 'x.md': listWidgets('"SECRET-CANARY"'), 'creds.yml': 'token: "SECRET"\n' });
    const root = tempRoot('mini-site');
    symlinkSync(outside, path.join(root, 'reference/widgets/more'));
    symlinkSync(outside, path.join(root, 'data/more'));
    expect(errorLines(root)).toEqual([
      expect.stringMatching(/^data\/more: is a symbolic link to .*, outside the content root; nothing in it is read$/),
      expect.stringMatching(/^reference\/widgets\/more: is a symbolic link to .*, outside the content root; nothing in it is read$/),
    ]);
  });

  it('in the prose pages folder too: a link out of the root is an error naming it', () => {
    const outside = tempRoot(undefined, { 'secret.md': '---\ntitle: "SECRET-CANARY"\n---\n' });
    const root = tempRoot('mini-site', { 'pages/guide.md': '---\ntitle: "Guide"\n---\n\nText.\n' });
    symlinkSync(outside, path.join(root, 'pages/more'));
    expect(errorLines(root)).toEqual([
      expect.stringMatching(/^pages\/more: is a symbolic link to .*, outside the content root; nothing in it is read$/),
    ]);
  });

  it('a symbolic link to a folder that contains it (a loop) is an error naming it, not an endless walk', () => {
    const root = tempRoot('mini-site');
    symlinkSync('..', path.join(root, 'reference/widgets/loop'));
    expect(errorLines(root)).toEqual([
      expect.stringMatching(
        /^reference\/widgets\/loop: is a symbolic link to \.\., a folder it is itself inside: following it would never end/,
      ),
    ]);
  });

  it.each([
    ['includes: "/"', 'folders.includes', '"/"'],
    ['includes: ["includes", "../.."]', 'folders.includes[1]', '"../.."'],
    ['data: "../elsewhere"', 'folders.data', '"../elsewhere"'],
  ])('site.yml may not name folders outside the root (%s)', (folders, field, shown) => {
    const root = tempRoot('mini-site', { 'site.yml': `title: "Mini"\nfolders:\n  ${folders}\n` });
    const e = (() => {
      try {
        loadSiteConfig(root);
      } catch (error) {
        // The site config reports every wrong field, as a list.
        return error instanceof ContentErrors ? error.errors[0] : (error as ContentError);
      }
      throw new Error('expected an error');
    })();
    expect(e.location).toEqual({ file: 'site.yml', field, line: 3 });
    expect(e.detail).toBe(`folder ${shown} is outside the content root`);
  });

  it('a SITE_CONFIG overlay may still add folders elsewhere (the stitch preset ships its own includes)', () => {
    const root = tempRoot('mini-site');
    const dir = tempRoot(undefined, { 'inc/extra.html': 'extra', 'overlay.yml': 'folders:\n  includes: [inc]\n' });
    expect(loadSiteConfig(root, path.join(dir, 'overlay.yml')).paths.includes).toEqual([path.join(dir, 'inc')]);
  });
});

describe('one URL, one source', () => {
  it('two keys that slug to the same path are an error naming both files and lines', () => {
    const root = tempRoot('mini-site', {
      'reference/widgets/delete-a-widget-loud.md':
        '---\nproduct-type: "widgets"\ncontent-type: "api-endpoint"\nendpoint: "widgets"\nkey: "Delete-A-Widget!"\nmethod: "delete"\n---\n',
    });
    expect(errorLines(root)).toEqual([
      // The object lists delete-a-widget, so it is built first; the unlisted file is the one reported.
      'reference/widgets/delete-a-widget-loud.md:5 (field "key"): page URL /reference/widgets/delete-a-widget/ of endpoint "Delete-A-Widget!" is also the URL of endpoint "delete-a-widget" from reference/widgets/delete-a-widget.md:5 (field "key"); one of the two pages would be lost',
    ]);
  });

  it('an endpoint key v1 beside the object’s version 1 page is an error at the endpoint’s key', () => {
    const root = tempRoot('mini-site', {
      'reference/gadgets/v2/v1.md':
        '---\nproduct-type: "gadgets"\ncontent-type: "api-endpoint"\nendpoint: "gadgets"\nkey: "v1"\nversion: "2"\nmethod: "get"\n---\n',
    });
    const lines = errorLines(root);
    expect(lines).toEqual([
      'reference/gadgets/v2/v1.md:5 (field "key"): page URL /reference/gadgets/v1/ of endpoint "v1" is also the URL of version 1 of object "gadgets" from reference/gadgets/gadget-object.md:14 (field "versions[1].number"); one of the two pages would be lost',
    ]);
  });

  it('a doc and a prose page of the same name clash', () => {
    const root = tempRoot('mini-site', {
      'reference/docs/intro.md': '---\ncontent-type: "api-doc"\ntitle: "Intro"\nsections:\n  - title: "A"\n    content: "a"\n---\n',
      'pages/intro.mdx': '---\ntitle: "Intro"\n---\n\nHello.\n',
    });
    expect(errorLines(root)).toEqual([
      'pages/intro.mdx: page URL /guides/intro/ of prose page "intro" is also the URL of doc "Intro" (named after its file) from reference/docs/intro.md; one of the two pages would be lost',
    ]);
  });

  it('a key made of dots cannot climb out of its folder', () => {
    const root = tempRoot('mini-site', {
      'reference/widgets/dots.md':
        '---\nproduct-type: "widgets"\ncontent-type: "api-endpoint"\nendpoint: "widgets"\nkey: ".."\nmethod: "get"\n---\n',
    });
    const paths = buildReference({ root }).entries.map((e) => e.path);
    expect(paths).toContain('reference/widgets/untitled/');
    expect(paths.every((p) => !p.split('/').includes('..'))).toBe(true);
  });
});

describe('config values are checked before they reach a page', () => {
  it.each([
    ['baseurl: "/docs\\" onload=\\"alert(1)"', 'baseurl', 'may only hold URL path characters'],
    ['baseurl: "/a b"', 'baseurl', 'may only hold URL path characters'],
    ['url: "javascript:alert(1)"', 'url', 'must be an http(s) URL'],
    ['url: "https://x.example/\\"><script>"', 'url', 'must be an http(s) URL'],
  ])('%s is refused with file, field and line', (line, field, message) => {
    const root = tempRoot('mini-site', { 'site.yml': `title: "Mini"\n${line}\n` });
    const e = (() => {
      try {
        loadSiteConfig(root);
      } catch (error) {
        // The site config reports every wrong field, as a list.
        return error instanceof ContentErrors ? error.errors[0] : (error as ContentError);
      }
      throw new Error('expected an error');
    })();
    expect(e.location).toEqual({ file: 'site.yml', field, line: 2 });
    expect(e.detail).toContain(message);
  });

  it('ordinary base paths still work', () => {
    for (const base of ['/docs', '/my-repo/v1.2', '/a_b~c/%7Ex']) {
      const root = tempRoot('mini-site', { 'site.yml': `title: "Mini"\nbaseurl: "${base}"\n` });
      expect(loadSiteConfig(root).config.baseurl).toBe(base);
    }
  });
});
