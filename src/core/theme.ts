/**
 * What the `theme:` settings (schemas/theme.ts) become on a page: the accent colour as CSS custom
 * properties, contrast warnings, link targets and the "Edit this page" URL. Pure, so it is unit-tested
 * without Astro; the layout renders what these return.
 */
import { formatHex, interpolate, parse, wcagContrast } from 'culori';
import type { Theme } from '../schemas/theme.ts';

/** The page backgrounds of the two themes (src/styles/global.css `--bg`), which links are read against. */
export const THEME_BACKGROUNDS = { light: '#ffffff', dark: '#0d1117' } as const;
/** WCAG AA for body-size text: links are text in the accent colour. */
export const MIN_CONTRAST = 4.5;
const LIGHT_TEXT = '#ffffff';
const DARK_TEXT = '#0d1117';

type Mode = keyof typeof THEME_BACKGROUNDS;

/** `#rrggbb` of a colour the schema accepted. */
function hex(colour: string): string {
  return formatHex(parse(colour)!)!;
}

/** Text colour on an accent background (selected items): white or near-black, whichever reads better. */
export function onAccent(colour: string): string {
  return wcagContrast(colour, LIGHT_TEXT) >= wcagContrast(colour, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}

/** The tint behind accent text (the sidebar's current page): a tenth of the accent over the background. */
export function accentSoft(colour: string, mode: Mode): string {
  return formatHex(interpolate([THEME_BACKGROUNDS[mode], hex(colour)])(0.1))!;
}

/**
 * The accent as CSS for a `<style>` element: every value re-serialised as `#rrggbb`, so no text from the
 * config reaches the stylesheet. Empty when the site sets no accent.
 */
export function accentCss(accent: Theme['accent']): string {
  const rules: string[] = [];
  for (const mode of ['light', 'dark'] as const) {
    const colour = accent?.[mode];
    if (!colour) continue;
    const value = hex(colour);
    // Doubled :root: wins over global.css's rules whichever stylesheet the page loads last.
    const selector = mode === 'light' ? ':root:root' : ":root:root[data-theme='dark']";
    rules.push(`${selector}{--accent:${value};--on-accent:${onAccent(value)};--accent-soft:${accentSoft(value, mode)}}`);
  }
  return rules.join('');
}

export interface ThemeWarning {
  /** Field path under the site config (`theme.accent.dark`). */
  path: Array<string | number>;
  message: string;
}

/** An accent too faint against a theme's background to read links in is worth a warning, not an error. */
export function themeWarnings(theme: Theme): ThemeWarning[] {
  const warnings: ThemeWarning[] = [];
  const accent = theme.accent;
  if (!accent) return warnings;
  const both = accent.light !== undefined && accent.light === accent.dark;
  for (const mode of ['light', 'dark'] as Mode[]) {
    const colour = accent[mode];
    if (!colour) continue;
    // Links sit on the page background, the current page's sidebar link on the tint: the fainter counts.
    const ratio = Math.min(wcagContrast(colour, THEME_BACKGROUNDS[mode]), wcagContrast(colour, accentSoft(colour, mode)));
    if (ratio >= MIN_CONTRAST) continue;
    const fix = mode === 'light' ? 'a darker shade' : 'a lighter shade';
    warnings.push({
      path: both ? ['theme', 'accent'] : ['theme', 'accent', mode],
      message:
        `the accent colour "${colour}" has a contrast of ${ratio.toFixed(2)}:1 on the ${mode} theme's backgrounds ` +
        `(${THEME_BACKGROUNDS[mode]} and its accent tint); links need at least ${MIN_CONTRAST}:1 (WCAG AA). Use ${fix}` +
        (both ? ', or set accent.light and accent.dark separately' : ''),
    });
  }
  return warnings;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Where a theme URL leads: a URL with a scheme, a root path (`/x`) or a fragment as written; a relative
 * path under `root` (the site base for files such as the logo, the reference's home for links).
 */
export function themeUrl(url: string, root: string): string {
  if (HAS_SCHEME.test(url) || url.startsWith('/') || url.startsWith('#')) return url;
  return `${root.replace(/\/?$/, '/')}${url.replace(/^\.\//, '')}`;
}

/**
 * The "Edit this page" link of a page whose source is `source` (relative to the content root, `/`
 * separated): `{path}` in the pattern becomes that path, each segment percent-encoded.
 */
export function editUrl(pattern: string | undefined, source: string | undefined): string | undefined {
  if (!pattern || !source) return undefined;
  const encoded = source.split(/[\\/]/).map(encodeURIComponent).join('/');
  return pattern.replaceAll('{path}', encoded);
}
