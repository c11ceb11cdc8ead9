/**
 * The rendered reference model: what the loader stores and the pages read. Every string ending in `Html`
 * is trusted HTML produced by our Markdown renderer or highlighter; everything else is plain text that
 * components escape.
 */
import { z } from 'zod';
import { SNIPPET_IDS } from '../core/model/snippets.ts';
import { RequestShapeSchema } from './try-it.ts';

export const SnippetSchema = z.object({
  /** Also the language a reader's choice is remembered by (CodeSamples.astro). */
  id: z.enum(SNIPPET_IDS),
  label: z.string(),
  lang: z.string(),
  code: z.string(),
  html: z.string().default(''),
  /** Ids of this language's tab and panel on the page (model/anchors.ts); empty outside an endpoint page. */
  tabId: z.string().default(''),
  panelId: z.string().default(''),
});

export const CodeSampleSchema = z.object({
  title: z.string().optional(),
  /** Language given to the highlighter: `shellscript`, `json`, `text`, … */
  lang: z.string(),
  /** The text a reader copies: placeholders such as `<ACCESS_TOKEN>` intact. */
  code: z.string(),
  html: z.string().default(''),
  /** A request in curl, JavaScript, Python, Go, Ruby and PHP, when `code` is a curl command we can read (model/snippets.ts). */
  snippets: z.array(SnippetSchema).optional(),
  /** The reader's-key placeholder of the request (`<ACCESS_TOKEN>`), found by core/model/credential.ts. */
  credential: z.string().optional(),
});

export type Param = {
  /** The row's id on its page (`arg-customs.items.quantity`), unique there. */
  id: string;
  /** Where the row comes from, as a field path of the source file: `arguments[0].subarguments[2]`. */
  field: string;
  name: string;
  type: string;
  required?: boolean;
  descriptionHtml: string;
  example?: string;
  /** Link target for a typed attribute (`sub-type` + `url`), e.g. to a structure page. */
  typeHref?: string;
  subType?: string;
  children: Param[];
};

export const ParamSchema: z.ZodType<Param> = z.lazy(() =>
  z.object({
    id: z.string(),
    field: z.string(),
    name: z.string(),
    type: z.string(),
    required: z.boolean().optional(),
    descriptionHtml: z.string(),
    example: z.string().optional(),
    typeHref: z.string().optional(),
    subType: z.string().optional(),
    children: z.array(ParamSchema),
  }),
);

export const ErrorRowSchema = z.object({
  code: z.string(),
  conditionHtml: z.string(),
  bodyHtml: z.string(),
  /** The example entry that asked for the row (`examples[2]`); the row's text comes from site data. */
  field: z.string(),
});

/** A file and field a rendered string came from, when it is not the page's own source file. */
export const OriginSchema = z.object({ file: z.string(), field: z.string() });

/** One row of an endpoint's resource list (the `resource-list` rows of the site config). */
export const ResourceRowSchema = z.object({ name: z.string(), html: z.string() });

/** An example tab: its type and the ids of its tab and panel. */
export const ExampleTabSchema = z.object({
  type: z.enum(['Request', 'Response', 'Errors']),
  tabId: z.string(),
  panelId: z.string(),
});

/**
 * Endpoint facts the format carries as plain fields (`pagination`, `rate-limit-type`, …), shown as a
 * compact row of badges.
 */
export const EndpointDetailsSchema = z.object({
  /** Records per page of a paginated response. */
  pagination: z.number().optional(),
  rateLimit: z.string().optional(),
  authorizationRequired: z.boolean().optional(),
  accessTokenRequired: z.boolean().optional(),
  orderBy: z.string().optional(),
  sortType: z.string().optional(),
});

export const VersionLinkSchema = z.object({
  number: z.string(),
  href: z.string(),
  latest: z.boolean(),
  /** False where the method does not exist in that version (`not-available-until-version`). */
  available: z.boolean(),
});

const base = {
  title: z.string(),
  /** Page path under the site base, with a trailing slash: `reference/parcels/`. */
  path: z.string(),
  /** Source file, relative to the content root. */
  source: z.string(),
  /** Every fragment id on the page (for anchor links and the link checker). */
  anchors: z.array(z.string()),
  /** The product (`product-type`) the page belongs to; `''` for files that name none. */
  product: z.string().default(''),
};

export const EndpointEntrySchema = z.object({
  kind: z.literal('endpoint'),
  ...base,
  key: z.string(),
  object: z.string(),
  objectTitle: z.string(),
  objectPath: z.string(),
  version: z.string(),
  latest: z.boolean(),
  versions: z.array(VersionLinkSchema),
  available: z.boolean(),
  availableFrom: z.string().optional(),
  method: z.string(),
  shortHtml: z.string(),
  /** Set when `short` came from the object's `available-methods` entry rather than this file. */
  shortFrom: OriginSchema.optional(),
  shortUrl: z.string(),
  fullUrl: z.string(),
  descriptionHtml: z.string(),
  notesHtml: z.string(),
  notesFrom: OriginSchema.optional(),
  details: EndpointDetailsSchema,
  resourceList: z.array(ResourceRowSchema),
  /** The `request-body` text, unless a resource-list row already shows it. */
  requestBodyHtml: z.string(),
  arguments: z.array(ParamSchema),
  returnsHtml: z.string(),
  responseAttributes: z.array(ParamSchema),
  requests: z.array(CodeSampleSchema),
  responses: z.array(CodeSampleSchema),
  errors: z.array(ErrorRowSchema),
  /** Example tabs in the order the file lists them: Request, Response, Errors. */
  tabs: z.array(ExampleTabSchema),
  /** What the Try it panel sends; absent when the panel is off for this page (core/model/request-shape.ts). */
  tryIt: RequestShapeSchema.optional(),
  /** Ids of the page's heading and sections (model/anchors.ts). */
  ids: z.object({
    heading: z.string(),
    resourceList: z.string(),
    requestBody: z.string(),
    arguments: z.string(),
    returns: z.string(),
    responseAttributes: z.string(),
    examples: z.string(),
  }),
});

export const MethodLinkSchema = z.object({
  key: z.string(),
  title: z.string(),
  method: z.string(),
  shortHtml: z.string(),
  path: z.string(),
  available: z.boolean(),
  /** Set when `short` came from the endpoint file rather than the object's entry. */
  shortFrom: OriginSchema.optional(),
});

export const ObjectEntrySchema = z.object({
  kind: z.literal('object'),
  ...base,
  object: z.string(),
  heading: z.string(),
  order: z.number(),
  version: z.string(),
  latest: z.boolean(),
  versions: z.array(VersionLinkSchema),
  descriptionHtml: z.string(),
  introShort: z.string(),
  methods: z.array(MethodLinkSchema),
  attributes: z.array(ParamSchema),
  examples: z.array(CodeSampleSchema),
  ids: z.object({ page: z.string(), object: z.string(), methods: z.string(), attributes: z.string() }),
});

const SectionIdsSchema = z.object({ heading: z.string(), attributes: z.string(), examples: z.string() });

/** A page linked from another: a sub-structure from its parent, or the parent from the sub-structure. */
export const PageLinkSchema = z.object({ key: z.string(), title: z.string(), path: z.string(), summaryHtml: z.string() });

export const StructureEntrySchema = z.object({
  kind: z.literal('structure'),
  ...base,
  key: z.string(),
  sub: z.boolean(),
  descriptionHtml: z.string(),
  attributes: z.array(ParamSchema),
  examples: z.array(CodeSampleSchema),
  /** The `sub-structures` this structure lists, each with its own page. */
  subStructures: z.array(PageLinkSchema),
  /** Structures that list this one in their `sub-structures`. */
  parents: z.array(PageLinkSchema),
  ids: SectionIdsSchema.extend({ subStructures: z.string() }),
});

export const DocSectionSchema = z.object({
  title: z.string().optional(),
  /** The section heading's id (its `anchor`, else made from its title); absent for untitled sections. */
  id: z.string().optional(),
  level: z.number().int().min(2).max(4),
  html: z.string(),
  /** Where the section comes from: `sections[1].subsections[0]`, or `include`. */
  field: z.string(),
});

export const DocEntrySchema = z.object({
  kind: z.literal('doc'),
  ...base,
  /** The file's content type (`api-doc`, `overview`, …). */
  docType: z.string(),
  /** Its sidebar group (the site config's `doc-groups`) and that group's place among the doc groups. */
  group: z.string(),
  groupOrder: z.number(),
  order: z.number(),
  anchor: z.string(),
  sections: z.array(DocSectionSchema),
});

export const FormEntrySchema = z.object({
  kind: z.literal('form'),
  ...base,
  key: z.string(),
  formType: z.string(),
  descriptionHtml: z.string(),
  attributes: z.array(ParamSchema),
  ids: SectionIdsSchema,
});

/** One example of a client-library function: prose, code, or both. */
export const FunctionExampleSchema = z.object({
  title: z.string(),
  id: z.string(),
  descriptionHtml: z.string(),
  sample: CodeSampleSchema.optional(),
  field: z.string(),
});

/** A function of a JavaScript client library (`stitch-js-function` files). */
export const FunctionEntrySchema = z.object({
  kind: z.literal('function'),
  ...base,
  key: z.string(),
  /** The call as written in `definition`: `addSource(options)`. */
  definition: z.string(),
  order: z.number(),
  descriptionHtml: z.string(),
  options: z.array(ParamSchema),
  examples: z.array(FunctionExampleSchema),
  ids: z.object({ heading: z.string(), options: z.string(), examples: z.string() }),
});

export const ReferenceEntrySchema = z.discriminatedUnion('kind', [
  EndpointEntrySchema,
  ObjectEntrySchema,
  StructureEntrySchema,
  DocEntrySchema,
  FormEntrySchema,
  FunctionEntrySchema,
]);

export type CodeSample = z.output<typeof CodeSampleSchema>;
export type SnippetSample = z.output<typeof SnippetSchema>;
export type ErrorRow = z.output<typeof ErrorRowSchema>;
export type VersionLink = z.output<typeof VersionLinkSchema>;
export type MethodLink = z.output<typeof MethodLinkSchema>;
export type EndpointEntry = z.output<typeof EndpointEntrySchema>;
export type ObjectEntry = z.output<typeof ObjectEntrySchema>;
export type StructureEntry = z.output<typeof StructureEntrySchema>;
export type DocEntry = z.output<typeof DocEntrySchema>;
export type FormEntry = z.output<typeof FormEntrySchema>;
export type FunctionEntry = z.output<typeof FunctionEntrySchema>;
export type ReferenceEntry = z.output<typeof ReferenceEntrySchema>;
export type Origin = z.output<typeof OriginSchema>;
export type ExampleTab = z.output<typeof ExampleTabSchema>;
export type ResourceRow = z.output<typeof ResourceRowSchema>;
export type EndpointDetails = z.output<typeof EndpointDetailsSchema>;
export type PageLink = z.output<typeof PageLinkSchema>;
export type DocSection = z.output<typeof DocSectionSchema>;
