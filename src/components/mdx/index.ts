/** Components available in every MDX prose page without an import. */
import EndpointSummary from './EndpointSummary.astro';
import RequestSample from './RequestSample.astro';

export const mdxComponents = { EndpointSummary, RequestSample };
