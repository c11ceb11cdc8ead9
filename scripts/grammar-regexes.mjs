/**
 * Part of `npm run prepare`, after tsc: writes lib/grammar-regexes.json, every pattern of the grammars the
 * highlighter loads translated for Shiki's JavaScript regex engine (src/core/grammar-regexes.ts). Plain
 * JavaScript over the compiled lib/, so it runs under any Node an install runs prepare with.
 */
import { writeFileSync } from 'node:fs';
import { precompileGrammarRegexes, TABLE_FILE } from '../lib/core/grammar-regexes.js';
import { loadShiki } from '../lib/core/highlight.js';

const started = performance.now();
const table = await precompileGrammarRegexes(await loadShiki('javascript'));
writeFileSync(TABLE_FILE, JSON.stringify(table));
const count = Object.keys(table.patterns).length;
console.log(`lib/grammar-regexes.json: ${count} grammar patterns precompiled in ${Math.round(performance.now() - started)} ms`);
