/** The parts of a Backend that SQLite and PostgreSQL share once their connection is open. */
import type Keyv from 'keyv';
import { KeyvRecordStore } from './keyv-record-store.js';
import type { Backend } from './primitives.js';
import { type SqlRunner, sqlClaims, sqlCounters, sqlPurge, sqlRecordAccess, sqlSortedIndex } from './sql-primitives.js';
import { type SqlTransaction, sqlCommit } from './sql-commit.js';
import type { SqlTables } from './sql-schema.js';
import { errorMessage } from './store-logger.js';

export function sqlBackend(
  kind: 'sqlite' | 'postgres',
  parts: { keyv: Keyv; db: SqlRunner; transaction: SqlTransaction; tables: SqlTables; close(): Promise<void>; label: string },
): Backend {
  const { keyv, db, tables, label } = parts;
  const records = new KeyvRecordStore(keyv, sqlRecordAccess(db, tables));
  return {
    kind,
    records,
    commit: (batch) => sqlCommit(parts.transaction, tables, records, batch),
    index: sqlSortedIndex(db, tables),
    counters: sqlCounters(db, tables),
    claims: sqlClaims(db, tables),
    async ping() {
      try {
        await db.all('SELECT 1', []);
      } catch (error) {
        throw new Error(`The ${label} does not answer: ${errorMessage(error)}`, { cause: error });
      }
    },
    purge: (prefix) => sqlPurge(db, tables, prefix),
    close: parts.close,
  };
}
