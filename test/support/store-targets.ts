/**
 * The stores every storage-level test runs on. Redis and PostgreSQL run when REDIS_URL and
 * DATABASE_URL are set (CI sets them); otherwise the tests say they were skipped and why.
 */
import { join } from 'node:path';
import { POSTGRES_SKIPPED, REDIS_SKIPPED, databaseUrl, redisUrl } from './real-stores.js';

export interface StoreTarget {
  readonly kind: 'memory' | 'sqlite' | 'redis' | 'postgres';
  readonly label: string;
  readonly url: string;
  readonly skipReason?: string;
}

export function storeTargets(directory: string): StoreTarget[] {
  return [
    { kind: 'memory', label: 'memory', url: 'memory://' },
    { kind: 'sqlite', label: 'SQLite', url: `sqlite://${join(directory, 'store.sqlite')}` },
    redisUrl
      ? { kind: 'redis', label: 'Redis', url: redisUrl }
      : { kind: 'redis', label: `Redis (${REDIS_SKIPPED})`, url: '', skipReason: REDIS_SKIPPED },
    databaseUrl
      ? { kind: 'postgres', label: 'PostgreSQL', url: databaseUrl }
      : { kind: 'postgres', label: `PostgreSQL (${POSTGRES_SKIPPED})`, url: '', skipReason: POSTGRES_SKIPPED },
  ];
}
