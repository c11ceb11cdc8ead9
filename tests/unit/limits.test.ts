/**
 * 11. Limits: every way content can make the build do unbounded work stops with an error naming the file,
 * the field, the line and the `limits:` setting, in lax mode too. Each limit is configurable in site.yml.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/core/config.ts';
import { ContentError, ContentErrors } from '../../src/core/errors.ts';
import { buildReference } from '../../src/core/model/build.ts';
import { parseYaml } from '../../src/core/yaml.ts';
import { TimeBudget } from '../../src/core/time-budget.ts';
import { DEFAULT_LIMITS } from '../../src/schemas/limits.ts';
import { buildError, makeEngine, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

const LW = 'reference/widgets/list-widgets.md';
const listWidgets = (description: string) =>
  `---\nproduct-type: "widgets"\ncontent-type: "api-endpoint"\nendpoint: "widgets"\nkey: "list-widgets"\nmethod: "get"\ndescription: ${description}\n---\n`;
const SITE = 'title: "Mini"\naliases:\n  api: site.data[page.product-type].api\n';

/** mini-site with list-widgets' description set, plus `site` lines appended to site.yml and extra files. */
function root(description: string, site = '', files: Record<string, string> = {}): string {
  const dir = tempRoot('mini-site', { [LW]: listWidgets(description), ...files });
  writeFileSync(path.join(dir, 'site.yml'), SITE + site);
  return dir;
}

function thrown(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error;
    // Config and data errors are gathered (every file, every field) and thrown as a list.
    if (error instanceof ContentErrors && error.errors.length === 1) return error.errors[0];
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('YAML', () => {
  const bomb = [
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  ].join('\n');

  it('an alias bomb stops at the alias that crosses the limit, with line and field', () => {
    const e = thrown(() => parseYaml({ text: bomb, file: 'data/bomb.yml' }));
    expect(e.location).toEqual({ file: 'data/bomb.yml', field: 'd[0]', line: 4 });
    expect(e.detail).toBe(
      'YAML aliases expand too far at *c (more than 100 uses, counting the aliases inside &c; limits.yaml-alias-count: 100)',
    );
  });

  it('the limit cannot be switched off: yaml-alias-count: -1 is an invalid site config', () => {
    const dir = root('"x"', 'limits:\n  yaml-alias-count: -1\n');
    const e = thrown(() => loadSiteConfig(dir));
    expect(e.location).toEqual({ file: 'site.yml', field: 'limits.yaml-alias-count', line: 5 });
    expect(e.detail).toMatch(/^invalid site config: Too small: expected number to be >=0/);
  });

  it('a misspelt limit is an error, not ignored', () => {
    const e = thrown(() => loadSiteConfig(root('"x"', 'limits:\n  page-secs: 3\n')));
    expect(e.message).toBe('site.yml:5 (field "limits"): invalid site config: Unrecognized key: "page-secs"');
  });

  it('ordinary aliases still work, and an alias to another file is still null with a warning (as Jekyll)', () => {
    const parsed = parseYaml({ text: 'get: &get "get"\nuses:\n  - *get\n  - *get\nother: *post\n', file: 'x.yml' });
    expect(parsed.data).toEqual({ get: 'get', uses: ['get', 'get'], other: null });
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      'alias *post has no anchor &post in this file; it is read as null (as Jekyll does)',
    ]);
  });

  it('100 uses of one scalar anchor are within the default limit; a 101st is not', () => {
    const text = (n: number) => `v: &v "x"\nlist: [${Array(n).fill('*v').join(', ')}]\n`;
    expect((parseYaml({ text: text(99), file: 'x.yml' }).data as { list: string[] }).list).toHaveLength(99);
    expect(() => parseYaml({ text: text(100), file: 'x.yml' })).toThrow(/aliases expand too far at \*v/);
  });

  it('a 10,000-deep document is reported as too deep, not as malformed', () => {
    for (const text of [
      'a: ' + '['.repeat(10_000) + ']'.repeat(10_000),
      Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1',
    ]) {
      const e = thrown(() => parseYaml({ text, file: 'data/deep.yml' }));
      expect(e.detail).toBe('YAML nested more than 100 levels deep (limits.yaml-depth: 100)');
      expect(e.location.line).toBeLessThanOrEqual(102);
    }
  });

  it('nesting up to the limit is read; the limit is configurable', () => {
    const nested = (n: number) => 'a: ' + '['.repeat(n) + ']'.repeat(n);
    expect(() => parseYaml({ text: nested(99), file: 'x.yml' })).not.toThrow();
    expect(() => parseYaml({ text: nested(20), file: 'x.yml', limits: { ...DEFAULT_LIMITS, 'yaml-depth': 10 } })).toThrow(
      /more than 10 levels deep/,
    );
  });

  it('a deep JSON data file is reported the same way', () => {
    const dir = root('"x"', '', { 'data/deep.json': '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}' });
    expect(() => buildReference({ root: dir })).toThrow(
      /\n {2}- data\/deep\.json: JSON nested more than 100 levels deep \(limits\.yaml-depth: 100\)/,
    );
  });

  it('a deep front matter names the endpoint file', () => {
    const deep = 'x: ' + '['.repeat(500) + ']'.repeat(500);
    const dir = tempRoot('mini-site', { [LW]: listWidgets('"d"').replace('---\n', `---\n${deep}\n`) });
    expect(buildError({ root: dir }).message.split('\n')[0]).toBe(
      `${LW}:2: YAML nested more than 100 levels deep (limits.yaml-depth: 100)`,
    );
  });
});

describe('Liquid', () => {
  const LOOPS = 'loops would run more than 100,000 iterations in this field (limits.liquid-loop-iterations: 100000)';

  it('a loop over a hundred million numbers stops before building the range', () => {
    const e = buildError({ root: root('"{% for i in (1..100000000) %}{{ i }}{% endfor %}"') });
    expect(e.location).toEqual({ file: LW, field: 'description', line: 7 });
    expect(e.detail).toBe(LOOPS);
  });

  it('nested loops count together', () => {
    const e = buildError({ root: root('"{% for i in (1..10000) %}{% for j in (1..10000) %}{% endfor %}{% endfor %}"') });
    expect(e.detail).toBe(LOOPS);
  });

  it('loops over data count too, inside flatify', () => {
    const items = Array.from({ length: 400 }, (_, i) => i).join(', ');
    const e = buildError({
      root: root('"{{ site.data.big.loop | flatify }}"', '', {
        'data/big.yml': `items: [${items}]\nloop: "{% for a in site.data.big.items %}{% for b in site.data.big.items %}{% endfor %}{% endfor %}"\n`,
      }),
    });
    expect(e.detail).toMatch(
      /^loops would run more than 100,000 iterations in this field \(limits\.liquid-loop-iterations: 100000\) \(inside a string rendered by flatify/,
    );
  });

  it('the loop limit is configurable, and tablerow counts as a loop', () => {
    const dir = root('"{% tablerow i in (1..20) %}{{ i }}{% endtablerow %}"', 'limits:\n  liquid-loop-iterations: 10\n');
    expect(buildError({ root: dir }).detail).toBe(
      'loops would run more than 10 iterations in this field (limits.liquid-loop-iterations: 10)',
    );
  });

  it('a string doubled in a loop stops at the memory limit', () => {
    const e = buildError({
      root: root(`'{% assign x = "ab" %}{% for i in (1..40) %}{% assign x = x | append: x %}{% endfor %}{{ x | size }}'`),
    });
    expect(e.detail).toBe('Liquid allocated more than 10,000,000 characters or list items for this field (limits.liquid-memory: 10000000)');
  });

  it('output doubled by capture is a named error, not a crash', () => {
    const e = buildError({
      root: root(`'{% assign x = "ab" %}{% for i in (1..40) %}{% capture x %}{{x}}{{x}}{% endcapture %}{% endfor %}{{ x | size }}'`),
    });
    expect(e.detail).toBe('Liquid output grew past the longest string JavaScript can hold');
  });

  it('a self-including include names the include chain', () => {
    const e = buildError({ root: root('"{% include self.html %}"', '', { 'includes/self.html': 'x{% include self.html %}' }) });
    expect(e.location).toEqual({ file: LW, field: 'description', line: 7 });
    expect(e.detail).toBe('include cycle: self.html → self.html (includes nest more than 50 deep; limits.include-depth: 50)');
  });

  it('two includes that include each other name both', () => {
    const e = buildError({
      root: root('"{% include a.html %}"', '', { 'includes/a.html': '{% include b.html %}', 'includes/b.html': '{% include a.html %}' }),
    });
    expect(e.detail).toBe('include cycle: a.html → b.html → a.html (includes nest more than 50 deep; limits.include-depth: 50)');
  });

  it('a deep chain without a cycle shows its ends', () => {
    const files = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [`includes/i${i}.html`, i < 5 ? `{% include i${i + 1}.html %}` : 'end']),
    );
    const e = buildError({ root: root('"{% include i0.html %}"', 'limits:\n  include-depth: 3\n', files) });
    expect(e.detail).toBe(
      'includes nest more than 3 deep: i0.html → i1.html → i2.html → … → i1.html → i2.html → i3.html (limits.include-depth: 3)',
    );
  });

  it('a template longer than the limit is refused, inside flatify too', () => {
    const long = `{{ api.name }}${'x'.repeat(300)}`;
    const e = buildError({ root: root(`"${long}"`, 'limits:\n  liquid-template-size: 250\n') });
    expect(e.detail).toBe('a Liquid template of 314 characters is longer than allowed (limits.liquid-template-size: 250)');
    const nested = buildError({
      root: root('"{{ site.data.long.text | flatify }}"', 'limits:\n  liquid-template-size: 250\n', {
        'data/long.yml': `text: "${long}"\n`,
      }),
    });
    expect(nested.detail).toMatch(
      /^a Liquid template of 314 characters is longer than allowed \(limits\.liquid-template-size: 250\) \(inside a string rendered by flatify: "\{\{ api\.name \}\}x+…"\)$/,
    );
  });

  it('a page over its time budget is stopped at the field being rendered', () => {
    const { engine } = makeEngine({ limits: { ...DEFAULT_LIMITS, 'page-seconds': 1e-9 } });
    const ctx = engine.context({ site: {} });
    const e = thrown(() => engine.render('{% for i in (1..1000) %}{{ i }}{% endfor %}', ctx, { file: LW, field: 'description', line: 7 }));
    expect(e.location).toEqual({ file: LW, field: 'description', line: 7 });
    expect(e.detail).toBe('rendering this page took longer than its time budget (limits.page-seconds: 1e-9)');
  });

  it('a content file that takes longer than the budget to read is named', () => {
    const big = `items:\n${Array.from({ length: 2000 }, (_, i) => `  - id: ${i}`).join('\n')}\n`;
    const e = thrown(() => parseYaml({ text: big, file: 'data/big.yml', limits: { ...DEFAULT_LIMITS, 'page-seconds': 1e-9 } }));
    expect(e.location).toEqual({ file: 'data/big.yml' });
    expect(e.detail).toMatch(/^reading this file took \d+\.\d{3} s, over the time budget \(limits\.page-seconds: 1e-9\)$/);
  });

  it('the time budget counts CPU time: waiting for a busy machine does not spend it, working does', () => {
    const budget = new TimeBudget(40);
    // Asleep for three times the budget: wall time passes, CPU time does not.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120);
    expect(budget.spent()).toBe(false);
    let spin = 0;
    while (budget.usedMs() <= 45) spin += Math.sqrt(spin + 1);
    expect(budget.spent()).toBe(true);
  });

  it('an alias in the site config is bounded like a field', () => {
    const dir = tempRoot('mini-site');
    writeFileSync(path.join(dir, 'site.yml'), 'title: "Mini"\naliases:\n  big: (1..100000000)\n');
    const e = buildError({ root: dir });
    expect(e.message.split('\n')[0]).toBe(
      'site.yml (field "aliases.big"): Liquid allocated more than 10,000,000 characters or list items for this field (limits.liquid-memory: 10000000)',
    );
  });

  it('limits are errors in lax mode too', () => {
    const e = buildError({ root: root('"{% for i in (1..100000000) %}{% endfor %}"', 'liquid:\n  strict: false\n') });
    expect(e.detail).toBe(LOOPS);
  });

  it('the defaults leave real content alone: the sample site builds', () => {
    expect(buildReference({ root: tempRoot('mini-site') }).entries.length).toBeGreaterThan(5);
  });
});
