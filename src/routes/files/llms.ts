/** llms.txt: an index of every page for assistants (llmstxt.org), from the model (core/export/llms.ts). */
import type { APIRoute } from 'astro';
import { fileResponse } from '../../utils/machine-readable.ts';

// Static files, also in a host site that renders other pages on demand.
export const prerender = true;

export const GET: APIRoute = () => fileResponse('llms.txt');
