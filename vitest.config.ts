import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tests/unit: pure modules and fixture builds; tests/site: checks on built sites (run after the builds).
    include: ['tests/unit/**/*.test.ts', 'tests/site/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
