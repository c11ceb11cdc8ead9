/** llms-full.txt: every page's Markdown twin in one file. */
import type { APIRoute } from 'astro';
import { fileResponse } from '../../utils/machine-readable.ts';

// Static files, also in a host site that renders other pages on demand.
export const prerender = true;

export const GET: APIRoute = () => fileResponse('llms-full.txt');
