/**
 * The --out guard (src/core/output/guard.ts): which folders a build may replace. Each refusal must leave
 * the folder exactly as it was; the guard itself never writes.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER, checkTarget, isBuildOutput, OutputError, resolveTarget } from '../../src/core/output/guard.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'out-guard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// A content root with the folders a build reads, plus an includes folder outside it (as a preset has).
const root = path.join(tmp, 'site');
const data = path.join(root, 'data');
const reference = path.join(root, 'reference');
const presetIncludes = path.join(tmp, 'preset', 'includes');
for (const d of [data, reference, presetIncludes]) mkdirSync(d, { recursive: true });
writeFileSync(path.join(root, 'site.yml'), 'title: x\n');
writeFileSync(path.join(reference, 'a.md'), '---\ntitle: a\n---\n');
const options = { contentRoot: root, contentFolders: [data, reference, presetIncludes] };

function refusal(target: string): OutputError {
  const before = snapshot(tmp);
  let caught: unknown;
  try {
    checkTarget(resolveTarget(target), options);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(OutputError);
  expect(snapshot(tmp)).toEqual(before);
  return caught as OutputError;
}
const snapshot = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
const show = (p: string) => p; // every path here is outside the cwd, so messages show it absolute

describe('--out guard', () => {
  it('refuses the content root and any folder that contains it', () => {
    expect(refusal(root).message).toBe(
      `Output folder ${show(root)} is the content root: a build replaces its output folder, so this would delete the content.`,
    );
    expect(refusal(root).hint).toBe('Build into a folder of its own, e.g. --out dist.');
    expect(refusal(tmp).message).toBe(
      `Output folder ${tmp} contains the content root ${root}: a build replaces its output folder, so this would delete the content.`,
    );
    expect(refusal(path.parse(tmp).root).message).toContain('contains the content root');
  });

  it('refuses a symbolic link to the content root', () => {
    const link = path.join(tmp, 'link-to-site');
    symlinkSync(root, link);
    expect(refusal(link).message).toContain(`Output folder ${root} is the content root`);
  });

  it('refuses a folder the build reads content from, one inside it and one around it', () => {
    expect(refusal(data).message).toBe(
      `Output folder ${data} is a folder the build reads content from: a build replaces its output folder, so this would delete the content.`,
    );
    expect(refusal(path.join(data, 'dist')).message).toBe(
      `Output folder ${path.join(data, 'dist')} is inside ${data}, a folder the build reads content from: the next build would read the output as content.`,
    );
    expect(refusal(path.join(tmp, 'preset')).message).toBe(
      `Output folder ${path.join(tmp, 'preset')} contains ${presetIncludes}, a folder the build reads content from: a build replaces its output folder, so this would delete the content.`,
    );
  });

  it('refuses a folder with files that is not an earlier build output, and a file', () => {
    const foreign = path.join(tmp, 'photos');
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'holiday.jpg'), 'x');
    const error = refusal(foreign);
    expect(error.message).toBe(
      `Output folder ${foreign} is not empty and is not the output of an earlier build (it has no ${BUILD_MARKER} file): a build replaces the whole folder, so its files would be lost.`,
    );
    expect(error.hint).toBe(`Build into a new or empty folder, or remove ${foreign} yourself if nothing in it is needed.`);
    const file = path.join(tmp, 'notes.txt');
    writeFileSync(file, 'x');
    expect(refusal(file).message).toBe(`Output folder ${file} is a file, not a folder.`);
  });

  it('refuses a symbolic link to nothing', () => {
    const dangling = path.join(tmp, 'dangling');
    symlinkSync(path.join(tmp, 'nowhere'), dangling);
    expect(refusal(dangling).message).toBe(`Output folder ${dangling} is a symbolic link to a path that does not exist.`);
  });

  it('accepts a new folder, an empty one, a marked build output and a folder inside the content root', () => {
    const accept = (target: string) => expect(() => checkTarget(resolveTarget(target), options)).not.toThrow();
    accept(path.join(tmp, 'new', 'dist'));
    mkdirSync(path.join(tmp, 'empty'));
    accept(path.join(tmp, 'empty'));
    const marked = path.join(tmp, 'marked');
    mkdirSync(marked);
    writeFileSync(path.join(marked, BUILD_MARKER), '');
    writeFileSync(path.join(marked, 'index.html'), '');
    accept(marked);
    // Like Jekyll's _site: inside the content root but outside every folder the build reads.
    accept(path.join(root, 'dist'));
  });

  it('recognises the output of builds from before the marker (Astro assets and a Pagefind index)', () => {
    const legacy = path.join(tmp, 'legacy');
    mkdirSync(path.join(legacy, 'pagefind'), { recursive: true });
    mkdirSync(path.join(legacy, '_astro'));
    expect(isBuildOutput(legacy)).toBe(false);
    writeFileSync(path.join(legacy, 'pagefind', 'pagefind-entry.json'), '{}');
    expect(isBuildOutput(legacy)).toBe(true);
    rmSync(path.join(legacy, '_astro'), { recursive: true });
    expect(isBuildOutput(legacy)).toBe(false);
  });
});
