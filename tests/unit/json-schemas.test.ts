/**
 * Issue 10, item 9: the editor JSON Schemas in schemas/ are made from the zod schemas; this fails while
 * the committed files are out of date (run `npm run schemas`), and checks they say what validation says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJsonSchema, jsonSchemas } from '../../src/schemas/json-schema.ts';

const DIR = path.resolve(import.meta.dirname, '../../schemas');
const schemas = jsonSchemas();

describe('editor JSON Schemas', () => {
  it('the committed files are exactly what `npm run schemas` writes', () => {
    expect(
      readdirSync(DIR)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(schemas).sort());
    for (const [file, schema] of Object.entries(schemas)) {
      expect(readFileSync(path.join(DIR, file), 'utf8'), `schemas/${file} is out of date: run npm run schemas`).toBe(
        formatJsonSchema(schema),
      );
    }
  });

  it('front matter: the content type is fixed, unknown keys are squiggled, nested attributes are described', () => {
    const endpoint = schemas['api-endpoint.json'] as {
      properties: Record<string, { const?: string }>;
      additionalProperties: boolean;
      required: string[];
      definitions: Record<string, { properties: Record<string, unknown>; additionalProperties: boolean }>;
    };
    expect(endpoint.properties['content-type'].const).toBe('api-endpoint');
    expect(endpoint.additionalProperties).toBe(false);
    expect(endpoint.required).toEqual(['content-type', 'key', 'endpoint']);
    expect(Object.keys(endpoint.definitions.attribute.properties)).toContain('subarguments');
    expect(endpoint.definitions.attribute.additionalProperties).toBe(false);
    expect((schemas['api-sub-structure.json'] as { properties: Record<string, { const?: string }> }).properties['content-type'].const).toBe(
      'api-sub-structure',
    );
  });

  it('site.yml: known sections are closed, the top level stays open for site variables', () => {
    const site = schemas['site.json'] as { additionalProperties: unknown; properties: Record<string, { additionalProperties?: boolean }> };
    expect(site.additionalProperties).not.toBe(false);
    expect(site.properties.liquid.additionalProperties).toBe(false);
    expect(site.properties.folders.additionalProperties).toBe(false);
  });
});
