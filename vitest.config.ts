import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The reliability suite (bot processes, fault injection, SIGKILL) runs on its own:
    // `npm run test:reliability`, which CI runs after `npm test`.
    exclude: [...configDefaults.exclude, 'test/reliability/**'],
    // Storage suites share real Redis/PostgreSQL servers; each test file uses its own key prefix or
    // schema, so files may run in parallel.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
