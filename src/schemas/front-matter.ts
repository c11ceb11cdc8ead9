/**
 * What each kind of reference file must declare. Only the fields the generator relies on are checked;
 * everything else passes through untouched, because templates may read any front-matter key.
 */
import { z } from 'zod';

/** Versions are compared as strings (`"4"`), whether the YAML says `4` or `"4"`. */
const version = z.union([z.string(), z.number()]).transform(String);
const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

export const CONTENT_TYPES = {
  endpoint: 'api-endpoint',
  object: 'api-object',
  versionObject: 'api-version-object',
  structure: 'api-structure',
  subStructure: 'api-sub-structure',
  doc: 'api-doc',
  form: 'api-form',
  function: 'stitch-js-function',
} as const;

/** Prose pages made of `sections`, one sidebar group per type (the site config's `doc-groups`). */
export const DOC_CONTENT_TYPES = ['api-doc', 'overview', 'guide', 'js-doc'] as const;

export const AttributeSchema: z.ZodType<Record<string, unknown>> = z.looseObject({
  name: text,
});

export const ExampleSchema = z.looseObject({
  type: text.optional(),
  subexamples: z.array(z.looseObject({})).optional(),
});

const methodName = z
  .string()
  .transform((m) => m.toLowerCase())
  .pipe(z.enum(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']));

/** Records per page: `100` or `"100"`. */
const pageSize = z
  .union([z.number().int().positive(), z.string().regex(/^\d+$/, 'must be a whole number of records per page')])
  .transform(Number);

export const EndpointSchema = z
  .looseObject({
    key: text,
    endpoint: text,
    version: version.optional(),
    method: methodName.optional(),
    'not-available-until-version': version.optional(),
    /** Markdown (with Liquid) about the request body, shown above the arguments. */
    'request-body': text.nullish(),
    /** Facts shown as badges on the endpoint page. */
    pagination: pageSize.nullish(),
    'rate-limit-type': text.optional(),
    'authorization-required': z.boolean().optional(),
    'access-token-required': z.boolean().optional(),
    'order-by': text.optional(),
    'sort-type': text.optional(),
    arguments: z.array(AttributeSchema).nullish(),
    'response-attributes': z.array(AttributeSchema).nullish(),
    examples: z.array(ExampleSchema).nullish(),
  })
  .superRefine((fm, ctx) => {
    if (!fm.method && !fm['not-available-until-version']) {
      ctx.addIssue({
        code: 'custom',
        path: ['method'],
        message: 'is required (or mark the file with `not-available-until-version`)',
      });
    }
  });

export const AvailableMethodSchema = z.looseObject({ id: text, title: text.optional(), method: methodName.optional() });

export const ObjectSchema = z.looseObject({
  endpoint: text,
  title: text,
  order: z.number().optional(),
  'latest-version': version.optional(),
  versions: z.array(z.looseObject({ number: version })).nullish(),
  'available-methods': z.array(AvailableMethodSchema).nullish(),
  'object-attributes': z.array(AttributeSchema).nullish(),
  'common-attributes': z.array(AttributeSchema).nullish(),
  examples: z.array(ExampleSchema).nullish(),
});

export const VersionObjectSchema = z.looseObject({
  endpoint: text,
  version,
  'object-attributes': z.array(AttributeSchema).nullish(),
  examples: z.array(ExampleSchema).nullish(),
});

export const StructureSchema = z.looseObject({
  key: text,
  title: text,
  'object-attributes': z.array(AttributeSchema).nullish(),
  examples: z.array(ExampleSchema).nullish(),
  /** Structures shown as parts of this one, by `key`; each keeps its own page. */
  'sub-structures': z.array(z.looseObject({ key: text })).nullish(),
});

export const DocSchema = z.looseObject({
  title: text,
  order: z.number().optional(),
  anchor: text.optional(),
  sections: z.array(z.looseObject({ title: text.optional(), anchor: text.optional(), content: text.optional() })).nullish(),
  /** An include (from the includes folders) rendered after the sections, as Jekyll's layout did. */
  include: text.optional(),
});

/** A function of a JavaScript client library. */
export const FunctionSchema = z.looseObject({
  key: text,
  title: text,
  /** The call as readers write it: `addSource(options)`. */
  definition: text.optional(),
  order: z.number().optional(),
  description: text.optional(),
  /** Properties of the function's `options` argument. */
  options: z.array(AttributeSchema).nullish(),
  examples: z
    .array(z.looseObject({ type: text.optional(), language: text.optional(), description: text.optional(), code: text.optional() }))
    .nullish(),
});

export const FormSchema = z.looseObject({
  key: text,
  title: text,
  'object-attributes': z.array(AttributeSchema).nullish(),
});

export type EndpointFrontMatter = z.output<typeof EndpointSchema>;
export type ObjectFrontMatter = z.output<typeof ObjectSchema>;
export type VersionObjectFrontMatter = z.output<typeof VersionObjectSchema>;
export type StructureFrontMatter = z.output<typeof StructureSchema>;
export type DocFrontMatter = z.output<typeof DocSchema>;
export type FormFrontMatter = z.output<typeof FormSchema>;
export type FunctionFrontMatter = z.output<typeof FunctionSchema>;
