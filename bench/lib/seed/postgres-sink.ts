/**
 * Bulk writes into the bot's PostgreSQL tables: one connection of its own, each batch one
 * transaction, each table's rows in one INSERT … SELECT FROM unnest(arrays) statement.
 */
import { sqlTables } from '../../../src/adapters/storage/sql-schema.js';
import { connectPg } from './pg-client.js';
import type { BatchWriter, IndexRow, RecordRow } from './sink.js';

/** The tables must exist already: the bot creates them when it opens the store. */
export async function postgresBatchWriter(storeUrl: string, namespace: string): Promise<BatchWriter> {
  const tables = sqlTables(namespace, 'public');
  const client = await connectPg(storeUrl);
  return {
    async writeBatch(records: readonly RecordRow[], index: readonly IndexRow[]) {
      await client.query('BEGIN');
      try {
        if (records.length > 0) {
          await client.query(`INSERT INTO ${tables.records} (key, value) SELECT * FROM unnest($1::text[], $2::text[])`, [
            records.map((row) => row[0]),
            records.map((row) => row[1]),
          ]);
        }
        if (index.length > 0) {
          await client.query(
            `INSERT INTO ${tables.sortedIndex} (idx, member, score) SELECT * FROM unnest($1::text[], $2::text[], $3::float8[])`,
            [index.map((row) => row[0]), index.map((row) => row[1]), index.map((row) => row[2])],
          );
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async setCounter(name, value) {
      await client.query(
        `INSERT INTO ${tables.counters} (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
        [name, value],
      );
    },
    async permanentClaim(key, owner) {
      await client.query(`INSERT INTO ${tables.claims} (key, owner, expires_at) VALUES ($1, $2, NULL)`, [key, owner]);
    },
    async finish() {
      // Autovacuum analyses a table after this many new rows anyway; doing it now means the
      // measurements do not depend on whether it has run yet.
      for (const table of [tables.records, tables.sortedIndex, tables.counters, tables.claims]) await client.query(`ANALYZE ${table}`);
    },
    close: () => client.end(),
  };
}
