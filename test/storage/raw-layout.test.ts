/**
 * What the records look like beneath keyv, as other tools (and people reading the database) see
 * them: the raw key and keyv's serialized `{"value":…}` envelope, unchanged in format by `update`,
 * which writes them through the raw client.
 */
import { createClient } from '@keyv/redis';
import { openRawSqlite } from '../support/raw-sqlite.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { openPostgresBackend } from '../../src/adapters/storage/postgres-backend.js';
import type { Backend } from '../../src/adapters/storage/primitives.js';
import { databaseUrl, POSTGRES_SKIPPED, REDIS_SKIPPED, redisUrl, removeNamespace, uniqueNamespace } from '../support/real-stores.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-layout-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const BEFORE = '{"value":{"version":1,"n":1,"note":"::colon"}}';
const AFTER = '{"value":{"version":2,"n":2,"note":"::colon"}}';

/** Writes one record, then updates it, reading the raw stored value after each step. */
async function rawValuesAround(backend: Backend, readRaw: () => Promise<unknown>): Promise<unknown[]> {
  // keyv's serializer stores a string starting with ':' as '::…'; update must write it the same way.
  await backend.records.put('ws:layout:r', { version: 1, n: 1, note: ':colon' });
  const before = await readRaw();
  await backend.records.update<{ version: number; n: number }>('ws:layout:r', (current) => ({ ...current, n: 2 }));
  expect(await backend.records.get('ws:layout:r')).toEqual({ version: 2, n: 2, note: ':colon' });
  return [before, await readRaw()];
}

describe('raw record layout', () => {
  it('SQLite: key as given in <namespace>_records', async () => {
    const file = join(directory, 'layout.sqlite');
    const backend = await openBackend(`sqlite://${file}`, { namespace: 'layout' });
    const raw = openRawSqlite(file);
    try {
      const read = async () =>
        ((await raw.query('SELECT value FROM layout_records WHERE key = ?', 'ws:layout:r')) as { value: string }[])[0]?.value;
      expect(await rawValuesAround(backend, read)).toEqual([BEFORE, AFTER]);
    } finally {
      await raw.disconnect();
      await backend.close();
    }
  });

  // Each store's test is skipped, with the reason in its title, where REDIS_URL / DATABASE_URL is unset; .ci/run sets both.
  it.skipIf(!redisUrl)(`Redis: key <namespace>:rec:<key>${redisUrl ? '' : ` (${REDIS_SKIPPED})`}`, async () => {
    const namespace = uniqueNamespace();
    const backend = await openBackend(redisUrl ?? '', { namespace });
    const raw = createClient({ url: redisUrl });
    await raw.connect();
    try {
      expect(await rawValuesAround(backend, () => raw.get(`${namespace}:rec:ws:layout:r`))).toEqual([BEFORE, AFTER]);
      await backend.index.add('ws:layout:i', 'm', 1);
      await backend.counters.next('ws:layout:c');
      await backend.claims.claim('ws:layout:k', 'me', 0);
      expect((await raw.keys(`${namespace}:*`)).sort()).toEqual(
        [
          `${namespace}:clm:ws:layout:k`,
          `${namespace}:ctr:ws:layout:c`,
          `${namespace}:idx:ws:layout:i`,
          `${namespace}:rec:ws:layout:r`,
        ].sort(),
      );
    } finally {
      raw.destroy();
      await backend.close();
      await removeNamespace(redisUrl ?? '', namespace);
    }
  });

  it.skipIf(!databaseUrl)(
    `PostgreSQL: key as given in public.<namespace>_records${databaseUrl ? '' : ` (${POSTGRES_SKIPPED})`}`,
    async () => {
      const namespace = uniqueNamespace();
      const backend = await openPostgresBackend(databaseUrl ?? '', namespace);
      try {
        const read = async () =>
          (await backend.query(`SELECT value FROM public.${namespace}_records WHERE key = ?`, ['ws:layout:r']))[0]?.value;
        expect(await rawValuesAround(backend, read)).toEqual([BEFORE, AFTER]);
      } finally {
        await backend.dropTables();
        await backend.close();
      }
    },
  );
});
