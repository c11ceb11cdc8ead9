/**
 * `npm run schemas`: writes the editor JSON Schemas (src/schemas/json-schema.ts) to schemas/, one file per
 * content type plus page.json (MDX front matter) and site.json. Run it after changing a zod schema; a unit
 * test fails while the committed files are out of date.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatJsonSchema, jsonSchemas } from '../src/schemas/json-schema.ts';

const dir = path.resolve(import.meta.dirname, '..', 'schemas');
mkdirSync(dir, { recursive: true });
const schemas = jsonSchemas();
for (const file of readdirSync(dir)) if (file.endsWith('.json') && !(file in schemas)) rmSync(path.join(dir, file));
for (const [file, schema] of Object.entries(schemas)) writeFileSync(path.join(dir, file), formatJsonSchema(schema));
console.log(`wrote ${Object.keys(schemas).length} JSON Schemas to ${path.relative(process.cwd(), dir) || '.'}/`);
