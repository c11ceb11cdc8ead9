/**
 * An operation's responses: the success status read from the Returns text (`a status of 201 Created`,
 * else 200), its examples from the Response tab and its schema from the response attributes; one
 * response per status of the Errors table, its conditions as the description and its bodies as examples.
 */
import type { CodeSample, EndpointEntry } from '../../schemas/reference.ts';
import { htmlToCode, htmlToMarkdown, htmlToText } from '../export/html-to-markdown.ts';
import type { OperationContext } from './operation.ts';
import { objectSchema, type Schema } from './schema.ts';

interface MediaType {
  schema?: Schema;
  examples?: Record<string, { summary?: string; value: unknown }>;
}
interface Response {
  description: string;
  content?: Record<string, MediaType>;
}
export type Responses = Record<string, Response>;

const STATUS = /^[1-5](?:\d\d|XX)$/;

/** The first status code the Returns text names, as the success status; 200 when it names none. */
export function successStatus(returnsHtml: string): string {
  return /\b([123]\d\d)\b/.exec(htmlToText(returnsHtml))?.[1] ?? '200';
}

function exampleOf(text: string, lang: string): { type: string; value: unknown } {
  const trimmed = text.trim();
  if (lang === 'json' || /^[[{]/.test(trimmed)) {
    try {
      return { type: 'application/json', value: JSON.parse(trimmed) };
    } catch {
      // Shown as JSON but not JSON (placeholders, comments): kept as text.
    }
  }
  return { type: 'text/plain', value: trimmed };
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 48)
      .replace(/^-|-$/g, '') || 'example'
  );
}

function addExample(response: Response, title: string | undefined, example: { type: string; value: unknown }): void {
  const media = ((response.content ??= {})[example.type] ??= {});
  const examples = (media.examples ??= {});
  let key = slug(title ?? 'example');
  for (let i = 2; key in examples; i++) key = `${slug(title ?? 'example')}-${i}`;
  examples[key] = { ...(title ? { summary: title } : {}), value: example.value };
}

export function successResponse(entry: EndpointEntry, ctx: OperationContext): Responses {
  const description = htmlToMarkdown(entry.returnsHtml, ctx.resolve) || 'Success.';
  const response: Response = { description };
  entry.responses.forEach((sample: CodeSample) => addExample(response, sample.title, exampleOf(sample.code, sample.lang)));
  if (entry.responseAttributes.length) {
    const media = ((response.content ??= {})['application/json'] ??= {});
    media.schema = objectSchema(entry.responseAttributes, { resolve: ctx.resolve });
  }
  return { [successStatus(entry.returnsHtml)]: response };
}

export function errorResponses(entry: EndpointEntry, responses: Responses, ctx: OperationContext): void {
  const byCode = new Map<string, typeof entry.errors>();
  for (const row of entry.errors) {
    const code = row.code.trim().toUpperCase();
    if (!STATUS.test(code)) {
      ctx.warn(`${entry.source}: error code "${row.code}" is not an HTTP status; left out of the OpenAPI document`);
      continue;
    }
    byCode.set(code, [...(byCode.get(code) ?? []), row]);
  }
  for (const [code, rows] of byCode) {
    const conditions = rows.map((r) => htmlToMarkdown(r.conditionHtml, ctx.resolve)).filter(Boolean);
    const text = conditions.length > 1 ? conditions.map((c) => `- ${c.replace(/\n/g, '\n  ')}`).join('\n') : (conditions[0] ?? '');
    const existing = responses[code];
    const response = existing ?? { description: text || 'Error.' };
    // A status that is also the success status (a 200 listed among the errors) keeps both texts.
    if (existing && text) existing.description = `${existing.description}\n\n${text}`;
    rows.forEach((r, i) => {
      const body = htmlToCode(r.bodyHtml);
      if (body) addExample(response, rows.length > 1 ? htmlToText(r.conditionHtml) || `Error ${i + 1}` : undefined, exampleOf(body, ''));
    });
    responses[code] = response;
  }
}
