/**
 * Builds the Pagefind search index into `<dist>/pagefind`. Result URLs are made relative to the site root;
 * the search component adds the base path at query time.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';

export async function indexForSearch(dist: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['nav', 'header', 'footer', '.copy'] });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dist });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(dist, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
