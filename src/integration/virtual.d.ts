// The integration's virtual modules, as the runtime (pages, middleware) imports them.
declare module 'virtual:api-reference/config' {
  const config: import('./runtime-config.ts').RuntimeConfig;
  export default config;
}

declare module 'virtual:api-reference/pages' {
  /** Prose pages by absolute file path: each loads the compiled MDX (or Markdown) module. */
  const pages: Record<string, () => Promise<{ Content: import('astro').MarkdownInstance<Record<string, unknown>>['Content'] }>>;
  export default pages;
}
