import { defineConfig } from 'vitest/config';

// Unit tests run in Node on tfjs's cpu backend; tests that build a fixture site are slower and
// live in tests/build.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
