/**
 * What each kind of reference file may declare: every key the generator reads, with its type. These
 * schemas are the one list of known keys: validation, the unknown-key warnings (core/known-keys.ts) and
 * the editor JSON Schemas (`npm run schemas`) all derive from them, so a key added here is known
 * everywhere. Objects stay loose because Liquid in templates may read any key; unknown keys are reported
 * as warnings, not dropped.
 */
import { z } from 'zod';

/** Versions are compared as strings (`"4"`), whether the YAML says `4` or `"4"`. */
const version = z.union([z.string(), z.number()]).transform(String);
/** Scalars shown as text; YAML may type `404` or `true` where a string was meant. */
const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);
/** An optional text field; an empty YAML value (`description:`) counts as absent. */
const optText = text.nullish();

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

/** Keys every reference file may carry. */
const common = {
  'content-type': z.string().describe('Which kind of reference file this is.'),
  'product-type': optText.describe('The product (API) the file belongs to; `site.data[page.product-type]` reads its data.'),
};

const CHILD_KEY_DESCRIPTION = 'Nested entries, shown indented under this one.';

/** An argument, attribute or property; nested entries under any of the nesting keys the format uses. */
export const AttributeSchema: z.ZodType<Record<string, unknown>> = z
  .looseObject({
    name: text.describe('Name as shown (and in its `#arg-…` / `#attr-…` anchor).'),
    type: optText.describe('Type shown next to the name (`string`, `path parameter`, …).'),
    'sub-type': optText.describe('Element type of a list, shown after the type.'),
    url: optText.describe('Link for the type (a structure page or an anchor).'),
    required: z.boolean().optional().describe('Marks the entry required.'),
    description: optText.describe('Markdown with Liquid.'),
    'example-value': optText.describe('Example value shown with the entry.'),
    value: optText.describe('Example value (older name of `example-value`).'),
    get subarguments() {
      return z.array(AttributeSchema).nullish().describe(CHILD_KEY_DESCRIPTION);
    },
    get 'sub-subarguments'() {
      return z.array(AttributeSchema).nullish().describe(CHILD_KEY_DESCRIPTION);
    },
    get subattributes() {
      return z.array(AttributeSchema).nullish().describe(CHILD_KEY_DESCRIPTION);
    },
    get 'sub-attributes'() {
      return z.array(AttributeSchema).nullish().describe(CHILD_KEY_DESCRIPTION);
    },
  })
  .meta({ id: 'attribute' });

/** One code sample: a request (curl in `code`, or `request-url` + `header` + body) or a response. */
const sampleFields = {
  title: optText.describe('Caption of the sample.'),
  code: optText.describe('The code, with Liquid.'),
  language: optText.describe('Highlighting language (detected when absent).'),
  'request-url': optText.describe('Bound as `request-url` before `header` is rendered.'),
  header: optText.describe('Text put before `code` (usually a site-data string building the curl line).'),
};

export const ExampleSchema = z
  .looseObject({
    type: optText.describe('`Request`, `Response` or `Errors`: the tab the example goes in.'),
    ...sampleFields,
    'error-file': optText.describe('Errors tab: which response-code file to read (default: the object).'),
    subexamples: z
      .array(z.looseObject(sampleFields).meta({ id: 'subexample' }))
      .nullish()
      .describe('Several samples in one tab.'),
  })
  .meta({ id: 'example' });

const methodName = z
  .string()
  .transform((m) => m.toLowerCase())
  .pipe(z.enum(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']));

const attributes = (description: string) => z.array(AttributeSchema).nullish().describe(description);
const examples = z.array(ExampleSchema).nullish().describe('Example tabs.');

/** Records per page: `100` or `"100"`. */
const pageSize = z
  .union([z.number().int().positive(), z.string().regex(/^\d+$/, 'must be a whole number of records per page')])
  .transform(Number);

export const EndpointSchema = z
  .looseObject({
    ...common,
    key: text.describe("The endpoint's id: matches an `available-methods` id of its object."),
    endpoint: text.describe('The slug of the object (`endpoint` of its api-object file).'),
    version: version.optional().describe('Which of the object’s versions this file documents.'),
    method: methodName.optional().describe('HTTP method.'),
    'not-available-until-version': version
      .optional()
      .describe('Marks the method absent before this version (the file needs nothing else).'),
    title: optText.describe('Title (the object’s `available-methods` title wins when it has one).'),
    short: optText.describe('One-line summary (Markdown, inline).'),
    'short-url': optText.describe('Path shown with the method, e.g. `/v1/parcels`.'),
    'full-url': optText.describe('Full URL, e.g. `{{ api.base-url }}{{ endpoint.short-url | flatify }}`.'),
    description: optText.describe('Markdown with Liquid.'),
    'request-body': optText.describe('Markdown (with Liquid) about the request body, shown above the arguments.'),
    pagination: pageSize.nullish().describe('Records per page of a paginated response (shown as a badge).'),
    'rate-limit-type': optText.describe('Which rate limit applies (shown as a badge).'),
    'authorization-required': z.boolean().optional().describe('Whether the request needs authorization (badge).'),
    'access-token-required': z.boolean().optional().describe('Whether the request needs an access token (badge).'),
    'order-by': optText.describe('Field results are ordered by (badge).'),
    'sort-type': optText.describe('Sort direction of the results (badge).'),
    arguments: attributes('Request arguments.'),
    returns: optText.describe('What a success returns (Markdown).'),
    'response-attributes': attributes('Attributes of the response.'),
    examples,
    'try-it': z.boolean().optional().describe('false: no Try it panel on this endpoint page (site.yml `try-it.enabled` switches every page).'),
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

export const AvailableMethodSchema = z
  .looseObject({
    id: text.describe('The `key` of the endpoint file.'),
    title: optText.describe('Heading of the method (wins over the endpoint file’s title).'),
    method: methodName.optional().describe('HTTP method shown in lists.'),
    short: optText.describe('One-line summary shown in the object’s method list.'),
    notes: optText.describe('Markdown shown on the endpoint page unless its description repeats it.'),
  })
  .meta({ id: 'available-method' });

export const ObjectSchema = z
  .looseObject({
    ...common,
    endpoint: text.describe('The object’s slug; endpoint files name it in their `endpoint`.'),
    title: text.describe('The object’s name.'),
    plural: optText.describe('Heading of the object’s section and sidebar entry ("Parcels" for "Parcel"); nothing is pluralised by code.'),
    order: z.number().optional().describe('Position in the navigation.'),
    'endpoint-url': optText.describe('Path of the resource, read as `object.endpoint-url`.'),
    description: optText.describe('Markdown with Liquid.'),
    'intro-short': optText.describe('One-line introduction.'),
    'latest-version': version.optional().describe('The version shown by default; must be one of `versions`.'),
    versions: z
      .array(z.looseObject({ number: version.describe('Version number, e.g. "4".') }).meta({ id: 'version' }))
      .nullish()
      .describe('Every version of the object, newest first.'),
    'available-methods': z.array(AvailableMethodSchema).nullish().describe('The object’s endpoints, in order.'),
    'object-attributes': attributes('Attributes of the object.'),
    'common-attributes': attributes('Attributes shared by every version (with api-version-object files).'),
    examples,
  })
  .superRefine((fm, ctx) => {
    // Two entries with one number would be one version shown twice; a latest-version outside the list
    // would show a version whose pages do not exist.
    const numbers = (fm.versions ?? []).map((v) => v.number);
    numbers.forEach((n, i) => {
      const first = numbers.indexOf(n);
      if (first !== i)
        ctx.addIssue({ code: 'custom', path: ['versions', i, 'number'], message: `duplicate version "${n}" (also versions[${first}])` });
    });
    const latest = fm['latest-version'];
    if (latest !== undefined && numbers.length && !numbers.includes(latest)) {
      ctx.addIssue({
        code: 'custom',
        path: ['latest-version'],
        message: `"${latest}" is not in versions (${numbers.map((n) => `"${n}"`).join(', ')})`,
      });
    }
  });

export const VersionObjectSchema = z.looseObject({
  ...common,
  endpoint: text.describe('The object’s slug.'),
  version: version.describe('Which version of the object this file describes.'),
  'object-attributes': attributes('Attributes of this version.'),
  examples,
});

export const StructureSchema = z.looseObject({
  ...common,
  key: text.describe('The structure’s slug (its page and anchor).'),
  title: text.describe('The structure’s name.'),
  description: optText.describe('Markdown with Liquid.'),
  'object-attributes': attributes('Attributes of the structure.'),
  examples,
  'sub-structures': z
    .array(z.looseObject({ key: text.describe('`key` of the sub-structure file.') }).meta({ id: 'sub-structure' }))
    .nullish()
    .describe('Structures shown as parts of this one, by `key`; each keeps its own page.'),
});

const sectionFields = {
  title: optText.describe('Section heading.'),
  anchor: optText.describe('Section id.'),
  content: optText.describe('Markdown with Liquid.'),
};

export const DocSchema = z.looseObject({
  ...common,
  title: text.describe('Page title.'),
  order: z.number().optional().describe('Position in the navigation.'),
  anchor: optText.describe('Id of the page heading.'),
  sections: z
    .array(
      z
        .looseObject({
          ...sectionFields,
          subsections: z.array(z.looseObject(sectionFields).meta({ id: 'subsection' })).nullish(),
        })
        .meta({ id: 'section' }),
    )
    .nullish()
    .describe('The page’s sections, in order.'),
  include: optText.describe('An include (from the includes folders) rendered after the sections, as Jekyll’s layout did.'),
});

/** A function of a JavaScript client library. */
export const FunctionSchema = z.looseObject({
  ...common,
  key: text.describe('The function’s slug.'),
  title: text.describe('The function’s name.'),
  definition: optText.describe('The call as readers write it: `addSource(options)`.'),
  order: z.number().optional().describe('Position in the navigation.'),
  description: optText.describe('Markdown with Liquid.'),
  options: attributes('Properties of the function’s `options` argument.'),
  examples: z
    .array(
      z
        .looseObject({ type: optText, language: optText, description: optText, code: optText })
        .meta({ id: 'function-example' }),
    )
    .nullish()
    .describe('Examples of calling the function.'),
});

export const FormSchema = z.looseObject({
  ...common,
  key: text.describe('The form’s slug.'),
  title: text.describe('Title.'),
  'form-type': optText.describe('Kind of form, shown on the page.'),
  description: optText.describe('Markdown with Liquid.'),
  'object-attributes': attributes('The form’s properties.'),
});

/** MDX prose pages (`pages/*.mdx`); the Astro collection and `npm run check` use the same schema. */
export const PageSchema = z.object({
  title: z.string().describe('Page title.'),
  description: z.string().optional().describe('Summary for search results and the page’s meta description.'),
  order: z.number().optional().describe('Position among the guides.'),
});

/** The schema of each content type, for the checks and editor schemas that go by `content-type`. */
export const FRONT_MATTER_SCHEMAS: Record<string, z.ZodType> = {
  [CONTENT_TYPES.endpoint]: EndpointSchema,
  [CONTENT_TYPES.object]: ObjectSchema,
  [CONTENT_TYPES.versionObject]: VersionObjectSchema,
  [CONTENT_TYPES.structure]: StructureSchema,
  [CONTENT_TYPES.subStructure]: StructureSchema,
  ...Object.fromEntries(DOC_CONTENT_TYPES.map((type) => [type, DocSchema])),
  [CONTENT_TYPES.form]: FormSchema,
  [CONTENT_TYPES.function]: FunctionSchema,
};

export type EndpointFrontMatter = z.output<typeof EndpointSchema>;
export type ObjectFrontMatter = z.output<typeof ObjectSchema>;
export type VersionObjectFrontMatter = z.output<typeof VersionObjectSchema>;
export type StructureFrontMatter = z.output<typeof StructureSchema>;
export type DocFrontMatter = z.output<typeof DocSchema>;
export type FormFrontMatter = z.output<typeof FormSchema>;
export type FunctionFrontMatter = z.output<typeof FunctionSchema>;
