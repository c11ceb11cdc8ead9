/** The OpenAPI documents as YAML: openapi.yaml, openapi-v<N>.yaml, openapi-<product>.yaml (core/openapi). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse, filesMatching } from '../../utils/machine-readable.ts';

// Static files, also in a host site that renders other pages on demand.
export const prerender = true;

export const getStaticPaths: GetStaticPaths = async () =>
  (await filesMatching(/^openapi[\w.-]*\.yaml$/)).map((f) => ({ params: { name: f.slice(0, -'.yaml'.length) } }));

export const GET: APIRoute = ({ params }) => fileResponse(`${params.name}.yaml`);
