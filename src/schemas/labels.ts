/**
 * Interface wording that depends on what a site documents (site config `labels:`). The `api-form` content
 * type is generic (a page of fields per kind of form), but what its pages are called is not: the Stitch
 * docs call them "Connection property objects" (presets/stitch-docs.yml sets that), another site "Webhook
 * payloads". The defaults fit any site.
 */
import { z } from 'zod';

export const FormLabelsSchema = z.object({
  /** The sidebar group and breadcrumb of the form pages. */
  group: z.string().default('Forms').describe('Sidebar group and breadcrumb of the form pages (api-form).'),
  /** The list page of the forms, and their section of llms.txt; `<product>: <title>` per product. */
  title: z.string().default('Forms').describe('Title of the forms list page and of their llms.txt section.'),
  /** The list page's introduction; ` of the <product>.` is added in a site of several products. */
  intro: z
    .string()
    .default('The fields each form accepts')
    .describe('Introduction of the forms list page (" of the <product>." is added per product).'),
  /** Above the title of each form page, before its `form-type`. */
  kind: z.string().default('Form').describe('Shown above the title of each form page.'),
});

export const LabelsSchema = z.object({
  forms: FormLabelsSchema.default(FormLabelsSchema.parse({})).describe('What the api-form pages are called.'),
});

export type Labels = z.output<typeof LabelsSchema>;

export const DEFAULT_LABELS: Labels = LabelsSchema.parse({});
