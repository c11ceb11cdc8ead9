/**
 * `api-reference dev [dir]` and `api-reference preview [dir]`, through Astro's programmatic API with the
 * standalone config (no astro.config file is read).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadSiteConfig } from '../core/config.ts';
import type { AstroIntegration } from 'astro';
import { packageFile } from '../integration/index.ts';
import { standaloneConfig } from '../integration/standalone.ts';
import type { CliArgs } from './args.ts';
import { readBuildRecord } from './build-record.ts';
import { CliError, requireContentRoot } from './errors.ts';

const server = (args: CliArgs) => ({ ...(args.port ? { port: args.port } : {}), ...(args.host ? { host: args.host } : {}) });

/**
 * What preview knows of the built site's routes: the reference's own. Astro lists a project's routes before
 * serving even a static folder, and without any it warns "Missing pages directory: src/pages", which is
 * no concern of a site the command built.
 */
const previewRoutes: AstroIntegration = {
  name: 'api-reference-preview',
  hooks: {
    'astro:config:setup': ({ injectRoute }) =>
      injectRoute({ pattern: '/[...path]', entrypoint: packageFile('src/routes/Page.astro'), prerender: true }),
  },
};

/** Runs until the process is stopped. */
export async function runDev(args: CliArgs, cwd: string): Promise<void> {
  const { dev } = await import('astro');
  const inline = standaloneConfig({ root: args.root, config: args.configFile, projectRoot: cwd, outDir: args.out });
  await dev({ ...inline, configFile: false, logLevel: args.logLevel, server: server(args) });
}

/**
 * The base `preview` serves the output under: the one its build recorded, else the content's own (then the
 * content root must exist, and its absence reads as it does from every other command).
 */
export function previewBase(args: CliArgs, cwd: string): string {
  const recorded = readBuildRecord(args.out)?.base;
  if (recorded !== undefined) return recorded;
  requireContentRoot(args.root, cwd);
  return loadSiteConfig(args.root, args.configFile).config.baseurl || '/';
}

/**
 * Serves the output folder under the base it was built with (recorded by `build`); an output without a
 * record (built by `astro build` directly) is served under the content's configured base.
 */
export async function runPreview(args: CliArgs, cwd: string): Promise<void> {
  const { out } = args;
  if (!existsSync(out)) throw new CliError(`${path.relative(cwd, out) || out} does not exist`, 'Run `api-reference build` first.');
  const base = previewBase(args, cwd);
  const { preview } = await import('astro');
  await preview({
    root: cwd,
    configFile: false,
    outDir: out,
    base,
    logLevel: args.logLevel,
    server: server(args),
    integrations: [previewRoutes],
  });
}
