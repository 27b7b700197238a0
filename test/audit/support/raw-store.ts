/**
 * Direct access to what a backend stores, bypassing the bot: the raw SQLite file, the Redis keys,
 * the PostgreSQL tables. Tamper and purge tests use it to change data the way someone with access
 * to the database would, and to list every key that is left.
 */
import { createClient } from '@keyv/redis';
import { join } from 'node:path';
import { openPostgresBackend } from '../../../src/adapters/storage/postgres-backend.js';
import { openRawSqlite } from '../../support/raw-sqlite.js';
import { databaseUrl, POSTGRES_SKIPPED, REDIS_SKIPPED, redisUrl, removeNamespace, uniqueNamespace } from '../../support/real-stores.js';

export interface RawStore {
  /** The record's value as the bot stored it (keyv's envelope unwrapped); undefined when absent. */
  read(key: string): Promise<unknown>;
  /** Overwrites the record's value in place, in keyv's envelope format. */
  write(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every record key, index name or member, counter and claim whose text contains `text`. */
  everythingContaining(text: string): Promise<string[]>;
  close(): Promise<void>;
}

export interface RawTarget {
  readonly label: string;
  readonly skipReason?: string;
  /** A fresh store URL and namespace for one test. */
  fresh(): { url: string; namespace: string };
  open(url: string, namespace: string): Promise<RawStore>;
  /** Drops what a namespace left on a shared server. */
  cleanUp(url: string, namespace: string): Promise<void>;
}

const envelope = (value: unknown): string => JSON.stringify({ value });
const unwrap = (raw: unknown): unknown => (typeof raw === 'string' ? (JSON.parse(raw) as { value: unknown }).value : undefined);

/** SQLite and PostgreSQL: the same four tables, reached through a raw connection or the backend's pool. */
function sqlRaw(
  query: (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>,
  tables: (name: string) => string,
  close: () => Promise<void>,
): RawStore {
  return {
    async read(key) {
      return unwrap((await query(`SELECT value FROM ${tables('records')} WHERE key = ?`, [key]))[0]?.value);
    },
    async write(key, value) {
      await query(`UPDATE ${tables('records')} SET value = ? WHERE key = ?`, [envelope(value), key]);
    },
    async remove(key) {
      await query(`DELETE FROM ${tables('records')} WHERE key = ?`, [key]);
    },
    async everythingContaining(text) {
      const rows = [
        ...(await query(`SELECT key AS k FROM ${tables('records')}`, [])),
        ...(await query(`SELECT idx AS k FROM ${tables('sorted_index')}`, [])),
        ...(await query(`SELECT idx || ' ' || member AS k FROM ${tables('sorted_index')}`, [])),
        ...(await query(`SELECT name AS k FROM ${tables('counters')}`, [])),
        ...(await query(`SELECT key AS k FROM ${tables('claims')}`, [])),
      ];
      return [...new Set(rows.map((row) => String(row.k)).filter((k) => k.includes(text)))];
    },
    close,
  };
}

export function rawTargets(directory: string): RawTarget[] {
  let n = 0;
  return [
    {
      label: 'SQLite',
      fresh: () => ({ url: `sqlite://${join(directory, `raw-${++n}.sqlite`)}`, namespace: uniqueNamespace() }),
      async open(url, namespace) {
        const raw = openRawSqlite(url);
        return sqlRaw(
          (sql, params) => raw.query(sql, ...params),
          (name) => `${namespace}_${name}`,
          () => raw.disconnect(),
        );
      },
      async cleanUp() {
        // The file lives in the test's temporary directory.
      },
    },
    {
      label: redisUrl ? 'Redis' : `Redis (${REDIS_SKIPPED})`,
      ...(redisUrl ? {} : { skipReason: REDIS_SKIPPED }),
      fresh: () => ({ url: redisUrl ?? '', namespace: uniqueNamespace() }),
      async open(url, namespace) {
        const client = createClient({ url });
        await client.connect();
        const key = (name: string) => `${namespace}:rec:${name}`;
        return {
          async read(name) {
            return unwrap(await client.get(key(name)));
          },
          async write(name, value) {
            await client.set(key(name), envelope(value));
          },
          async remove(name) {
            await client.del(key(name));
          },
          async everythingContaining(text) {
            const found = (await client.keys(`${namespace}:*`)).filter((k) => k.includes(text));
            for (const index of await client.keys(`${namespace}:idx:*`)) {
              for (const member of await client.zRange(index, 0, -1)) if (member.includes(text)) found.push(`${index} ${member}`);
            }
            return found;
          },
          async close() {
            client.destroy();
          },
        };
      },
      cleanUp: removeNamespace,
    },
    {
      label: databaseUrl ? 'PostgreSQL' : `PostgreSQL (${POSTGRES_SKIPPED})`,
      ...(databaseUrl ? {} : { skipReason: POSTGRES_SKIPPED }),
      fresh: () => ({ url: databaseUrl ?? '', namespace: uniqueNamespace() }),
      async open(url, namespace) {
        const backend = await openPostgresBackend(url, namespace);
        // The backend's pool, with `?` placeholders: the raw statements bypass every repository.
        return sqlRaw(
          (sql, params) => backend.query(sql, params),
          (name) => `public.${namespace}_${name}`,
          () => backend.close(),
        );
      },
      cleanUp: removeNamespace,
    },
  ];
}
