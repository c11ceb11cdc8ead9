/**
 * JSON Schemas for editors (the YAML language server: completion, hover text and unknown-key squiggles),
 * made from the zod schemas, so they say exactly what validation and `npm run check` say. One per content
 * type (its `content-type` fixed), one for MDX page front matter and one for `site.yml`. `npm run schemas`
 * writes them to schemas/; a unit test fails when the committed files are out of date.
 */
import { z } from 'zod';
import { FRONT_MATTER_SCHEMAS, PageSchema } from './front-matter.ts';
import { SiteConfigSchema } from './site-config.ts';

type JsonSchema = Record<string, unknown>;

/** Draft 7: the version the YAML language server supports fully. */
function toJson(schema: z.ZodType, open: ReadonlySet<unknown> = new Set()): JsonSchema {
  return z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    // Refinements (a duplicate version, say) cannot be expressed; `npm run check` reports them.
    unrepresentable: 'any',
    override: (ctx) => {
      const json = ctx.jsonSchema as JsonSchema;
      // Unknown keys are squiggled, as `npm run check` warns of them; `open` schemas take any key.
      if (json.type === 'object' && json.properties && !open.has(ctx.zodSchema)) json.additionalProperties = false;
    },
  }) as JsonSchema;
}

function withContentType(schema: JsonSchema, type: string): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema>;
  return {
    ...schema,
    title: `Front matter of an ${type} file`,
    properties: { ...properties, 'content-type': { ...properties['content-type'], const: type } },
  };
}

/** File name (under schemas/) → schema. */
export function jsonSchemas(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [type, schema] of Object.entries(FRONT_MATTER_SCHEMAS)) out[`${type}.json`] = withContentType(toJson(schema), type);
  out['page.json'] = { ...toJson(PageSchema), title: 'Front matter of an MDX page' };
  // Top-level keys of site.yml that the generator does not read are the site's own `site.<key>` variables.
  out['site.json'] = { ...toJson(SiteConfigSchema, new Set([SiteConfigSchema])), title: 'site.yml' };
  return out;
}

/** As written to disk: stable, formatted, with a final newline. */
export function formatJsonSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
