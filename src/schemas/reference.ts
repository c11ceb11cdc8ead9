/**
 * The rendered reference model: what the loader stores and the pages read. Every string ending in `Html`
 * is trusted HTML produced by our Markdown renderer or highlighter; everything else is plain text that
 * components escape.
 */
import { z } from 'zod';
import { SNIPPET_IDS } from '../core/model/snippets.ts';

export const SnippetSchema = z.object({
  /** Also the language a reader's choice is remembered by (CodeSamples.astro). */
  id: z.enum(SNIPPET_IDS),
  label: z.string(),
  lang: z.string(),
  code: z.string(),
  html: z.string().default(''),
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
});

export type Param = {
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
  shortUrl: z.string(),
  fullUrl: z.string(),
  descriptionHtml: z.string(),
  notesHtml: z.string(),
  arguments: z.array(ParamSchema),
  returnsHtml: z.string(),
  responseAttributes: z.array(ParamSchema),
  requests: z.array(CodeSampleSchema),
  responses: z.array(CodeSampleSchema),
  errors: z.array(ErrorRowSchema),
  /** Example tabs in the order the file lists them: Request, Response, Errors. */
  tabs: z.array(z.enum(['Request', 'Response', 'Errors'])),
});

export const MethodLinkSchema = z.object({
  key: z.string(),
  title: z.string(),
  method: z.string(),
  shortHtml: z.string(),
  path: z.string(),
  available: z.boolean(),
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
});

export const StructureEntrySchema = z.object({
  kind: z.literal('structure'),
  ...base,
  key: z.string(),
  sub: z.boolean(),
  descriptionHtml: z.string(),
  attributes: z.array(ParamSchema),
  examples: z.array(CodeSampleSchema),
});

export const DocEntrySchema = z.object({
  kind: z.literal('doc'),
  ...base,
  order: z.number(),
  anchor: z.string(),
  sections: z.array(
    z.object({ title: z.string().optional(), anchor: z.string().optional(), level: z.number().int().min(2).max(4), html: z.string() }),
  ),
});

export const FormEntrySchema = z.object({
  kind: z.literal('form'),
  ...base,
  key: z.string(),
  formType: z.string(),
  descriptionHtml: z.string(),
  attributes: z.array(ParamSchema),
});

export const ReferenceEntrySchema = z.discriminatedUnion('kind', [
  EndpointEntrySchema,
  ObjectEntrySchema,
  StructureEntrySchema,
  DocEntrySchema,
  FormEntrySchema,
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
export type ReferenceEntry = z.output<typeof ReferenceEntrySchema>;
