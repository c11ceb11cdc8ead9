/**
 * How the site looks, from site.yml `theme:` (every field optional): logo (light and dark), favicon, accent
 * colour, header links, footer, and the "Edit this page" link. Nested under `theme:` so that a site's own
 * top-level variables (`site.footer`, `site.logo` in Liquid) are never taken for settings.
 *
 * Every URL passes the Markdown link test (core/markdown/safe-url.ts: no `javascript:`, `vbscript:`,
 * `file:`, and `data:` only for raster images); the accent colour must parse as a CSS colour and is written
 * into the page re-serialised (never as the text given), so nothing in these fields becomes markup or CSS.
 */
import { parse } from 'culori';
import { z } from 'zod';
import { isSafeUrl } from '../core/markdown/safe-url.ts';

const URL_MESSAGE =
  'must be a URL or a path (https://…, /logo.svg, logo.svg); javascript:, vbscript:, file: and data: URLs other than images are refused';

/** A URL or path a browser may follow or load: refused schemes are an error naming the field. */
export const SafeUrlSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .refine((u) => isSafeUrl(u) && !/[\s"'<>`]/.test(u), { message: URL_MESSAGE });

/** A CSS colour (`#0b62c4`, `rebeccapurple`, `rgb(…)`, `hsl(…)`, `oklch(…)`), opaque. */
export const ColourSchema = z
  .string()
  .trim()
  .refine(
    (c) => {
      const parsed = parse(c);
      return parsed !== undefined && (parsed.alpha === undefined || parsed.alpha === 1);
    },
    { message: 'must be an opaque CSS colour, such as "#0b62c4", "rebeccapurple", "rgb(11 98 196)" or "oklch(50% 0.15 255)"' },
  );

export const LinkSchema = z.object({
  label: z.string().trim().min(1, { message: 'must not be empty' }).describe('The link text.'),
  url: SafeUrlSchema.describe('Where it leads: an http(s) URL, or a path (relative paths are under the reference’s home).'),
});

const LogoObjectSchema = z.object({
  light: SafeUrlSchema.describe('Logo on the light theme (or on both, without `dark`).'),
  dark: SafeUrlSchema.optional().describe('Logo on the dark theme.'),
});

export const ThemeSchema = z.object({
  /** A URL, or `{ light, dark }`: the header shows the one for the reader's theme beside the site title. */
  logo: z
    .union([SafeUrlSchema, LogoObjectSchema])
    .optional()
    .transform((v) => (typeof v === 'string' ? { light: v } : v))
    .describe('Header logo: a URL, or { light, dark }. Relative paths are under the site base (its public files).'),
  favicon: SafeUrlSchema.optional().describe('Site icon. A relative path is under the site base (its public files).'),
  /** One colour for both themes, or one per theme; links, selected tabs and focus marks use it. */
  accent: z
    .union([ColourSchema, z.object({ light: ColourSchema.optional(), dark: ColourSchema.optional() })])
    .optional()
    .transform((v) => (typeof v === 'string' ? { light: v, dark: v } : v))
    .describe('Accent colour (links, selected tabs): a CSS colour, or { light, dark }.'),
  'header-links': z.array(LinkSchema).default([]).describe('Links in the header, beside search.'),
  footer: z
    .object({
      text: z.string().optional().describe('Footer text (plain text).'),
      links: z.array(LinkSchema).default([]).describe('Footer links.'),
    })
    .optional()
    .describe('A footer on every page.'),
  /** `https://github.com/org/repo/edit/main/{path}`: {path} is the page's source file, relative to the content root. */
  'edit-url': SafeUrlSchema.refine((u) => u.includes('{path}'), { message: 'must contain {path} (the page’s source file)' })
    .optional()
    .describe('"Edit this page" link pattern; {path} is the source file relative to the content root.'),
});

export type Theme = z.output<typeof ThemeSchema>;
export type ThemeLink = z.output<typeof LinkSchema>;
