/**
 * `api-reference dev [dir]` and `api-reference preview [dir]`, through Astro's programmatic API with the
 * standalone config (no astro.config file is read).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadSiteConfig } from '../core/config.ts';
import { standaloneConfig } from '../integration/standalone.ts';
import { UsageError, type CliArgs } from './args.ts';
import { readBuildRecord } from './build-record.ts';

const server = (args: CliArgs) => ({ ...(args.port ? { port: args.port } : {}), ...(args.host ? { host: args.host } : {}) });

/** Runs until the process is stopped. */
export async function runDev(args: CliArgs, cwd: string): Promise<void> {
  const { dev } = await import('astro');
  const inline = standaloneConfig({ root: args.root, config: args.configFile, projectRoot: cwd, outDir: args.out });
  await dev({ ...inline, configFile: false, logLevel: args.logLevel, server: server(args) });
}

/** The base `preview` serves the output under: the one its build recorded, else the content's own. */
export function previewBase(args: CliArgs): string {
  return readBuildRecord(args.out)?.base ?? (loadSiteConfig(args.root, args.configFile).config.baseurl || '/');
}

/**
 * Serves the output folder under the base it was built with (recorded by `build`); an output without a
 * record (built by `astro build` directly) is served under the content's configured base.
 */
export async function runPreview(args: CliArgs, cwd: string): Promise<void> {
  const { out } = args;
  if (!existsSync(out)) throw new UsageError(`${path.relative(cwd, out) || out} does not exist: run \`api-reference build\` first`);
  const base = previewBase(args);
  const { preview } = await import('astro');
  await preview({ root: cwd, configFile: false, outDir: out, base, logLevel: args.logLevel, server: server(args) });
}
