/**
 * The components every MDX page may use without an import (src/components/mdx/index.ts), and their props,
 * so that `npm run check` and the build can judge a page before Astro renders it. A unit test keeps this
 * in step with the components' own `Props`.
 */
export interface PropSpec {
  required?: boolean;
  type: 'string' | 'number';
  /**
   * What the value must name: an endpoint key, a version of the endpoint named by `endpoint`, or a product
   * (`product-type`) that has that endpoint.
   */
  refers?: 'endpoint' | 'version' | 'product';
}

export const MDX_COMPONENTS: Record<string, Record<string, PropSpec>> = {
  EndpointSummary: {
    endpoint: { required: true, type: 'string', refers: 'endpoint' },
    version: { type: 'string', refers: 'version' },
    /** Which product's endpoint, when two products use the key. */
    product: { type: 'string', refers: 'product' },
  },
  RequestSample: {
    endpoint: { required: true, type: 'string', refers: 'endpoint' },
    version: { type: 'string', refers: 'version' },
    product: { type: 'string', refers: 'product' },
    /** Which request example (0-based) when the endpoint has several. */
    index: { type: 'number' },
  },
};
