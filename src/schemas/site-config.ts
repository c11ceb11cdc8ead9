/**
 * The site config: `site.yml` in a native content root, or a Jekyll `_config.yml` mapped by the `jekyll`
 * preset, optionally overlaid by an extra file (SITE_CONFIG) that adds what the Jekyll includes used to bind.
 */
import { z } from 'zod';
import { DEFAULT_LIMITS, LimitsSchema } from './limits.ts';

// zod compiles object schemas into code with `new Function`. The code comes from our schemas, not from
// content, but nothing on a content path should reach `new Function`; interpreted parsing costs no
// measurable time here (the corpus model builds in the same ~1.8 s either way).
z.config({ jitless: true });

const folderList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

/** A base path of URL path characters only: nothing that could end an HTML attribute or start a tag. */
const SAFE_BASE = /^(?:\/(?:[A-Za-z0-9\-._~!$&()*+,;=:@]|%[0-9A-Fa-f]{2})+)*$/;
const SAFE_URL = /^https?:\/\/[^\s"'<>`\\]+$/;

export const FoldersSchema = z.object({
  /** Site data: every .yml/.yaml/.json below it becomes `site.data.<path>`. */
  data: z.string().default('data'),
  /** Folders searched (recursively) for endpoint, object, structure and doc files. */
  reference: folderList.default(['reference']),
  /** MDX prose pages. */
  pages: z.string().default('pages'),
  /** Liquid includes for `{% include %}` inside front-matter strings. */
  includes: folderList.default(['includes']),
});

export const LiquidConfigSchema = z.object({
  /** Undefined variables and unknown filters fail the build; `false` turns them into warnings. */
  strict: z.boolean().default(true),
  /** Nested `flatify` calls deeper than this are a runaway template (a string that flatifies itself). */
  'max-flatify-depth': z.number().int().min(1).default(20),
  /**
   * Content types whose pages report undefined names as warnings in a strict site: for files that
   * relied on variables bound by Jekyll includes this generator does not have.
   */
  'lax-content-types': z.array(z.string()).default([]),
});

export const SiteConfigSchema = z.looseObject({
  title: z.string().default('API Reference'),
  description: z.string().default(''),
  /** Absolute origin of the deployed site (Jekyll's `url`), used by `absolute_url`. */
  url: z
    .string()
    .nullish()
    .transform((v) => (v ?? '').replace(/\/+$/, ''))
    .refine((v) => v === '' || SAFE_URL.test(v), {
      message: 'must be an http(s) URL without spaces, quotes or angle brackets, such as "https://docs.example.com"',
    }),
  /**
   * Path the site is served under (Jekyll's `baseurl`); becomes Astro's `base`, which Astro writes into
   * tags it makes itself (`<script type="module" src>`), so only URL path characters are allowed.
   */
  baseurl: z
    .string()
    .nullish()
    .transform((v) => normaliseBase(v ?? ''))
    .refine((v) => SAFE_BASE.test(v), {
      message: 'may only hold URL path characters (letters, digits, - . _ ~ ! $ & ( ) * + , ; = : @ and %XX escapes), such as "/docs"',
    }),
  folders: FoldersSchema.default(FoldersSchema.parse({})),
  /** Short names bound before every render, as Liquid expressions: `link: site.data.urls`. */
  aliases: z.record(z.string(), z.string()).default({}),
  liquid: LiquidConfigSchema.default(LiquidConfigSchema.parse({})),
  /** Where Errors-tab rows live: a Liquid expression giving a map of `<endpoint>: { all: [...] }`. */
  'response-codes': z.string().default('site.data[page.product-type].response-codes'),
  /**
   * Origin of the site this one replaces. Root-relative links to pages this site does not build (a
   * migrated site links to its old guides) are pointed there instead of being reported as broken.
   */
  'legacy-url': z
    .string()
    .nullish()
    .transform((v) => (v ?? '').replace(/\/+$/, '')),
  /** A link that lands on no page fails the build (`error`) or is only reported (`warn`). */
  'broken-links': z.enum(['error', 'warn']).default('error'),
  /** Bounds on the work one file or page may cause (schemas/limits.ts). */
  limits: LimitsSchema.default(DEFAULT_LIMITS),
});

export type SiteConfig = z.output<typeof SiteConfigSchema>;
export type SiteConfigInput = z.input<typeof SiteConfigSchema>;

/** `"/docs/"`, `"docs"` and `"/docs"` all mean `/docs`; an empty base is the root. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}
