// ESLint flat config: typescript-eslint (type-checked) for TS, eslint-plugin-astro for .astro.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'test-results/',
      '.test-output/',
      'public/',
      'tests/fixtures/**/.astro/',
      'tests/fixtures/**/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Unused arguments prefixed with _ are intentional (interface conformance).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Import d3's modules (d3-selection, d3-scale, …), not the 'd3' barrel: the notebook loads
    // the whole of d3 lazily, and a static import of 'd3' would pull that chunk into every page.
    files: ['src/**/*.{ts,astro}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'd3', message: "Import from a d3 module such as 'd3-scale' instead." }] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}', 'scripts/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
