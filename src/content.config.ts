import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { referenceLoader } from './loader.ts';
import { siteOptions } from './site-options.ts';
import { prosePagesDir } from './utils/prose.ts';

const options = siteOptions();

export const collections = {
  reference: defineCollection({ loader: referenceLoader(options) }),
  pages: defineCollection({
    loader: glob({ pattern: '**/*.{md,mdx}', base: prosePagesDir(options) }),
    schema: z.object({
      title: z.string(),
      description: z.string().optional(),
      order: z.number().optional(),
    }),
  }),
};
