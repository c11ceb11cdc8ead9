import { defineConfig } from 'vitest/config';
import './tests/compile-cache.ts';

export default defineConfig({
  test: {
    // tests/unit: pure modules and fixture builds; tests/site: checks on built sites (run after the builds);
    // tests/pack: the packed package installed elsewhere (`npm run test:pack`, slow: not part of `npm test`).
    include: ['tests/unit/**/*.test.ts', 'tests/site/**/*.test.ts', 'tests/pack/**/*.test.ts'],
    testTimeout: 60_000,
    // Most files spawn the CLI or a build, which leaves a core idle while one waits on its child: two
    // workers on a 2-core machine cut tests/site from about 350 s to 280 s and tests/unit from 175 s to 130 s.
    maxWorkers: 2,
    // Test files share their worker's module graph instead of importing src/ afresh each (Astro, Shiki, zod
    // schemas): tests/unit spent 60 of its 140 s importing. No test mocks a module; a spy is restored by
    // the test that made it.
    isolate: false,
    // Hooks delete big trees (an npm install, built sites) and stop servers; on a loaded machine that takes
    // far longer than vitest's default 10 s, and a hook timeout fails a run whose tests all passed.
    hookTimeout: 120_000,
  },
});
