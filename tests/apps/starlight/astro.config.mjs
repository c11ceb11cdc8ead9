// @ts-check
// A Starlight site with the reference under /api/ beside Starlight's own pages: one search (Starlight's
// Pagefind index, which finds the reference pages too), Starlight's sitemap, and a link to the reference in
// Starlight's sidebar.
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import apiReference from '../../../src/integration/index.ts';

export default defineConfig({
  site: 'https://starlight.example',
  integrations: [
    starlight({
      title: 'Starlight host',
      sidebar: [
        { label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }] },
        { label: 'API reference', link: '/api/' },
      ],
    }),
    apiReference({ root: '../../../content', prefix: '/api/' }),
  ],
});
