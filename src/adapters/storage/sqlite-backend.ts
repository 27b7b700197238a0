/**
 * SQLite backend: one file that several processes on one host may share. Records live in keyv's
 * table through @keyv/sqlite; counters, claims and sorted indexes in tables of our own in the same
 * file, each primitive a single statement. WAL lets readers and the one writer work at once, and
 * the busy timeout makes a writer wait for the file lock instead of failing with SQLITE_BUSY.
 *
 * Every statement, keyv's included, runs on one better-sqlite3 connection (sqlite-connection.ts
 * says why). @keyv/sqlite opens a `sqlite3` connection of its own when it is built; it is given an
 * in-memory database it never uses, because two copies of the SQLite library in one process must
 * never open the same file (their POSIX locks would undo each other: sqlite.org/howtocorrupt.html).
 */
import { KeyvSqlite } from '@keyv/sqlite';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { recordKeyv } from './keyv-record-store.js';
import type { Backend } from './primitives.js';
import { sqlBackend } from './sql-backend.js';
import type { SqlTransaction } from './sql-commit.js';
import type { SqlRunner } from './sql-primitives.js';
import { StatementGate } from './statement-gate.js';
import { RECORD_KEY_SIZE, schemaStatements, sqlTables } from './sql-schema.js';
import { errorMessage, storeErrorReporter, type StoreLogger } from './store-logger.js';
import { type Checkpointer, startCheckpointer } from './sqlite-checkpointer.js';
import { PAGE_CACHE_KIB, openSqliteConnection } from './sqlite-connection.js';

/** How long a write waits for another process's write to finish before it fails. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Log pages at which a commit checkpoints by itself: only when the checkpoint thread has fallen
 * far behind (SQLite's default is 1,000, which the thread keeps well under).
 */
const BACKSTOP_CHECKPOINT_PAGES = 10_000;

const IN_MEMORY = ':memory:';

/**
 * The database file named by `sqlite://<path>`: `sqlite://./data/x.sqlite` and
 * `sqlite://data/x.sqlite` are relative to the working directory, `sqlite:///abs/x.sqlite` is absolute.
 */
export function sqliteFilePath(storeUrl: string): string {
  const path = storeUrl.replace(/^sqlite:\/\//i, '');
  if (!path)
    throw new Error('A SQLite store URL needs a file path, for example sqlite://./data/store.sqlite or sqlite:///var/lib/cfb/store.sqlite');
  return path === IN_MEMORY ? path : resolve(path);
}

export async function openSqliteBackend(storeUrl: string, namespace: string, logger?: StoreLogger): Promise<Backend> {
  const file = sqliteFilePath(storeUrl);
  if (file !== IN_MEMORY) await mkdir(dirname(file), { recursive: true });
  const tables = sqlTables(namespace);
  let connection: ReturnType<typeof openSqliteConnection>;
  try {
    connection = openSqliteConnection(file, { busyTimeoutMs: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`Cannot open the SQLite store at ${file}: ${errorMessage(error)}`, { cause: error });
  }
  // @keyv/sqlite takes ONE options object; its README's two-argument form silently drops the options.
  const store = new KeyvSqlite({ uri: `sqlite://${IN_MEMORY}`, table: tables.records, keySize: RECORD_KEY_SIZE });
  const unusedConnection = store.close;
  const keyv = recordKeyv(store, storeErrorReporter('sqlite', logger));
  // Every statement of keyv and of ours passes the gate, so none slips into a commit's transaction.
  const gate = new StatementGate();
  const direct = (sql: string, params: readonly unknown[]) => connection.run(sql, params);
  store.query = (sql: string, ...params: unknown[]) => gate.shared(() => direct(sql, params));
  const db: SqlRunner = { all: (sql, params) => gate.shared(() => direct(sql, params)) };
  const transaction: SqlTransaction = (work) =>
    gate.exclusive(async () => {
      const tx: SqlRunner = { all: (sql, params) => connection.runInTransaction(sql, params) };
      // IMMEDIATE takes the write lock now (waiting up to the busy timeout for another process), so
      // the transaction never fails half-way with SQLITE_BUSY when it starts writing.
      await direct('BEGIN IMMEDIATE', []);
      let finished = false;
      try {
        const committed = await work(tx);
        await tx.all(committed ? 'COMMIT' : 'ROLLBACK', []);
        finished = true;
        return committed;
      } finally {
        if (!finished) await tx.all('ROLLBACK', []).catch(() => undefined);
      }
    });

  let checkpointer: Checkpointer | undefined;
  let closing: Promise<void> | undefined;
  const close = async () => {
    closing ??= (async () => {
      await checkpointer?.close();
      // Statements already admitted finish first: the gate's exclusive turn waits for them.
      await gate.exclusive(async () => connection.close());
      await unusedConnection().catch(() => undefined);
    })();
    await closing;
  };

  try {
    // Through run(), which waits while another process holds the file (it may be switching it to
    // WAL at this very moment): a statement sent directly would fail at once with SQLITE_BUSY.
    await db.all(`PRAGMA cache_size=-${PAGE_CACHE_KIB}`, []);
    const [mode] = await db.all('PRAGMA journal_mode=WAL', []);
    if (file !== IN_MEMORY && mode?.journal_mode !== 'wal') {
      logger?.warn(
        { store: 'sqlite', file, journalMode: mode?.journal_mode },
        'SQLite did not switch to WAL; concurrent processes may wait longer for each other',
      );
    }
    // In WAL mode NORMAL syncs the log at each checkpoint instead of at each commit. A commit is
    // still atomic, and a crash of the process loses nothing; a power cut or an OS crash can lose
    // the last commits before the checkpoint (the file stays consistent). FULL syncs every commit,
    // and each sync held the one connection, and with it every request of the process, for
    // milliseconds: under load the bot's acknowledgements queued behind the disk (issue 17).
    await db.all('PRAGMA synchronous=NORMAL', []);
    // Deleted and overwritten rows are zeroed on disk, not left in free pages: an erased name must
    // not survive in the file. The log is emptied after erasures (shredRemoved below).
    await db.all('PRAGMA secure_delete=ON', []);
    for (const statement of schemaStatements('sqlite', tables)) await db.all(statement, []);
    // Started by the first write, so a command that only reads never starts a thread.
    if (file !== IN_MEMORY)
      connection.onFirstWrite(() => {
        checkpointer = startCheckpointer(file);
        checkpointer.ready
          .then(
            () => db.all(`PRAGMA wal_autocheckpoint=${BACKSTOP_CHECKPOINT_PAGES}`, []),
            (error: unknown) =>
              logger?.warn(
                { store: 'sqlite', err: errorMessage(error) },
                'SQLite checkpoint thread did not start; commits checkpoint the log themselves',
              ),
          )
          .catch(() => undefined);
      });
  } catch (error) {
    await close();
    throw new Error(`Cannot open the SQLite store at ${file}: ${errorMessage(error)}`, { cause: error });
  }

  return {
    ...sqlBackend('sqlite', { keyv, db, transaction, tables, close, label: `SQLite store at ${file}` }),
    async shredRemoved() {
      // Copies every page into the database and cuts the -wal file to zero bytes; busy = 1 when
      // another connection's read kept part of it.
      const [result] = await db.all('PRAGMA wal_checkpoint(TRUNCATE)', []);
      return { complete: Number(result?.busy ?? 0) === 0 };
    },
  };
}
