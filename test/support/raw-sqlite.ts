/**
 * A connection of its own to a bot's SQLite file, for tests and the benchmark's seeding to read
 * and change what the bot stored. It uses the bot's own driver: a second copy of SQLite in the
 * process (the `sqlite3` package) must never open the same file (see sqlite-backend.ts).
 */
import { openSqliteConnection } from '../../src/adapters/storage/sqlite-connection.js';

export interface RawSqlite {
  query(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]>;
  disconnect(): Promise<void>;
}

export function openRawSqlite(file: string): RawSqlite {
  const connection = openSqliteConnection(file.replace(/^sqlite:\/\//, ''), { busyTimeoutMs: 10_000 });
  return {
    query: (sql, ...params) => connection.run(sql, params),
    disconnect: async () => connection.close(),
  };
}
