/**
 * The SQLite connection every statement of a process runs on: better-sqlite3, called on the event
 * loop's thread. A statement on a small indexed table takes microseconds there, against 60–150 µs
 * of main-thread time through `sqlite3`'s thread pool and its connection lock (issue 17: that
 * driver was the bot's largest single cost under load). Three things keep a synchronous driver
 * from stalling the acknowledgements:
 * - each statement outside a transaction starts on a new turn of the event loop, so waiting HTTP
 *   requests go first and a long run of statements (an export) never holds the loop for more than
 *   one statement; a transaction's statements run straight through, since it holds the write lock;
 * - a busy database (another process's write) is waited for with timers, not inside SQLite;
 * - the WAL is copied into the database by a checkpointer thread (sqlite-checkpointer.ts), so the
 *   disk syncs of a checkpoint happen off the event loop.
 */
import Database from 'better-sqlite3';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { SqlRow } from './sql-primitives.js';

/**
 * The page cache per connection, in KiB: SQLite's own default (better-sqlite3 builds with 16 MB,
 * which a store of point reads does not need and every process would keep resident).
 */
export const PAGE_CACHE_KIB = 2000;

/** Prepared statements kept per connection; our statements are a few dozen distinct texts. */
const STATEMENT_CACHE_LIMIT = 256;

export interface SqliteConnection {
  /** Runs one statement written with `?` placeholders; resolves with the rows it returns (none for writes). */
  run(sql: string, params: readonly unknown[]): Promise<SqlRow[]>;
  /**
   * The same without waiting for the next turn: for the statements of a transaction, which holds
   * the file's write lock, and every other process's writes with it, until it ends.
   */
  runInTransaction(sql: string, params: readonly unknown[]): Promise<SqlRow[]>;
  /** Calls `callback` once, before the next statement that writes (the checkpointer starts there). */
  onFirstWrite(callback: () => void): void;
  close(): void;
}

export interface SqliteConnectionOptions {
  /** How long a statement waits for another process's write lock before it fails. */
  readonly busyTimeoutMs: number;
}

// better-sqlite3 binds numbers, strings, bigints, buffers and null; sqlite3 also took booleans and
// undefined, which callers of `SqlRunner` may still pass.
const bindable = (value: unknown): unknown => (value === undefined ? null : typeof value === 'boolean' ? Number(value) : value);

const isBusy = (error: unknown) =>
  typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('SQLITE_BUSY');

export function openSqliteConnection(file: string, options: SqliteConnectionOptions): SqliteConnection {
  // timeout 0: SQLite's own busy handler would sleep on this thread; run() waits with timers instead.
  const db = new Database(file, { timeout: 0 });
  const statements = new Map<string, Database.Statement>();
  let beforeFirstWrite: (() => void) | undefined;

  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const runOnce = (sql: string, params: readonly unknown[]): SqlRow[] => {
    const statement = prepared(sql);
    const values = params.map(bindable);
    if (beforeFirstWrite && !statement.readonly) {
      const callback = beforeFirstWrite;
      beforeFirstWrite = undefined;
      callback();
    }
    if (!statement.reader) {
      statement.run(...values);
      return [];
    }
    return statement.all(...values) as SqlRow[];
  };

  return {
    onFirstWrite(callback) {
      beforeFirstWrite = callback;
    },
    async run(sql, params) {
      await nextTurn();
      return runWaitingWhileBusy(sql, params);
    },
    runInTransaction: (sql, params) => runWaitingWhileBusy(sql, params),
    close() {
      statements.clear();
      if (db.open) db.close();
    },
  };

  async function runWaitingWhileBusy(sql: string, params: readonly unknown[]): Promise<SqlRow[]> {
    const deadline = Date.now() + options.busyTimeoutMs;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return runOnce(sql, params);
      } catch (error) {
        // A busy statement did nothing: it is safe to run it again once the other writer is done.
        if (!isBusy(error) || Date.now() >= deadline) throw error;
        await sleep(Math.min(attempt, 20));
      }
    }
  }
}
