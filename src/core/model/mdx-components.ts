/**
 * The components every MDX page may use without an import (src/components/mdx/index.ts), and their props,
 * so that `npm run check` and the build can judge a page before Astro renders it. A unit test keeps this
 * in step with the components' own `Props`.
 */
export interface PropSpec {
  required?: boolean;
  type: 'string' | 'number';
  /** What the value must name: an endpoint key, or a version of the endpoint named by `endpoint`. */
  refers?: 'endpoint' | 'version';
}

export const MDX_COMPONENTS: Record<string, Record<string, PropSpec>> = {
  EndpointSummary: {
    endpoint: { required: true, type: 'string', refers: 'endpoint' },
    version: { type: 'string', refers: 'version' },
  },
  RequestSample: {
    endpoint: { required: true, type: 'string', refers: 'endpoint' },
    version: { type: 'string', refers: 'version' },
    /** Which request example (0-based) when the endpoint has several. */
    index: { type: 'number' },
  },
};
