/**
 * The Try it panel of endpoint pages (site config `try-it:`): on or off for the whole site (a page's front
 * matter `try-it: false` turns off one endpoint), the methods an owner marks unsafe (no panel for those),
 * the servers a reader may choose from besides the endpoint's own full URL, and the request timeout.
 */
import { z } from 'zod';

/** An http(s) base URL without spaces, quotes, angle brackets or braces (it ends up in an attribute and in `fetch`). */
const BASE_URL = /^https?:\/\/[^\s"'<>`\\{}[\]]+$/;

const baseUrl = z
  .string()
  .transform((v) => v.trim().replace(/\/+$/, ''))
  .refine((v) => BASE_URL.test(v), { message: 'must be an http(s) URL without spaces, quotes or brackets, such as "https://sandbox.example.com"' });

export const ServerSchema = z.strictObject({
  url: baseUrl.describe('Base URL the endpoint paths are appended to, e.g. https://sandbox.example.com.'),
  description: z.string().default('').describe('Shown in the base-URL choice, e.g. "Sandbox".'),
});

// Strict: a misspelt key would otherwise be ignored without a word.
export const TryItSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Show the Try it panel on endpoint pages (front matter `try-it: false` turns off one page).'),
  'unsafe-methods': z
    .array(z.string().regex(/^[A-Za-z]+$/, 'must be an HTTP method name, such as DELETE'))
    .default([])
    .transform((v) => v.map((m) => m.toUpperCase()))
    .describe('HTTP methods without a Try it panel, e.g. [DELETE].'),
  timeout: z.number().positive().max(600).default(30).describe('Seconds before a request sent from the panel is given up.'),
  servers: z
    .array(ServerSchema)
    .default([])
    .describe('Base URLs a reader may choose from, after the endpoint’s own (its full-url): { url, description }.'),
});

export type TryItConfig = z.output<typeof TryItSchema>;

export const DEFAULT_TRY_IT: TryItConfig = TryItSchema.parse({});

const ShapeFieldSchema = z.object({
  name: z.string(),
  /** The type as the docs write it (shown next to the input). */
  type: z.string(),
  /** The input it takes: its JSON type where the written type maps to one, else text. */
  kind: z.enum(['string', 'integer', 'number', 'boolean', 'object', 'array']),
  required: z.boolean(),
  /** `example-value` as written, used to pre-fill the input. */
  example: z.string().optional(),
  /** The argument row's id on the page, for a link back to its description. */
  id: z.string().optional(),
});

/** Where the reader's key goes (core/model/credential.ts). */
export const CredentialSchema = z.object({
  /** Header name as written (`Authorization`, `X-Api-Key`). */
  header: z.string(),
  /** The header value as written: `Bearer <ACCESS_TOKEN>`. */
  template: z.string(),
  /** The part of the value a reader replaces with their key: `<ACCESS_TOKEN>`. */
  placeholder: z.string(),
});

/** What the Try it panel of an endpoint page can send (core/model/request-shape.ts). Plain data: the page embeds it as JSON. */
export const RequestShapeSchema = z.object({
  method: z.string(),
  /** Path template under the server: `/v1/parcels/{parcel_id}`. */
  path: z.string(),
  /** Base URLs to choose from, the endpoint's own first. */
  servers: z.array(z.object({ url: z.string(), description: z.string() })),
  pathParams: z.array(ShapeFieldSchema),
  query: z.array(ShapeFieldSchema),
  headers: z.array(ShapeFieldSchema),
  /** Absent when the request has no body. */
  body: z
    .object({
      /** Media type sent (`application/json`, a form, …). */
      type: z.string(),
      /** Top-level body arguments, their required marks checked before sending. */
      fields: z.array(ShapeFieldSchema),
      /** The text the body field starts with: the example's body, else one built from the arguments. */
      text: z.string(),
    })
    .optional(),
  /** Headers the example sends besides the credential (`Accept`, `Content-Type`). */
  fixedHeaders: z.array(z.tuple([z.string(), z.string()])),
  /** Where the reader's key goes, when the example has a credential placeholder. */
  credential: CredentialSchema.optional(),
  /** Milliseconds before a request is given up. */
  timeoutMs: z.number(),
});

export type ShapeField = z.output<typeof ShapeFieldSchema>;
export type FieldKind = ShapeField['kind'];
export type Credential = z.output<typeof CredentialSchema>;
export type RequestShape = z.output<typeof RequestShapeSchema>;
export type Server = RequestShape['servers'][number];
