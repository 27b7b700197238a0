/**
 * Bulk writes into the bot's SQLite tables: a connection of its own to the file, each batch one
 * transaction of multi-row INSERTs (1,000 rows a statement, well under SQLite's 32,766 parameters).
 */
import { openRawSqlite } from '../../../test/support/raw-sqlite.js';
import { sqliteFilePath } from '../../../src/adapters/storage/sqlite-backend.js';
import { sqlTables } from '../../../src/adapters/storage/sql-schema.js';
import type { BatchWriter, IndexRow, RecordRow } from './sink.js';

const ROWS_PER_INSERT = 1000;

const placeholders = (rows: number, columns: number): string =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

/** The tables must exist already: the bot creates them when it opens the store. */
export function sqliteBatchWriter(storeUrl: string, namespace: string): BatchWriter {
  const tables = sqlTables(namespace);
  const raw = openRawSqlite(sqliteFilePath(storeUrl));
  const insertAll = async (table: string, columns: string, rows: readonly (readonly unknown[])[]) => {
    const width = columns.split(',').length;
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const slice = rows.slice(start, start + ROWS_PER_INSERT);
      await raw.query(`INSERT INTO ${table} (${columns}) VALUES ${placeholders(slice.length, width)}`, ...slice.flat());
    }
  };
  return {
    async writeBatch(records: readonly RecordRow[], index: readonly IndexRow[]) {
      await raw.query('BEGIN');
      try {
        await insertAll(tables.records, 'key, value', records);
        await insertAll(tables.sortedIndex, 'idx, member, score', index);
        await raw.query('COMMIT');
      } catch (error) {
        await raw.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async setCounter(name, value) {
      await raw.query(
        `INSERT INTO ${tables.counters} (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
        name,
        value,
      );
    },
    async permanentClaim(key, owner) {
      await raw.query(`INSERT INTO ${tables.claims} (key, owner, expires_at) VALUES (?, ?, NULL)`, key, owner);
    },
    close: () => raw.disconnect(),
  };
}
