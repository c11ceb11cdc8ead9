/** The two files each OpenAPI document is served as. */
import { stringify } from 'yaml';

export function openApiJson(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function openApiYaml(document: unknown): string {
  // No anchors and aliases (a schema used twice is written twice), no folded lines: plain for any reader.
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}
