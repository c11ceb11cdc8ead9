/**
 * Builds the Pagefind search index into `<dist>/pagefind`. Result URLs are relative to the site root; the
 * search component adds the base path at query time. Only pages with `data-pagefind-body` (the main content
 * of reference pages) are indexed; navigation is never part of it.
 *
 * Pagefind runs as its own process, awaited until it exits (Pagefind's Node API kills its service process
 * instead, so the work it did would go uncounted in a measurement of the build).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const EXCLUDE = ['nav', 'header', 'footer', '.copy'];

function pagefindBinary(): string {
  // The binary is an optional dependency of the `pagefind` package, one per platform.
  const fromPagefind = createRequire(import.meta.resolve('pagefind'));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const names = ['pagefind_extended', 'pagefind'].map((n) => (platform === 'windows' ? `${n}.exe` : n));
  for (const name of names) {
    try {
      return fromPagefind.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}`);
    } catch {
      // Try the next name.
    }
  }
  throw new Error(`Pagefind has no binary for ${platform}-${process.arch}; reinstall the pagefind package`);
}

export async function indexForSearch(dist: string): Promise<{ pages: number }> {
  const args = ['--site', dist, '--output-path', path.join(dist, 'pagefind'), ...EXCLUDE.flatMap((s) => ['--exclude-selectors', s])];
  const child = spawn(pagefindBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`Pagefind failed (exit ${code}):\n${output.trim()}`);
  const pages = Number(/Indexed (\d+) pages?/.exec(output)?.[1] ?? NaN);
  if (!Number.isFinite(pages)) throw new Error(`Pagefind reported no page count:\n${output.trim()}`);
  return { pages };
}
