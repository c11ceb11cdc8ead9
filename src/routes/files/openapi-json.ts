/** The OpenAPI documents as JSON: openapi.json, openapi-v<N>.json, openapi-<product>.json (core/openapi). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse, filesMatching } from '../../utils/machine-readable.ts';

// Static files, also in a host site that renders other pages on demand.
export const prerender = true;

export const getStaticPaths: GetStaticPaths = async () =>
  (await filesMatching(/^openapi[\w.-]*\.json$/)).map((f) => ({ params: { name: f.slice(0, -'.json'.length) } }));

export const GET: APIRoute = ({ params }) => fileResponse(`${params.name}.json`);
