/**
 * The reliability suite (`npm run test:reliability`): signature fuzzing, duplicate storms across
 * bot processes, concurrent load, SIGKILL and restart, Slack Web API faults, bad input and store
 * outages. Kept out of `npm test` because it starts processes and servers of its own and takes
 * minutes; CI runs it right after `npm test`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each file starts bot processes, stores and proxies of its own; two files at a time keep a
    // two-core runner responsive enough for the timing assertions ("an answer within seconds").
    maxWorkers: 2,
  },
});
