/**
 * `theme:` in site.yml (schemas/theme.ts, core/theme.ts): every field optional; wrong values reported all at
 * once as `file:line (field "x")`; refused URL schemes; the accent colour parsed as CSS, written back as
 * hex only, with a contrast warning; link targets and the "Edit this page" URL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/core/config.ts';
import { ContentErrors, formatProblem } from '../../src/core/errors.ts';
import { accentCss, editUrl, onAccent, themeUrl, themeWarnings } from '../../src/core/theme.ts';
import { SiteConfigSchema } from '../../src/schemas/site-config.ts';
import { ThemeSchema } from '../../src/schemas/theme.ts';
import { removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

function configErrors(siteYml: string): string[] {
  try {
    loadSiteConfig(tempRoot(undefined, { 'site.yml': siteYml }));
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors.map((e) => formatProblem(e.problem));
    throw error;
  }
  return [];
}

describe('theme schema', () => {
  it('is optional in every part', () => {
    expect(SiteConfigSchema.parse({}).theme).toEqual({ 'header-links': [] });
    const theme = ThemeSchema.parse({ logo: 'logo.svg', accent: 'rebeccapurple' });
    expect(theme.logo).toEqual({ light: 'logo.svg' });
    expect(theme.accent).toEqual({ light: 'rebeccapurple', dark: 'rebeccapurple' });
  });

  it('reports every wrong field at once, each with its file, line and field', () => {
    const errors = configErrors(
      [
        'title: "T"',
        'theme:',
        '  logo:',
        '    light: "javascript:alert(1)"',
        '    dark: "logo-dark.svg"',
        '  favicon: "data:image/svg+xml,<svg onload=alert(1)>"',
        '  accent: "not-a-colour"',
        '  header-links:',
        '    - label: "Status"',
        '      url: "vbscript:msgbox"',
        '    - label: ""',
        '      url: "https://ok.example"',
        '  footer:',
        '    links:',
        '      - label: "Terms"',
        '  edit-url: "https://github.com/o/r/edit/main/"',
        '',
      ].join('\n'),
    );
    expect(errors).toEqual([
      expect.stringMatching(/^site\.yml:4 \(field "theme\.logo\.light"\): invalid site config: must be a URL or a path .*javascript:/),
      expect.stringMatching(/^site\.yml:6 \(field "theme\.favicon"\): invalid site config: must be a URL or a path/),
      expect.stringMatching(/^site\.yml:7 \(field "theme\.accent"\): invalid site config: must be an opaque CSS colour/),
      expect.stringMatching(/^site\.yml:10 \(field "theme\.header-links\[0\]\.url"\): invalid site config: must be a URL or a path/),
      expect.stringMatching(/^site\.yml:11 \(field "theme\.header-links\[1\]\.label"\): invalid site config: must not be empty/),
      expect.stringMatching(/^site\.yml:15 \(field "theme\.footer\.links\[0\]\.url"\): invalid site config: /),
      expect.stringMatching(/^site\.yml:16 \(field "theme\.edit-url"\): invalid site config: must contain \{path\}/),
    ]);
  });

  it('accepts the CSS colour syntaxes and refuses translucent or made-up ones', () => {
    for (const ok of ['#0b62c4', '#abc', 'rebeccapurple', 'rgb(11 98 196)', 'hsl(210 90% 40%)', 'oklch(50% 0.15 255)'])
      expect(ThemeSchema.safeParse({ accent: ok }).success, ok).toBe(true);
    for (const bad of ['transparent', 'rgb(0 0 0 / 0.5)', 'blue; } body { display: none', 'url(x)', '#12345'])
      expect(ThemeSchema.safeParse({ accent: bad }).success, bad).toBe(false);
  });

  it('unknown keys under theme are reported with a did-you-mean', () => {
    const root = tempRoot(undefined, { 'site.yml': 'theme:\n  acent: "#0b62c4"\n' });
    const warnings = loadSiteConfig(root).warnings.map((w) => formatProblem({ severity: 'warning', ...w }));
    expect(warnings).toEqual([expect.stringMatching(/^site\.yml:2 \(field "theme\.acent"\): warning: unknown key "acent".*accent/)]);
  });
});

describe('accent colour', () => {
  it('is written as hex only, with a readable text colour on it', () => {
    const css = accentCss({ light: 'rebeccapurple', dark: 'oklch(80% 0.1 200)' });
    expect(css).toMatch(/^:root:root\{--accent:#663399;--on-accent:#ffffff;--accent-soft:#[0-9a-f]{6}\}/);
    expect(css).toMatch(/:root:root\[data-theme='dark'\]\{--accent:#[0-9a-f]{6};--on-accent:#0d1117;/);
    expect(css).not.toContain('rebeccapurple');
    expect(accentCss(undefined)).toBe('');
    expect(onAccent('#ffeb3b')).toBe('#0d1117');
    expect(onAccent('#0b62c4')).toBe('#ffffff');
  });

  it('too faint against a theme background is a warning naming the field, line and ratio', () => {
    expect(themeWarnings(ThemeSchema.parse({ accent: { light: '#0b62c4', dark: '#4493f8' } }))).toEqual([]);
    // One colour for both themes: readable on white, too dark on the dark theme.
    const both = themeWarnings(ThemeSchema.parse({ accent: '#0b62c4' }));
    expect(both).toEqual([
      {
        path: ['theme', 'accent'],
        message: expect.stringMatching(
          /contrast of [\d.]+:1 on the dark theme.*4\.5:1.*lighter shade, or set accent\.light and accent\.dark/,
        ),
      },
    ]);

    const root = tempRoot(undefined, { 'site.yml': 'theme:\n  accent:\n    light: "#ffd700"\n    dark: "#4493f8"\n' });
    const warnings = loadSiteConfig(root).warnings.map((w) => formatProblem({ severity: 'warning', ...w }));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^site\.yml:3 \(field "theme\.accent\.light"\): warning: the accent colour "#ffd700" has a contrast of 1\.\d\d:1 on the light theme.*darker shade/,
      ),
    ]);
  });
});

describe('theme URLs', () => {
  it('keep URLs with a scheme and root paths; relative paths go under the given root', () => {
    expect(themeUrl('https://status.example', '/docs/')).toBe('https://status.example');
    expect(themeUrl('mailto:a@b.example', '/docs/')).toBe('mailto:a@b.example');
    expect(themeUrl('/logo.svg', '/docs/')).toBe('/logo.svg');
    expect(themeUrl('logo.svg', '/docs/')).toBe('/docs/logo.svg');
    expect(themeUrl('./guides/intro/', '/docs')).toBe('/docs/guides/intro/');
  });

  it('"Edit this page" puts the source path, segment by segment encoded, in place of {path}', () => {
    const pattern = 'https://github.com/org/repo/edit/main/docs/{path}';
    expect(editUrl(pattern, 'reference/parcels/create-a-parcel.md')).toBe(
      'https://github.com/org/repo/edit/main/docs/reference/parcels/create-a-parcel.md',
    );
    expect(editUrl(pattern, 'pages/a b/#1?.mdx')).toBe('https://github.com/org/repo/edit/main/docs/pages/a%20b/%231%3F.mdx');
    expect(editUrl(undefined, 'x.md')).toBeUndefined();
    expect(editUrl(pattern, undefined)).toBeUndefined();
  });
});
