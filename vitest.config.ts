import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Storage suites share real Redis/PostgreSQL servers; each test file uses its own key prefix or
    // schema, so files may run in parallel.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
