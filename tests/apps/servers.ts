/** Where the e2e runs serve the host apps (playwright.config.ts starts them; tests/apps/*.spec.ts visit them). */
const base = Number(process.env.E2E_PORT ?? 4329);

export const APPS = {
  bare: { root: 'tests/apps/bare', port: base + 1 },
  starlight: { root: 'tests/apps/starlight', port: base + 2 },
} as const;

export const appUrl = (app: keyof typeof APPS, path: string) => `http://localhost:${APPS[app].port}${path}`;
