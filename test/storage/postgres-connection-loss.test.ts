/**
 * When PostgreSQL drops the pool's connections (a restart, an administrator), the pool emits
 * 'error' for each idle one; with no listener that would crash the bot. The backend logs it
 * instead and carries on with fresh connections, without a restart.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openPostgresBackend } from '../../src/adapters/storage/postgres-backend.js';
import { databaseUrl, POSTGRES_SKIPPED, uniqueNamespace } from '../support/real-stores.js';

// Skipped, with the reason in its title, where DATABASE_URL is unset; .ci/run sets it.
describe.skipIf(!databaseUrl)(`PostgreSQL connection loss${databaseUrl ? '' : ` (${POSTGRES_SKIPPED})`}`, () => {
  it('logs the dropped idle connections and keeps working', async () => {
    const namespace = uniqueNamespace();
    // A pool of this test's own, recognisable on the server by its application name.
    const url = new URL(databaseUrl ?? '');
    url.searchParams.set('application_name', `cfb_${namespace}`);
    const logged: string[] = [];
    const logger = { warn: () => {}, error: (_obj: object, msg: string) => logged.push(msg) };
    const backend = await openPostgresBackend(url.toString(), namespace, logger);
    try {
      // Several connections in the pool, then idle.
      await Promise.all(Array.from({ length: 5 }, (_, i) => backend.records.put(`ws:loss:${i}`, { version: 1 })));
      const [terminated] = await backend.query(
        'SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()',
        [`cfb_${namespace}`],
      );
      expect(Number(terminated?.n)).toBeGreaterThan(0);

      const deadline = Date.now() + 10_000;
      while (!logged.some((msg) => msg.includes('terminating connection'))) {
        if (Date.now() > deadline) throw new Error(`no pool error was logged; logged: ${JSON.stringify(logged)}`);
        await sleep(20);
      }
      await backend.ping();
      expect(await backend.records.getMany(['ws:loss:0', 'ws:loss:4'])).toEqual([{ version: 1 }, { version: 1 }]);
    } finally {
      await backend.dropTables();
      await backend.close();
    }
  });
});
