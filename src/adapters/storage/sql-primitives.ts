/**
 * Counters, claims, sorted indexes, purge and the records' compare-and-set for SQLite and
 * PostgreSQL. Each primitive is one statement, atomic on its own: no read-modify-write and no
 * multi-statement transaction (a deferred SQLite transaction that upgrades to a write fails at
 * once with SQLITE_BUSY instead of waiting).
 */
import type { RawRecordAccess } from './keyv-record-store.js';
import type { Claims, Counters, RangeOptions, SortedIndex } from './primitives.js';
import { checkLimit, checkRange, checkScore, checkTtl } from './argument-checks.js';
import { SWEEP_AT_MOST, sweepSchedule } from './expired-claims.js';
import type { SqlTables } from './sql-schema.js';

export type SqlRow = Record<string, unknown>;

/** Runs one statement written with `?` placeholders and resolves with the rows it returns. */
export interface SqlRunner {
  all(sql: string, params: readonly unknown[]): Promise<SqlRow[]>;
}

/** The range query, exported so that a test can check that its plan reads only the range. */
export function rangeSql(tables: SqlTables, options: { reverse: boolean; limited: boolean }): string {
  const order = options.reverse ? 'score DESC, member DESC' : 'score ASC, member ASC';
  return `SELECT member FROM ${tables.sortedIndex} WHERE idx = ? AND score >= ? AND score < ? ORDER BY ${order}${options.limited ? ' LIMIT ?' : ''}`;
}

/** The count query, exported for the same reason. */
export function countSql(tables: SqlTables): string {
  return `SELECT COUNT(*) AS n FROM ${tables.sortedIndex} WHERE idx = ? AND score >= ? AND score < ?`;
}

/** PostgreSQL returns BIGINT and COUNT(*) as strings; SQLite as numbers. */
export function numberIn(row: SqlRow | undefined, column: string): number {
  const value = row?.[column];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' || typeof value === 'bigint') return Number(value);
  return 0;
}

export function sqlRecordAccess(db: SqlRunner, tables: SqlTables): RawRecordAccess {
  return {
    // keyv is used with no key prefix: the table is the namespace.
    rawKey: (key) => key,
    async readRaw(rawKey) {
      const [row] = await db.all(`SELECT value FROM ${tables.records} WHERE key = ?`, [rawKey]);
      return typeof row?.value === 'string' ? row.value : undefined;
    },
    async compareAndSet(rawKey, expected, next) {
      const rows = await db.all(`UPDATE ${tables.records} SET value = ? WHERE key = ? AND value = ? RETURNING key`, [
        next,
        rawKey,
        expected,
      ]);
      return rows.length === 1;
    },
  };
}

export function sqlSortedIndex(db: SqlRunner, tables: SqlTables): SortedIndex {
  return {
    async add(index, member, score) {
      checkScore(score);
      await db.all(
        `INSERT INTO ${tables.sortedIndex} (idx, member, score) VALUES (?, ?, ?) ON CONFLICT (idx, member) DO UPDATE SET score = excluded.score`,
        [index, member, score],
      );
    },
    async remove(index, member) {
      await db.all(`DELETE FROM ${tables.sortedIndex} WHERE idx = ? AND member = ?`, [index, member]);
    },
    async range(index, min, max, options: RangeOptions = {}) {
      checkRange(min, max);
      const limit = checkLimit(options.limit);
      if (limit === 0) return [];
      const sql = rangeSql(tables, { reverse: options.reverse === true, limited: limit !== undefined });
      const rows = await db.all(sql, limit === undefined ? [index, min, max] : [index, min, max, limit]);
      return rows.map((row) => String(row.member));
    },
    async count(index, min, max) {
      checkRange(min, max);
      const [row] = await db.all(countSql(tables), [index, min, max]);
      return numberIn(row, 'n');
    },
  };
}

export function sqlCounters(db: SqlRunner, tables: SqlTables): Counters {
  return {
    async next(name) {
      const [row] = await db.all(
        `INSERT INTO ${tables.counters} AS c (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = c.value + 1 RETURNING value`,
        [name],
      );
      return numberIn(row, 'value');
    },
    async current(name) {
      const [row] = await db.all(`SELECT value FROM ${tables.counters} WHERE name = ?`, [name]);
      return numberIn(row, 'value');
    },
  };
}

/**
 * Removes up to SWEEP_AT_MOST expired claims, oldest expiry first, through the expiry index
 * (parameters: now, now). The outer condition is checked again on each row as it is deleted, so a
 * claim that another process has just taken over (a new expiry) stays. Exported for its plan's test.
 */
export function sweepExpiredClaimsSql(tables: SqlTables): string {
  return `DELETE FROM ${tables.claims} WHERE expires_at <= ? AND key IN
    (SELECT key FROM ${tables.claims} WHERE expires_at <= ? ORDER BY expires_at LIMIT ${SWEEP_AT_MOST})`;
}

/** Expiry is compared with this process's clock (`Date.now()`), as the brief for claims asks. */
export function sqlClaims(db: SqlRunner, tables: SqlTables): Claims {
  const sweepDue = sweepSchedule();
  const sweepSql = sweepExpiredClaimsSql(tables);
  // Housekeeping: a sweep that fails (a busy store) leaves its claims to the next one, and the
  // claim it follows has been made all the same.
  const sweepExpired = (now: number) => db.all(sweepSql, [now, now]).catch(() => undefined);
  return {
    async claim(key, owner, ttlMs) {
      const ttl = checkTtl(ttlMs);
      const now = Date.now();
      const rows = await db.all(
        `INSERT INTO ${tables.claims} AS c (key, owner, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE c.expires_at IS NOT NULL AND c.expires_at <= ? RETURNING key`,
        [key, owner, ttl > 0 ? now + ttl : null, now],
      );
      if (sweepDue(ttl)) await sweepExpired(now);
      return rows.length === 1;
    },
    async release(key, owner) {
      await db.all(`DELETE FROM ${tables.claims} WHERE key = ? AND owner = ?`, [key, owner]);
    },
    async holder(key) {
      const [row] = await db.all(`SELECT owner FROM ${tables.claims} WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)`, [
        key,
        Date.now(),
      ]);
      return typeof row?.owner === 'string' ? row.owner : undefined;
    },
  };
}

/**
 * Deletes by exact prefix (not LIKE: SQLite's LIKE ignores case and `_`/`%` would be wildcards).
 * Each whole index counts once, like each record, counter and claim.
 */
export async function sqlPurge(db: SqlRunner, tables: SqlTables, prefix: string): Promise<number> {
  const startsWith = (column: string) => `substr(${column}, 1, length(CAST(? AS TEXT))) = CAST(? AS TEXT)`;
  const params = [prefix, prefix];
  const records = await db.all(`DELETE FROM ${tables.records} WHERE ${startsWith('key')} RETURNING key`, params);
  const indexRows = await db.all(`DELETE FROM ${tables.sortedIndex} WHERE ${startsWith('idx')} RETURNING idx`, params);
  const counters = await db.all(`DELETE FROM ${tables.counters} WHERE ${startsWith('name')} RETURNING name`, params);
  const claims = await db.all(`DELETE FROM ${tables.claims} WHERE ${startsWith('key')} RETURNING key`, params);
  const indexes = new Set(indexRows.map((row) => row.idx));
  return records.length + indexes.size + counters.length + claims.length;
}
