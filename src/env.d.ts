/// <reference types="astro/client" />

// For plain `tsc` (the Astro language server types .astro files itself): a component is a default export.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
