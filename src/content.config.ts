import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { referenceLoader } from './loader.ts';
import { siteOptions } from './site-options.ts';
import { prosePagesDir } from './utils/prose.ts';

const options = siteOptions();
const pagesDir = prosePagesDir(options);

export const collections = {
  reference: defineCollection({ loader: referenceLoader(options) }),
  pages: defineCollection({
    // A Jekyll tree usually has no MDX pages; then the collection stays empty and is never queried.
    loader: pagesDir ? glob({ pattern: '**/*.{md,mdx}', base: pagesDir }) : { name: 'no-prose-pages', load: async () => {} },
    schema: z.object({
      title: z.string(),
      description: z.string().optional(),
      order: z.number().optional(),
    }),
  }),
};
