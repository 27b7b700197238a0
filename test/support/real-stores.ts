/**
 * The real Redis and PostgreSQL servers storage tests run against (when REDIS_URL and
 * DATABASE_URL are set), a namespace per test so that parallel runs never meet, and the clean-up
 * of what a namespace left behind.
 */
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { openPostgresBackend } from '../../src/adapters/storage/postgres-backend.js';

/** A namespace of its own for one test run. */
export function uniqueNamespace(): string {
  return `t${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Removes what `namespace` left on a shared store: PostgreSQL tables are dropped (purging would
 * leave four empty tables per run behind), Redis keys purged. SQLite and memory need nothing:
 * their files live in a temporary directory the test deletes.
 */
export async function removeNamespace(storeUrl: string, namespace: string): Promise<void> {
  if (/^postgres(ql)?:\/\//i.test(storeUrl)) {
    const backend = await openPostgresBackend(storeUrl, namespace);
    try {
      await backend.dropTables();
    } finally {
      await backend.close();
    }
  } else if (/^rediss?:\/\//i.test(storeUrl)) {
    const backend = await openBackend(storeUrl, { namespace });
    try {
      await backend.purge('');
    } finally {
      await backend.close();
    }
  }
}

export const redisUrl = process.env.REDIS_URL;
export const databaseUrl = process.env.DATABASE_URL;

export const REDIS_SKIPPED = 'skipped: REDIS_URL is not set; start Redis and export REDIS_URL=redis://127.0.0.1:6379 to run';
export const POSTGRES_SKIPPED =
  'skipped: DATABASE_URL is not set; start PostgreSQL and export DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run';

/** Says, in the run's output, which real-server suites did not run and how to run them. */
export function announceSkippedServers(): void {
  if (!redisUrl) console.warn(`Redis suites ${REDIS_SKIPPED}.`);
  if (!databaseUrl) console.warn(`PostgreSQL suites ${POSTGRES_SKIPPED}.`);
}
