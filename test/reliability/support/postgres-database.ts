/**
 * A database of the test's own on the shared PostgreSQL server (DATABASE_URL), so bots started as
 * `npm start` would (default namespace, no per-test prefix) never meet another suite's tables.
 * Dropped with FORCE at the end, which also ends any connection a bot left open.
 */
import { openPostgresBackend } from '../../../src/adapters/storage/postgres-backend.js';
import { uniqueNamespace } from '../../support/real-stores.js';

export interface PrivateDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  // Any namespace will do to reach the server; its tables are dropped straight away.
  const admin = await openPostgresBackend(serverUrl, uniqueNamespace());
  try {
    await admin.query(statement);
  } finally {
    await admin.dropTables();
    await admin.close();
  }
}

export async function createPrivateDatabase(serverUrl: string): Promise<PrivateDatabase> {
  const name = `cfb_rel_${uniqueNamespace()}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
