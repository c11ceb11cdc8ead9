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
} as const;

/**
 * The product a file belongs to (Jekyll's `product-type`): objects, endpoints, structures, docs and forms
 * of different products live in separate namespaces. Files without it form one unnamed product.
 */
const productType = { 'product-type': text.optional() };

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

export const EndpointSchema = z
  .looseObject({
    ...productType,
    key: text,
    endpoint: text,
    version: version.optional(),
    method: methodName.optional(),
    'not-available-until-version': version.optional(),
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
  ...productType,
  endpoint: text,
  title: text,
  /** The heading for the object's section ("Parcels" for "Parcel"); nothing is pluralised by code. */
  plural: text.optional(),
  order: z.number().optional(),
  'latest-version': version.optional(),
  versions: z.array(z.looseObject({ number: version })).nullish(),
  'available-methods': z.array(AvailableMethodSchema).nullish(),
  'object-attributes': z.array(AttributeSchema).nullish(),
  'common-attributes': z.array(AttributeSchema).nullish(),
  examples: z.array(ExampleSchema).nullish(),
});

export const VersionObjectSchema = z.looseObject({
  ...productType,
  endpoint: text,
  version,
  'object-attributes': z.array(AttributeSchema).nullish(),
  examples: z.array(ExampleSchema).nullish(),
});

export const StructureSchema = z.looseObject({
  ...productType,
  key: text,
  title: text,
  'object-attributes': z.array(AttributeSchema).nullish(),
  examples: z.array(ExampleSchema).nullish(),
});

export const DocSchema = z.looseObject({
  ...productType,
  title: text,
  order: z.number().optional(),
  anchor: text.optional(),
  sections: z.array(z.looseObject({ title: text.optional(), anchor: text.optional(), content: text.optional() })).nullish(),
});

export const FormSchema = z.looseObject({
  ...productType,
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
