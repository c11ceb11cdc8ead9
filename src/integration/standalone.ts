/**
 * A site that is only the reference (this repository's sample site, and every site the CLI builds): the
 * Astro config it needs, in one place. `base` and `site` come from the content's own config (`baseurl` and
 * `url` in site.yml or Jekyll's _config.yml), passed to Astro explicitly; the integration itself never
 * takes them over.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AstroInlineConfig } from 'astro';
import { loadSiteConfig } from '../core/config.ts';
import { THEMES } from '../core/highlight.ts';
import { toAstroError } from './errors.ts';
import { createIntegration, packageFile } from './index.ts';
import type { PausePoint } from '../core/output/test-pause.ts';
import type { Handoff } from './handoff.ts';
import type { ReferencePage } from './host-routes.ts';

export interface StandaloneOptions {
  /** Content root (absolute, or relative to `projectRoot`). */
  root: string;
  /** Config overlay. */
  config?: string;
  /** Astro's project root; default the working directory. */
  projectRoot?: string;
  outDir?: string;
  /** The model the caller already built for this build. */
  handoff?: Handoff;
  /** That model's pages (host-routes.ts referencePages), checked against any pages of the project's own. */
  pages?: ReferencePage[];
  /** Test hook (core/output/test-pause.ts). */
  pause?: PausePoint;
}

/**
 * Astro keeps its caches per content root and output folder, so builds of different trees, or of one tree
 * into two folders at the same time, never share or clobber a store.
 */
export function standaloneCacheDir(projectRoot: string, root: string, outDir: string): string {
  const key = createHash('sha256')
    .update(`${path.resolve(projectRoot, root)}\0${path.resolve(projectRoot, outDir)}`)
    .digest('hex')
    .slice(0, 12);
  return path.join(projectRoot, 'node_modules/.astro', key);
}

export function standaloneConfig(options: StandaloneOptions): AstroInlineConfig {
  const projectRoot = path.resolve(options.projectRoot ?? '.');
  const root = path.resolve(projectRoot, options.root);
  const configFile = options.config ? path.resolve(projectRoot, options.config) : undefined;
  const outDir = path.resolve(projectRoot, options.outDir ?? 'dist');
  let site;
  try {
    site = loadSiteConfig(root, configFile).config;
  } catch (error) {
    throw toAstroError(error);
  }
  // Build output and test scratch folders (thousands of generated files) are no business of the dev
  // watcher, unless the content being previewed lives there.
  // The staging and old folders of a build in progress sit beside the output (core/output/swap.ts).
  const ignored = [outDir, `${outDir}.staging-*`, `${outDir}.old-*`, path.join(projectRoot, 'tests/.tmp')]
    .filter((d) => d !== root && !root.startsWith(d + path.sep))
    .map((d) => `${d}/**`);
  return {
    root: projectRoot,
    base: site.baseurl || '/',
    ...(site.url ? { site: site.url } : {}),
    trailingSlash: 'ignore',
    build: { format: 'directory' },
    outDir,
    cacheDir: standaloneCacheDir(projectRoot, root, outDir),
    publicDir: packageFile('public'),
    // Fences in prose pages use the same light/dark pair as the reference's code samples.
    markdown: { shikiConfig: { themes: THEMES, defaultColor: 'light' } },
    devToolbar: { enabled: false },
    integrations: [
      createIntegration(
        { root, ...(configFile ? { config: configFile } : {}) },
        { handoff: options.handoff, pages: options.pages, pause: options.pause },
      ),
    ],
    // The CLI builds into a fresh staging folder holding only the marker that proves the build made it
    // (core/output/swap.ts); Astro's emptying of outDir would remove that proof for the whole Astro stage.
    vite: { server: { watch: { ignored } }, build: { emptyOutDir: false } },
  };
}
