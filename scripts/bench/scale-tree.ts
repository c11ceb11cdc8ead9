/**
 * `npm run bench -- --jekyll --scale 10`: a Jekyll tree with k times the content, for the "content × 10"
 * comparison. Every Markdown file of every collection folder (`_<name>` for each `collections:` entry of
 * `_config.yml`) is copied k - 1 more times under `<collection>/copy-<i>/`, file names and the values that
 * make a page's URL unique suffixed with `-c<i>`: `endpoint` (an object's key), `key` (an endpoint's or a
 * form's), and an `id` that names an endpoint key (an object's available-methods), so each copy is a
 * whole second reference with its own objects, endpoints and forms, rendered from the same site data.
 * Both generators build the same scaled tree.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const listMarkdown = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? listMarkdown(file) : name.endsWith('.md') ? [file] : [];
  });

const KEY_LINE = /^(endpoint|key):\s*"?([^"\n]+?)"?\s*$/gm;
const ID_LINE = /^(\s*-?\s*id:)\s*"?([^"\n]+?)"?\s*$/gm;

/** Writes the scaled copy of `tree` to `out` (replacing it); returns the number of Markdown files. */
export function scaleTree(tree: string, out: string, k: number): number {
  rmSync(out, { recursive: true, force: true });
  cpSync(tree, out, { recursive: true });
  const config = (parse(readFileSync(path.join(tree, '_config.yml'), 'utf8')) ?? {}) as { collections?: Record<string, unknown> };
  let count = 0;
  for (const name of Object.keys(config.collections ?? {})) {
    const folder = path.join(tree, `_${name}`);
    let files: string[];
    try {
      files = listMarkdown(folder);
    } catch {
      continue; // a collection the tree does not have
    }
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    const keys = new Set(texts.flatMap((t) => [...t.matchAll(KEY_LINE)].filter((m) => m[1] === 'key').map((m) => m[2]!)));
    count += files.length * k;
    for (let i = 2; i <= k; i++) {
      files.forEach((file, n) => {
        const rel = path.relative(folder, file).replace(/\.md$/, `-c${i}.md`);
        const dest = path.join(out, `_${name}`, `copy-${i}`, rel);
        const text = texts[n]!.replace(/^---\r?\n([\s\S]*?)\r?\n---/, (matter) =>
          matter
            .replace(KEY_LINE, (_, field: string, value: string) => `${field}: "${value}-c${i}"`)
            .replace(ID_LINE, (line, lead: string, value: string) => (keys.has(value) ? `${lead} "${value}-c${i}"` : line)),
        );
        mkdirSync(path.dirname(dest), { recursive: true });
        writeFileSync(dest, text);
      });
    }
  }
  return count;
}
