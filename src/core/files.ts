/** Directory walking shared by the data and document readers: sorted, dot-files skipped, missing dir = []. */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';

export function listFiles(dir: string, pattern: RegExp): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return listFiles(full, pattern);
      return pattern.test(e.name) ? [full] : [];
    });
}
