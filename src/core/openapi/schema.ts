/**
 * JSON Schema (OpenAPI 3.1's dialect, JSON Schema 2020-12) for the arguments and attributes of the
 * reference: the `type` the docs wrote, `required`, nested `subarguments`, descriptions as CommonMark
 * and `example-value` as an example. Types are free text in the format; the common spellings map to
 * JSON types and anything else keeps its words in `x-type`, so nothing is invented.
 */
import type { Param } from '../../schemas/reference.ts';
import type { ResolveHref } from '../export/html-to-markdown.ts';
import { htmlToMarkdown } from '../export/html-to-markdown.ts';

export type Schema = Record<string, unknown>;

const SCALARS: Record<string, Schema> = {
  string: { type: 'string' },
  text: { type: 'string' },
  str: { type: 'string' },
  integer: { type: 'integer' },
  int: { type: 'integer' },
  long: { type: 'integer' },
  number: { type: 'number' },
  float: { type: 'number' },
  double: { type: 'number' },
  decimal: { type: 'number' },
  boolean: { type: 'boolean' },
  bool: { type: 'boolean' },
  object: { type: 'object' },
  hash: { type: 'object' },
  map: { type: 'object' },
  dictionary: { type: 'object' },
  array: { type: 'array' },
  list: { type: 'array' },
  timestamp: { type: 'string', format: 'date-time' },
  datetime: { type: 'string', format: 'date-time' },
  'date-time': { type: 'string', format: 'date-time' },
  date: { type: 'string', format: 'date' },
  null: { type: 'null' },
  // Where a parameter goes is not its type; its value travels as text.
  'path parameter': { type: 'string' },
  'query parameter': { type: 'string' },
  'header parameter': { type: 'string' },
  'path param': { type: 'string' },
  'query param': { type: 'string' },
};

/**
 * The JSON Schema of a type as written: `string`, `Integer`, `timestamp`, `array of strings`,
 * `string[]`, `string or null`, `string, null`. `undefined` for words we do not know.
 */
export function typeSchema(written: string): Schema | undefined {
  const t = written.trim().toLowerCase().replace(/\s+/g, ' ');
  if (SCALARS[t]) return { ...SCALARS[t] };
  const arrayOf = /^(?:array|list) of (.+?)s?$/.exec(t) ?? /^(.+?)\[\]$/.exec(t);
  if (arrayOf) {
    const items = typeSchema(arrayOf[1]) ?? typeSchema(`${arrayOf[1]}s`);
    return items ? { type: 'array', items } : undefined;
  }
  const parts = t.split(/\s*(?:\bor\b|,|\|)\s*/).filter(Boolean);
  if (parts.length > 1) {
    const schemas = parts.map(typeSchema);
    if (schemas.some((s) => !s)) return undefined;
    // `string or null` is a type list; mixed formats or item types need anyOf.
    const plain = schemas.every((s) => Object.keys(s!).length === 1);
    return plain ? { type: [...new Set(schemas.map((s) => s!.type as string))] } : { anyOf: schemas };
  }
  return undefined;
}

/**
 * An `example-value` as data: JSON when it reads as JSON (`1850`, `"Mina"`, `{…}`), else the text. A
 * value of a string type stays text (`limit=2` in a query is the characters `2`).
 */
export function exampleValue(text: string, schema: Schema = {}): unknown {
  const t = text.trim();
  let value: unknown = t;
  try {
    value = JSON.parse(t);
  } catch {
    // Not JSON: the text itself.
  }
  return schema.type === 'string' && typeof value !== 'string' ? t : value;
}

export interface SchemaOptions {
  resolve?: ResolveHref;
}

/** The schema of one argument or attribute, with its children as properties (or as array items). */
export function paramSchema(p: Param, options: SchemaOptions = {}): Schema {
  const known = typeSchema(p.type);
  const schema: Schema = known ?? (p.type.trim() ? { 'x-type': p.type.trim() } : {});
  const description = htmlToMarkdown(p.descriptionHtml, options.resolve);
  if (description) schema.description = description;
  if (p.example !== undefined && p.example.trim()) schema.examples = [exampleValue(p.example, schema)];
  if (p.children.length) {
    // Children of an array describe each item; of anything else, the value's own properties.
    const { properties, required } = objectSchema(p.children, options);
    const target = schema.type === 'array' ? ((schema.items ??= { type: 'object' }) as Schema) : schema;
    target.type ??= 'object';
    Object.assign(target, { properties }, required ? { required } : {});
  }
  return schema;
}

/** An object whose properties are `params` (in order), with the required ones listed. */
export function objectSchema(params: Param[], options: SchemaOptions = {}): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const p of params) {
    // A name written twice (two variants of one field) keeps the first description.
    if (properties[p.name]) continue;
    properties[p.name] = paramSchema(p, options);
    if (p.required) required.push(p.name);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}
