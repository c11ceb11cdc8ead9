/** The Markdown twin of every page that has one: `…/index.md` beside its `index.html` (core/export). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse, filesMatching } from '../../utils/machine-readable.ts';

// Static files, also in a host site that renders other pages on demand.
export const prerender = true;

export const getStaticPaths: GetStaticPaths = async () =>
  (await filesMatching(/(^|\/)index\.md$/)).map((f) => ({ params: { path: f.slice(0, -'/index.md'.length) || undefined } }));

export const GET: APIRoute = ({ params }) => fileResponse(`${params.path ? `${params.path}/` : ''}index.md`);
