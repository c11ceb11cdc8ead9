#!/usr/bin/env node
// The `api-reference` command. An installed copy runs the compiled JavaScript in lib/ (Node does not strip
// types under node_modules); this repository runs its TypeScript sources directly (Node 24).
import { existsSync, mkdirSync, statSync } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

// V8's code cache on disk: Astro, Vite and our sources compile once, not on every run (about 0.4 s of CPU
// per command). NODE_COMPILE_CACHE when set; else a folder of this user's own in the temp folder, used only
// when this user owns it (on a shared machine, nobody else's compiled code is loaded). A no-op where Node
// lacks it.
function compileCacheDir() {
  if (process.env.NODE_COMPILE_CACHE) return process.env.NODE_COMPILE_CACHE;
  const dir = path.join(os.tmpdir(), `api-reference-compile-cache-${process.getuid?.() ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const owner = statSync(dir).uid;
    return process.getuid && owner !== process.getuid() ? undefined : dir;
  } catch {
    return undefined;
  }
}
const cacheDir = compileCacheDir();
if (cacheDir) module.enableCompileCache?.(cacheDir);

const compiled = new URL('../lib/cli/index.js', import.meta.url);
const installed = import.meta.url.includes('/node_modules/') && existsSync(compiled);
const { main } = await import(installed ? compiled.href : new URL('../src/cli/index.ts', import.meta.url).href);
const code = await main(process.argv.slice(2), process.env, process.cwd());
// dev and preview keep running (-1); everything else exits with its code.
if (code >= 0) process.exit(code);
