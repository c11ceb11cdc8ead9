/**
 * The installed version of a package, found the way Node finds it from this package's folder (up through
 * each `node_modules`), so it works for packages that export no package.json and for ESM-only ones. Used
 * wherever a cache is keyed by what produced it: highlighted HTML (Shiki), the grammar table, the model.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package's root: the folder above src/ (this repository) or lib/ (an installed copy). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `missing` when no folder up from `from` has it; `unreadable` for a broken package.json. */
export function installedVersion(name: string, from: string = PACKAGE_ROOT): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) {
      try {
        return String(JSON.parse(readFileSync(file, 'utf8')).version);
      } catch {
        return 'unreadable';
      }
    }
    if (path.dirname(dir) === dir) return 'missing';
  }
}
