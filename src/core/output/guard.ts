/**
 * Which folders a build may replace. A build swaps its whole output folder for a new one, so pointing it at
 * the wrong folder deletes that folder. The rules (README "Where the output goes"):
 *  - never the content root, nor a folder that contains it;
 *  - never a folder the build reads content from (data, reference, includes, prose pages), nor one inside
 *    or around such a folder: the next build would read the output back as content;
 *  - elsewhere (inside the content root too, like Jekyll's `_site`), only a folder that does not exist, is
 *    empty, or holds the marker file every build writes into its output.
 * Paths are compared after following symbolic links, so a link cannot smuggle the content root in.
 */
import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Written into every build output; its presence is what lets the next build replace the folder. */
export const BUILD_MARKER = '.api-reference-build';
export const BUILD_MARKER_TEXT =
  'This folder was written by the API reference build (api-reference-site). The next build replaces all of it.\n';

/** A refusal or failure about the output folder, with a hint for the reader; nothing was changed. */
export class OutputError extends Error {
  readonly hint?: string;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'OutputError';
    this.hint = hint;
  }
}

/** Paths as a reader would type them: relative to the cwd when inside it, absolute otherwise. */
export function showPath(p: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

/** The real path of `p`, following links in every existing part (the missing tail is appended as is). */
export function realPath(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const tail: string[] = [];
  while (!existsSync(head)) {
    const parent = path.dirname(head);
    if (parent === head) break;
    tail.unshift(path.basename(head));
    head = parent;
  }
  return path.join(realpathSync(head), ...tail);
}

/** `inner` is `outer` or lies below it. */
export function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export interface GuardOptions {
  contentRoot: string;
  /** Folders the build reads content from (data, reference folders, includes, prose pages). */
  contentFolders?: string[];
}

/**
 * The folder a build will replace: `target` with symbolic links followed (a link to a folder is replaced
 * at the folder it points to, so the link itself keeps working). A link to nothing is refused.
 */
export function resolveTarget(target: string): string {
  const abs = path.resolve(target);
  try {
    if (lstatSync(abs).isSymbolicLink() && !existsSync(abs)) {
      throw new OutputError(
        `Output folder ${showPath(abs)} is a symbolic link to a path that does not exist.`,
        'Point --out at a real folder.',
      );
    }
  } catch (error) {
    if (error instanceof OutputError) throw error;
  }
  return realPath(abs);
}

const isFile = (p: string) => {
  try {
    return lstatSync(p).isFile();
  } catch {
    return false;
  }
};

/**
 * A folder the build may replace: it holds the marker. Output of versions before the marker existed is
 * recognised by what every such build wrote (Astro's `_astro/` assets and Pagefind's entry file): a
 * regenerable site, never hand-written files.
 */
export function isBuildOutput(dir: string): boolean {
  if (isFile(path.join(dir, BUILD_MARKER))) return true;
  return isFile(path.join(dir, 'pagefind', 'pagefind-entry.json')) && existsSync(path.join(dir, '_astro'));
}

/** Throws an OutputError when a build must not replace `target` (a path from resolveTarget). */
export function checkTarget(target: string, options: GuardOptions): void {
  const shown = showPath(target);
  const root = realPath(options.contentRoot);
  const destroys = 'a build replaces its output folder, so this would delete the content';
  const elsewhere = 'Build into a folder of its own, e.g. --out dist.';
  if (target === root) throw new OutputError(`Output folder ${shown} is the content root: ${destroys}.`, elsewhere);
  if (isWithin(root, target)) {
    throw new OutputError(`Output folder ${shown} contains the content root ${showPath(root)}: ${destroys}.`, elsewhere);
  }
  for (const folder of (options.contentFolders ?? []).map(realPath)) {
    if (folder === target)
      throw new OutputError(`Output folder ${shown} is a folder the build reads content from: ${destroys}.`, elsewhere);
    if (isWithin(folder, target)) {
      throw new OutputError(
        `Output folder ${shown} contains ${showPath(folder)}, a folder the build reads content from: ${destroys}.`,
        elsewhere,
      );
    }
    if (isWithin(target, folder)) {
      throw new OutputError(
        `Output folder ${shown} is inside ${showPath(folder)}, a folder the build reads content from: the next build would read the output as content.`,
        elsewhere,
      );
    }
  }
  if (!existsSync(target)) return;
  if (!lstatSync(target).isDirectory()) {
    throw new OutputError(`Output folder ${shown} is a file, not a folder.`, elsewhere);
  }
  if (readdirSync(target).length > 0 && !isBuildOutput(target)) {
    throw new OutputError(
      `Output folder ${shown} is not empty and is not the output of an earlier build (it has no ${BUILD_MARKER} file): ` +
        'a build replaces the whole folder, so its files would be lost.',
      `Build into a new or empty folder, or remove ${shown} yourself if nothing in it is needed.`,
    );
  }
}
