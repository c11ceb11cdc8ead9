/**
 * MDX prose pages are compiled to JavaScript modules and run during the build: an `export`, an `import` or
 * a `{…}` expression in a page from a pull request is code. Pages here need none of that (the reference
 * components are available without imports and take plain string attributes), so the build refuses them
 * before Astro compiles anything, naming the file and line. The check is lexical and errs on the side of
 * refusing: a literal brace in text is written `\{`, as MDX itself requires. An expression that is a plain
 * literal (`index={2}`, `{true}`, `{"text"}`) runs nothing, so a component's number prop may be written.
 */
import { ContentError } from './errors.ts';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ESM = /^(import|export)\b/;

const LITERAL_EXPRESSION = /\{\s*(?:-?\d+(?:\.\d+)?|true|false|null|"[^"\\{}]*"|'[^'\\{}]*')\s*\}/g;

/** The line with code spans, quoted JSX attribute values and literal expressions blanked out (no code). */
function codeFree(line: string): string {
  return line
    .replace(/(`+)[\s\S]*?\1/g, (m) => ' '.repeat(m.length))
    .replace(LITERAL_EXPRESSION, (m) => ' '.repeat(m.length))
    .replace(/<[A-Za-z][^>]*>/g, (tag) => tag.replace(/"[^"]*"|'[^']*'/g, (q) => ' '.repeat(q.length)));
}

export function proseCodeErrors(text: string, file: string): ContentError[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const errors: ContentError[] = [];
  let i = 0;
  if (lines[0]?.trim() === '---') {
    i = lines.findIndex((l, n) => n > 0 && l.trim() === '---') + 1;
    if (i === 0) return errors;
  }
  let fence: string | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const at = { file, line: i + 1 };
    if (ESM.test(line)) {
      errors.push(
        new ContentError(
          at,
          `"${line.split(/\s/)[0]}" in an MDX page runs code at build time; it is not allowed`,
          'The reference components (EndpointSummary, RequestSample) need no import.',
        ),
      );
      continue;
    }
    const brace = codeFree(line).search(/(?<!\\)\{/);
    if (brace >= 0) {
      errors.push(
        new ContentError(
          at,
          'a {…} expression in an MDX page runs code at build time; it is not allowed',
          'Write a literal brace as \\{, and give components plain attribute values: <RequestSample endpoint="…" />.',
        ),
      );
    }
  }
  return errors;
}
