// Lint rules for the generator, its scripts and tests (`npm run lint`). Prettier owns formatting.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist.staging-*/',
      'dist.old-*/',
      '.astro/',
      'tests/.tmp/',
      'test-results/',
      'playwright-report/',
      'tests/apps/*/dist/',
      'tests/apps/*/.astro/',
      'lib/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // The generator reads content from pull requests: nothing in it may turn text into code.
    files: ['src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        ...['vm', 'node:vm', 'child_process', 'node:child_process', 'worker_threads', 'node:worker_threads'].map((name) => ({
          name,
          message: 'src/ must not run code or processes (content is data, never code).',
        })),
        {
          name: 'gray-matter',
          message: 'gray-matter runs ---js front matter as JavaScript; src/core/front-matter.ts splits files itself.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='require']", message: 'No require() in src/: content must never decide what code loads.' },
        {
          selector: "CallExpression[callee.type='CallExpression'][callee.callee.name='createRequire']",
          message: 'No createRequire(…)(…) in src/: resolving a path is fine, loading code is not.',
        },
        { selector: 'ImportExpression[source.type!="Literal"]', message: 'Dynamic import() only with a literal module name in src/.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function in src/.' },
        { selector: "CallExpression[callee.name='Function']", message: 'No Function() in src/.' },
      ],
    },
  },
);
