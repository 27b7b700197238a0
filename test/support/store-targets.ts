/**
 * The stores every storage-level test runs on. Redis and PostgreSQL run when REDIS_URL and
 * DATABASE_URL are set (CI sets them); otherwise the tests say they were skipped and why.
 */
import { join } from 'node:path';

export interface StoreTarget {
  readonly kind: 'memory' | 'sqlite' | 'redis' | 'postgres';
  readonly label: string;
  readonly url: string;
  readonly skipReason?: string;
}

export function storeTargets(directory: string): StoreTarget[] {
  const redis = process.env.REDIS_URL;
  const postgres = process.env.DATABASE_URL;
  return [
    { kind: 'memory', label: 'memory', url: 'memory://' },
    { kind: 'sqlite', label: 'SQLite', url: `sqlite://${join(directory, 'store.sqlite')}` },
    redis
      ? { kind: 'redis', label: 'Redis', url: redis }
      : { kind: 'redis', label: 'Redis (skipped: REDIS_URL is not set; start Redis and export REDIS_URL=redis://127.0.0.1:6379)', url: '', skipReason: 'REDIS_URL is not set' },
    postgres
      ? { kind: 'postgres', label: 'PostgreSQL', url: postgres }
      : { kind: 'postgres', label: 'PostgreSQL (skipped: DATABASE_URL is not set; start PostgreSQL and export DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)', url: '', skipReason: 'DATABASE_URL is not set' },
  ];
}
