/**
 * A plain PostgreSQL connection for what the bot's pooled backend cannot do: one transaction over
 * many statements (bulk loads) and statements outside any database of ours (CREATE / DROP
 * DATABASE). It is the `pg` client @keyv/postgres itself uses, resolved from there.
 */
import { createRequire } from 'node:module';

export interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}

type PgModule = { Client: new (options: { connectionString: string }) => PgClient };

const requireFromKeyv = createRequire(createRequire(import.meta.url).resolve('@keyv/postgres'));
const pg = requireFromKeyv('pg') as PgModule;

export async function connectPg(url: string): Promise<PgClient> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
