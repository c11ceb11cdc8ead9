import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { referenceLoader } from './loader.ts';
import { PageSchema } from './schemas/front-matter.ts';
import { siteOptions } from './site-options.ts';
import { prosePagesDir } from './utils/prose.ts';

const options = siteOptions();
const pagesDir = prosePagesDir(options);

export const collections = {
  reference: defineCollection({ loader: referenceLoader(options) }),
  pages: defineCollection({
    // A Jekyll tree usually has no MDX pages; then the collection stays empty and is never queried.
    loader: pagesDir ? glob({ pattern: '**/*.{md,mdx}', base: pagesDir }) : { name: 'no-prose-pages', load: async () => {} },
    // The same schema `npm run check` judges MDX front matter with.
    schema: PageSchema,
  }),
};
