/**
 * The site config: `site.yml` in a native content root, or a Jekyll `_config.yml` mapped by the `jekyll`
 * preset, optionally overlaid by an extra file (SITE_CONFIG) that adds what the Jekyll includes used to bind.
 */
import { z } from 'zod';
import { DEFAULT_LABELS, LabelsSchema } from './labels.ts';
import { DEFAULT_LIMITS, LimitsSchema } from './limits.ts';
import { ThemeSchema } from './theme.ts';
import { DEFAULT_TRY_IT, TryItSchema } from './try-it.ts';

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
  data: z.string().default('data').describe('Site data folder: data/a/b.yml is site.data.a.b.'),
  /** Folders searched (recursively) for endpoint, object, structure and doc files. */
  reference: folderList.default(['reference']).describe('Folders searched for endpoint, object, structure and doc files.'),
  /** MDX prose pages. */
  pages: z.string().default('pages').describe('MDX prose pages.'),
  /** Liquid includes for `{% include %}` inside front-matter strings. */
  includes: folderList.default(['includes']).describe('Liquid includes for {% include %} in front-matter strings.'),
});

export const LiquidConfigSchema = z.object({
  /** Undefined variables and unknown filters fail the build; `false` turns them into warnings. */
  strict: z
    .boolean()
    .default(true)
    .describe('Undefined variables, missing site-data keys and unknown filters fail the build (false: warnings).'),
  /** Nested `flatify` calls deeper than this are a runaway template (a string that flatifies itself). */
  'max-flatify-depth': z.number().int().min(1).default(20).describe('Deeper flatify nesting is reported as runaway recursion.'),
  /**
   * Content types whose pages report undefined names as warnings in a strict site: for files that
   * relied on variables bound by Jekyll includes this generator does not have.
   */
  'lax-content-types': z.array(z.string()).default([]).describe('Content types whose undefined names are warnings.'),
});

/**
 * The resource list of every endpoint page: a Liquid expression giving a list of rows (`name`,
 * `description`, optional `id`), and for row ids that are conditional, a Liquid expression that must give
 * something (not nothing, false, 0, "" or an empty list) for the row to show. Both are evaluated in the
 * endpoint's context, `item` bound to the row.
 */
export const ResourceListSchema = z.object({
  rows: z.string().describe('Liquid expression giving the rows (`name`, `description`, optional `id`).'),
  'show-if': z
    .record(z.string(), z.string())
    .default({})
    .describe('Row id → Liquid expression that must give something for the row to show.'),
});

/** Sidebar group of each doc content type, in sidebar order (MDX pages join the `api-doc` group). */
export const DEFAULT_DOC_GROUPS = {
  overview: 'Overview',
  'api-doc': 'Guides',
  guide: 'Tutorials',
  'js-doc': 'JavaScript client',
};

export const FrontMatterConfigSchema = z.object({
  /**
   * Keys that are not typos although the generator does not read them, by content type (`"*"`: every
   * type): a Jekyll tree's templates read keys of their own. Nested keys as dotted paths through lists
   * (`object-attributes.applies-to`); a declared key's value is not checked further.
   */
  'known-keys': z
    .record(z.string(), z.array(z.string()))
    .default({})
    .describe('Extra known front-matter keys by content type ("*": all), as dotted paths.'),
});

/**
 * One product of a tree whose files say `product-type: <key>`: each is its own API reference (index page,
 * sidebar section, search filter, object namespace). Every field is optional.
 */
export const ProductConfigSchema = z.object({
  /** Shown in the sidebar, on index pages and in the search filter. Default: the key, title-cased. */
  title: z.string().optional().describe('Shown in the sidebar, on index pages and in the search filter.'),
  /** Position among the products (lower first). Default: the order of this mapping, then unlisted keys A-Z. */
  order: z.number().optional().describe('Position among the products (lower first).'),
  /**
   * URL segment after `reference/`, `structures/`, `forms/`, `guides/`. Default: the key slugified when the
   * site has more than one product, none when it has one. `""` keeps a product at the top (a site that adds
   * a second product keeps its first product's URLs that way).
   */
  path: z.string().optional().describe('URL segment of the product’s pages ("" keeps them at the top).'),
  /** Names bound on this product's pages only, on top of the site-wide `aliases` (Liquid expressions). */
  aliases: z.record(z.string(), z.string()).default({}).describe('Names bound on this product’s pages only.'),
  /**
   * Liquid template for the heading of this product's objects (sidebar, object page, index), rendered with
   * `object` bound: `"{{ object.title | append: 's' }}"`. An object's own `plural` wins; default: its title.
   */
  'object-heading': z.string().optional().describe('Liquid template for the heading of the product’s objects, `object` bound.'),
});

/**
 * The site config. Loose: other top-level keys are the site's own variables, which Liquid reads as
 * `site.<key>` (a key close to a known one, such as `titel`, is reported as a likely typo).
 */
export const SiteConfigSchema = z.looseObject({
  title: z.string().default('API Reference').describe('Site title.'),
  description: z.string().default('').describe('Site description (meta tags).'),
  /** Absolute origin of the deployed site (Jekyll's `url`), used by `absolute_url`. */
  url: z
    .string()
    .nullish()
    .transform((v) => (v ?? '').replace(/\/+$/, ''))
    .refine((v) => v === '' || SAFE_URL.test(v), {
      message: 'must be an http(s) URL without spaces, quotes or angle brackets, such as "https://docs.example.com"',
    })
    .describe('Absolute origin of the deployed site (Jekyll url).'),
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
    })
    .describe('Path the site is served under (Jekyll baseurl).'),
  folders: FoldersSchema.default(FoldersSchema.parse({})).describe('Where the content lives.'),
  /** Short names bound before every render, as Liquid expressions: `link: site.data.urls`. */
  aliases: z.record(z.string(), z.string()).default({}).describe('Names bound before every render, as Liquid expressions.'),
  liquid: LiquidConfigSchema.default(LiquidConfigSchema.parse({})).describe('Liquid options.'),
  /** Per-product settings, keyed by the `product-type` value of the product's files. */
  products: z.record(z.string(), ProductConfigSchema).default({}).describe('Per-product settings, by product-type.'),
  /** Where Errors-tab rows live: a Liquid expression giving a map of `<endpoint>: { all: [...] }`. */
  'response-codes': z
    .string()
    .default('site.data[page.product-type].response-codes')
    .describe('Liquid expression for the Errors-tab rows.'),
  /**
   * Origin of the site this one replaces. Root-relative links to pages this site does not build (a
   * migrated site links to its old guides) are pointed there instead of being reported as broken.
   */
  'legacy-url': z
    .string()
    .nullish()
    .transform((v) => (v ?? '').replace(/\/+$/, ''))
    .describe('Origin of the replaced site, for links to pages this site does not build.'),
  /** Rows of the "Resource list" table on endpoint pages; none when unset. */
  'resource-list': ResourceListSchema.optional().describe('Rows of the endpoint pages’ Resource list table.'),
  /** Sidebar group titles of the doc content types (`api-doc`, `overview`, `guide`, `js-doc`). */
  'doc-groups': z
    .record(z.string(), z.string())
    .default({})
    .transform((v): Record<string, string> => ({ ...DEFAULT_DOC_GROUPS, ...v }))
    .describe('Sidebar group titles of the doc content types.'),
  /** A link that lands on no page fails the build (`error`) or is only reported (`warn`). */
  'broken-links': z.enum(['error', 'warn']).default('error').describe('A link to no page fails the build, or warns.'),
  'front-matter': FrontMatterConfigSchema.default(FrontMatterConfigSchema.parse({})).describe('Front-matter checks.'),
  /** Bounds on the work one file or page may cause (schemas/limits.ts). */
  limits: LimitsSchema.default(DEFAULT_LIMITS).describe('Bounds on the work one file or page may cause.'),
  /** Interface wording that depends on what the site documents (schemas/labels.ts). */
  labels: LabelsSchema.default(DEFAULT_LABELS).describe('Names of page kinds that depend on the site (forms).'),
  /** Logo, favicon, accent colour, header and footer links, "Edit this page" (schemas/theme.ts). */
  theme: ThemeSchema.default(ThemeSchema.parse({})).describe('Logo, favicon, accent colour, header and footer links, edit link.'),
  /** The Try it panel of endpoint pages (schemas/try-it.ts). */
  'try-it': TryItSchema.default(DEFAULT_TRY_IT).describe('The Try it panel of endpoint pages: switch, unsafe methods, servers, timeout.'),
});

export type SiteConfig = z.output<typeof SiteConfigSchema>;
export type ResourceListConfig = z.output<typeof ResourceListSchema>;
export type ProductConfig = z.output<typeof ProductConfigSchema>;
export type SiteConfigInput = z.input<typeof SiteConfigSchema>;

/** `"/docs/"`, `"docs"` and `"/docs"` all mean `/docs`; an empty base is the root. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}
