/**
 * OpenAPI validation for the tests: Redocly's linter (@redocly/openapi-core) with its `recommended` rules,
 * which checks the document against the OpenAPI 3.1 schema and the examples against their schemas.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';

export interface LintReport {
  errors: string[];
  warnings: string[];
}

let config: ReturnType<typeof createConfig> | undefined;

export async function lintOpenApi(text: string, name = 'openapi.json'): Promise<LintReport> {
  config ??= createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: text, absoluteRef: `/${name}`, config: await config });
  const line = (p: (typeof problems)[number]) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`;
  return {
    errors: problems.filter((p) => p.severity === 'error').map(line),
    warnings: problems.filter((p) => p.severity !== 'error').map(line),
  };
}

/** Warnings counted by rule, for a short printed summary. */
export function byRule(warnings: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const w of warnings) {
    const rule = w.slice(0, w.indexOf(':'));
    out[rule] = (out[rule] ?? 0) + 1;
  }
  return out;
}
