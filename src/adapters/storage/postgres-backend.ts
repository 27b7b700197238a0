/**
 * PostgreSQL backend: records in keyv's table through @keyv/postgres, and counters, claims and
 * sorted indexes in tables of our own, all in schema `public` with names prefixed by the namespace.
 * Every statement goes through the adapter's own pool (`store.query`), so one pool serves both.
 */
import { KeyvPostgres } from '@keyv/postgres';
import { recordKeyv } from './keyv-record-store.js';
import { releaseSharedPool, retainSharedPool, sharedPool, sharedPoolOptions } from './postgres-pool.js';
import type { Backend } from './primitives.js';
import { redactUrl } from './redact-url.js';
import { sqlBackend } from './sql-backend.js';
import type { SqlTransaction } from './sql-commit.js';
import type { SqlRow, SqlRunner } from './sql-primitives.js';
import { RECORD_KEY_SIZE, schemaStatements, sqlTables } from './sql-schema.js';
import { errorCode, errorMessage, storeErrorReporter, type StoreLogger } from './store-logger.js';

export interface PostgresBackend extends Backend {
  /** One raw statement with `?` placeholders, through the backend's pool: for diagnostics and tests. */
  query(sql: string, params?: readonly unknown[]): Promise<SqlRow[]>;
  /** Drops this namespace's tables and everything in them (tests clean up with it). */
  dropTables(): Promise<void>;
}

/**
 * Two processes creating the same table at the same moment: one of them fails with a unique
 * violation on the catalog (23505) or "already exists" (42P07 table, 42710 index). The table is
 * there either way.
 */
const CONCURRENT_CREATE = new Set(['23505', '42P07', '42710']);
const isConcurrentCreate = (error: unknown) => CONCURRENT_CREATE.has(errorCode(error) ?? '');

const DEADLOCK = '40P01';

/** Pooled connections one process's commits may hold at once (of pg's default ten). */
const MAX_COMMITS_AT_ONCE = 4;

/** At most `size` tasks at once; the others wait in order. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  async use<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The slot goes straight to the next one waiting, if any.
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}

/** Our statements use `?`; pg wants `$1, $2, …`. None of our SQL has a literal question mark. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function rowsOf(result: unknown): SqlRow[] {
  return Array.isArray(result) ? result.filter((row): row is SqlRow => typeof row === 'object' && row !== null) : [];
}

export async function openPostgresBackend(storeUrl: string, namespace: string, logger?: StoreLogger): Promise<PostgresBackend> {
  const where = redactUrl(storeUrl);
  const tables = sqlTables(namespace, 'public');
  const report = storeErrorReporter('postgres', logger);
  retainSharedPool(storeUrl);
  const store = new KeyvPostgres({
    uri: storeUrl,
    schema: 'public',
    table: `${namespace}_records`,
    keySize: RECORD_KEY_SIZE,
    ...sharedPoolOptions(storeUrl, report),
  });
  const keyv = recordKeyv(store, (error) => {
    if (!isConcurrentCreate(error)) report(error);
  });
  const db: SqlRunner = { all: async (sql, params) => rowsOf(await store.query(numbered(sql), [...params])) };
  // At most a few commits of one process hold a pooled connection at once; the others wait in the
  // process. Commits numbering entries of one workspace wait for each other on the counter's row,
  // and while waiting there each holds a connection that the reads of other requests need (the
  // pool has ten): with all of them held, reads timed out.
  const slots = new Slots(MAX_COMMITS_AT_ONCE);
  const transaction: SqlTransaction = (work) => slots.use(() => transactionOnOneConnection(work));
  const transactionOnOneConnection: SqlTransaction = async (work) => {
    // The pool exists once a statement ran (opening runs the schema statements).
    const pool = sharedPool(storeUrl);
    if (!pool) throw new Error(`The PostgreSQL store at ${where} has no connection pool yet`);
    const connection = await pool.connect();
    // The query in flight fails on its own when the connection dies; this only keeps the event from crashing the process.
    const onError = (error: unknown) => report(error);
    connection.on('error', onError);
    const tx: SqlRunner = { all: async (sql, params) => rowsOf((await connection.query(numbered(sql), [...params])).rows) };
    let failure: Error | undefined;
    try {
      await tx.all('BEGIN', []);
      const committed = await work(tx);
      await tx.all(committed ? 'COMMIT' : 'ROLLBACK', []);
      return committed;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      // A deadlock between two commits rolls one back: the unit of work runs again, as after a conflict.
      if (
        errorCode(error) === DEADLOCK &&
        (await tx.all('ROLLBACK', []).then(
          () => true,
          () => false,
        ))
      ) {
        failure = undefined;
        return false;
      }
      throw error;
    } finally {
      // After any other failure the connection's state is unknown: close it rather than reuse it.
      connection.off('error', onError);
      connection.release(failure);
    }
  };

  let closing: Promise<void> | undefined;
  const close = async () => {
    closing ??= releaseSharedPool(storeUrl) ? store.disconnect() : Promise.resolve();
    await closing;
  };

  try {
    // store.query waits for keyv's own CREATE TABLE, so ours never races it within this process.
    for (const statement of schemaStatements('postgres', tables)) {
      await db.all(statement, []).catch((error: unknown) => {
        if (!isConcurrentCreate(error)) throw error;
      });
    }
  } catch (error) {
    await close();
    throw new Error(`Cannot open the PostgreSQL store at ${where}: ${errorMessage(error)}`, { cause: error });
  }

  return {
    ...sqlBackend('postgres', { keyv, db, transaction, tables, close, label: `PostgreSQL store at ${where}` }),
    query: (sql, params = []) => db.all(sql, params),
    async dropTables() {
      for (const table of [tables.records, tables.sortedIndex, tables.counters, tables.claims]) {
        await db.all(`DROP TABLE IF EXISTS ${table}`, []);
      }
    },
  };
}
