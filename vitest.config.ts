import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tests/unit: pure modules and fixture builds; tests/site: checks on built sites (run after the builds);
    // tests/pack: the packed package installed elsewhere (`npm run test:pack`, slow: not part of `npm test`).
    include: ['tests/unit/**/*.test.ts', 'tests/site/**/*.test.ts', 'tests/pack/**/*.test.ts'],
    testTimeout: 60_000,
    // Hooks delete big trees (an npm install, built sites) and stop servers; on a loaded machine that takes
    // far longer than vitest's default 10 s, and a hook timeout fails a run whose tests all passed.
    hookTimeout: 120_000,
  },
});
