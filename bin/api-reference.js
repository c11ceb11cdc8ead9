#!/usr/bin/env node
// The `api-reference` command. An installed copy runs the compiled JavaScript in lib/ (Node does not strip
// types under node_modules); this repository runs its TypeScript sources directly (Node 24).
import { existsSync } from 'node:fs';
import module from 'node:module';

// V8's code cache on disk (NODE_COMPILE_CACHE or the OS temp folder): Astro, Vite and our sources compile
// once, not on every run; about 0.4 s of CPU per command. A no-op where Node lacks it.
module.enableCompileCache?.();

const compiled = new URL('../lib/cli/index.js', import.meta.url);
const installed = import.meta.url.includes('/node_modules/') && existsSync(compiled);
const { main } = await import(installed ? compiled.href : new URL('../src/cli/index.ts', import.meta.url).href);
const code = await main(process.argv.slice(2), process.env, process.cwd());
// dev and preview keep running (-1); everything else exits with its code.
if (code >= 0) process.exit(code);
