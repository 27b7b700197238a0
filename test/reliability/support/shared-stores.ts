/**
 * Stores that several bot processes can share, each one private to a test: a SQLite file in a
 * temporary directory, a redis-server of the test's own, a database of its own on the shared
 * PostgreSQL server. The bots use the default namespace, exactly as `npm start` does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POSTGRES_SKIPPED, databaseUrl } from '../../support/real-stores.js';
import { createPrivateDatabase } from './postgres-database.js';
import { REDIS_SERVER_MISSING, hasRedisServer, startPrivateRedis } from './private-redis.js';

export interface OpenedStore {
  readonly url: string;
  close(): Promise<void>;
}

export interface SharedStoreTarget {
  readonly kind: 'sqlite' | 'redis' | 'postgres';
  readonly label: string;
  readonly skipReason?: string;
  open(): Promise<OpenedStore>;
}

const sqlite: SharedStoreTarget = {
  kind: 'sqlite',
  label: 'SQLite (one file)',
  async open() {
    const directory = mkdtempSync(join(tmpdir(), 'cfb-rel-'));
    return { url: `sqlite://${join(directory, 'store.sqlite')}`, close: async () => rmSync(directory, { recursive: true, force: true }) };
  },
};

const redis: SharedStoreTarget = {
  kind: 'redis',
  label: hasRedisServer() ? 'Redis' : `Redis (${REDIS_SERVER_MISSING})`,
  ...(hasRedisServer() ? {} : { skipReason: REDIS_SERVER_MISSING }),
  async open() {
    const server = await startPrivateRedis();
    return { url: server.url, close: () => server.stop() };
  },
};

const postgres: SharedStoreTarget = {
  kind: 'postgres',
  label: databaseUrl ? 'PostgreSQL' : `PostgreSQL (${POSTGRES_SKIPPED})`,
  ...(databaseUrl ? {} : { skipReason: POSTGRES_SKIPPED }),
  async open() {
    const database = await createPrivateDatabase(databaseUrl ?? '');
    return { url: database.url, close: () => database.drop() };
  },
};

export const sharedStoreTargets = (kinds: readonly SharedStoreTarget['kind'][] = ['sqlite', 'redis', 'postgres']): SharedStoreTarget[] =>
  [sqlite, redis, postgres].filter((target) => kinds.includes(target.kind));
