/**
 * The integration's options, validated once with astro/zod; every issue is reported in one AstroError.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';

const urlPath = (what: string) =>
  z.string().refine((s) => s.startsWith('/') && !s.includes('//') && !/[?#\s]/.test(s), `${what} must be a URL path starting with "/"`);

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
