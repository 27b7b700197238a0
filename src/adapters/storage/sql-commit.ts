/**
 * `Backend.commit` for SQLite and PostgreSQL: one transaction on one connection. The sequences'
 * counters are advanced first (their rows stay locked until the end, so commits that number
 * entries of one workspace take turns and a rolled-back commit leaves no gap), then the
 * compare-and-sets in key order (a changed record rolls everything back), then the plain writes,
 * each kind in one multi-row statement.
 */
import { checkScore } from './argument-checks.js';
import { type KeyvRecordStore, encodeWrites } from './keyv-record-store.js';
import type { CommitBatch } from './primitives.js';
import { type SqlRunner, numberIn } from './sql-primitives.js';
import type { SqlTables } from './sql-schema.js';

/** Runs `work` in one transaction: commits when it returns true, rolls back when it returns false or throws. */
export type SqlTransaction = (work: (db: SqlRunner) => Promise<boolean>) => Promise<boolean>;

const rows = (count: number, placeholders: string) => Array.from({ length: count }, () => placeholders).join(', ');

export function sqlCommit(transaction: SqlTransaction, tables: SqlTables, records: KeyvRecordStore, batch: CommitBatch): Promise<boolean> {
  return transaction(async (db) => {
    const last: number[] = [];
    for (const { counter, count } of batch.sequences) {
      const [row] = await db.all(
        `INSERT INTO ${tables.counters} AS c (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = c.value + excluded.value RETURNING value`,
        [counter, count],
      );
      last.push(numberIn(row, 'value'));
    }
    const writes = batch.writes(last);
    for (const { score } of writes.index) if (score !== undefined) checkScore(score);
    const encoded = await encodeWrites(records, writes.records);
    for (const write of encoded) {
      if (write.expected === undefined) continue;
      const changed = await db.all(`UPDATE ${tables.records} SET value = ? WHERE key = ? AND value = ? RETURNING key`, [
        write.raw,
        write.rawKey,
        write.expected,
      ]);
      if (changed.length !== 1) return false;
    }
    const puts = encoded.filter((write) => write.expected === undefined);
    if (puts.length > 0) {
      await db.all(
        `INSERT INTO ${tables.records} (key, value) VALUES ${rows(puts.length, '(?, ?)')} ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        puts.flatMap((write) => [write.rawKey, write.raw]),
      );
    }
    const adds = writes.index.filter((write) => write.score !== undefined);
    if (adds.length > 0) {
      await db.all(
        `INSERT INTO ${tables.sortedIndex} (idx, member, score) VALUES ${rows(adds.length, '(?, ?, ?)')} ON CONFLICT (idx, member) DO UPDATE SET score = excluded.score`,
        adds.flatMap((write) => [write.index, write.member, write.score]),
      );
    }
    const removes = writes.index.filter((write) => write.score === undefined);
    if (removes.length > 0) {
      await db.all(
        `DELETE FROM ${tables.sortedIndex} WHERE ${removes.map(() => '(idx = ? AND member = ?)').join(' OR ')}`,
        removes.flatMap((write) => [write.index, write.member]),
      );
    }
    return true;
  });
}
