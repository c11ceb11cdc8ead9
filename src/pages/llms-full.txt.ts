/** llms-full.txt: every page's Markdown twin in one file. */
import type { APIRoute } from 'astro';
import { fileResponse } from '../utils/machine-readable.ts';

export const GET: APIRoute = () => fileResponse('llms-full.txt');
