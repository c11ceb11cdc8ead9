/**
 * The integration's options, validated once with astro/zod; every issue is reported in one AstroError.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';

/** What RFC 3986 allows in a path segment (pchar): unreserved, sub-delims, ":", "@" and %XX escapes. */
const SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*$/;

/**
 * A URL path such as `/api/`. Astro takes these as given and fails later, far from the option (or builds
 * pages outside the prefix for `/../`), so each segment is checked here: no empty, `.` or `..` segments and
 * only characters a path segment may hold.
 */
const urlPath = (what: string) =>
  z.string().superRefine((s, ctx) => {
    const fail = (why: string) => ctx.addIssue({ code: 'custom', message: `${what} must be a URL path like "/api/": ${why}` });
    if (!s.startsWith('/')) return fail(`${JSON.stringify(s)} does not start with "/"`);
    const segments = s.slice(1).replace(/\/$/, '').split('/');
    if (s === '/') return;
    for (const segment of segments) {
      if (segment === '') return fail(`${JSON.stringify(s)} has an empty segment ("//")`);
      if (segment === '.' || segment === '..') return fail(`${JSON.stringify(s)} has a "${segment}" segment`);
      if (!SEGMENT.test(segment)) {
        const bad = [...segment].find((c, i) => !SEGMENT.test(c) && !(c === '%' && SEGMENT.test(segment.slice(i, i + 3))))!;
        return fail(`${JSON.stringify(s)} has ${JSON.stringify(bad)}, which a URL path segment cannot hold (write it %-encoded)`);
      }
    }
  });

export const OptionsSchema = z.strictObject({
  /** The content root: site.yml (or Jekyll's _config.yml), data, reference, pages, includes. Relative to the project. */
  root: z.string().min(1, 'root must name the content folder'),
  /** A config overlay laid over the content's own config (e.g. presets/stitch-docs.yml). Relative to the project. */
  config: z.string().min(1).optional(),
  /** Where the reference lives in the site, under the site's base: `/` (the whole site) or e.g. `/api/`. */
  prefix: urlPath('prefix').default('/'),
  /** Sets the site's `base` (otherwise the host's own is used). */
  base: urlPath('base').optional(),
  /** Sets the site's `site` URL (otherwise the host's own is used). */
  site: z.url({ protocol: /^https?$/, error: 'site must be an http(s) URL' }).optional(),
  /** Build a Pagefind index. Default: unless the host builds one itself (Starlight). */
  search: z.boolean().optional(),
  /** Write sitemap.xml and robots.txt. Default: unless the host has a sitemap (@astrojs/sitemap, Starlight). */
  sitemap: z.boolean().optional(),
  /** Add a 404 page. Default: when the reference is the whole site and the host has no 404 page. */
  notFound: z.boolean().optional(),
});

export type ApiReferenceOptions = z.input<typeof OptionsSchema>;

export interface ResolvedOptions extends Omit<z.output<typeof OptionsSchema>, 'config'> {
  /** Absolute content root. */
  root: string;
  /** Absolute overlay file. */
  configFile?: string;
  /** `/` or `/api/`: always with a trailing slash. */
  prefix: string;
}

/** Validates and resolves paths against the Astro project root; throws one AstroError listing every issue. */
export function resolveOptions(input: unknown, projectRoot: string): ResolvedOptions {
  const parsed = OptionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new AstroError(
      `Invalid api-reference options:\n${z.prettifyError(parsed.error)}`,
      'See the options of apiReference() in the README ("Use it in your Astro site").',
    );
  }
  const { config, ...options } = parsed.data;
  const root = path.resolve(projectRoot, options.root);
  const configFile = config ? path.resolve(projectRoot, config) : undefined;
  const missing = [
    !existsSync(root) && `root: ${root} does not exist`,
    configFile && !existsSync(configFile) && `config: ${configFile} does not exist`,
  ].filter(Boolean);
  if (missing.length) {
    throw new AstroError(
      `Invalid api-reference options:\n${missing.map((m) => `✖ ${m}`).join('\n')}`,
      'Paths are relative to the Astro project root.',
    );
  }
  return { ...options, root, ...(configFile ? { configFile } : {}), prefix: options.prefix.replace(/\/?$/, '/') };
}
