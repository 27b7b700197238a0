/**
 * SQLite backend: one file that several processes on one host may share. Records live in keyv's
 * table through @keyv/sqlite; counters, claims and sorted indexes in tables of our own in the same
 * file, each primitive a single statement. WAL lets readers and the one writer work at once, and
 * the busy timeout makes a writer wait for the file lock instead of failing with SQLITE_BUSY.
 */
import { KeyvSqlite } from '@keyv/sqlite';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { recordKeyv } from './keyv-record-store.js';
import type { Backend } from './primitives.js';
import { sqlBackend } from './sql-backend.js';
import type { SqlTransaction } from './sql-commit.js';
import type { SqlRow, SqlRunner } from './sql-primitives.js';
import { StatementGate } from './statement-gate.js';
import { RECORD_KEY_SIZE, schemaStatements, sqlTables } from './sql-schema.js';
import { errorMessage, storeErrorReporter, type StoreLogger } from './store-logger.js';

/** How long a write waits for another process's write to finish before it fails. */
const BUSY_TIMEOUT_MS = 10_000;

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

function rowsOf(result: unknown): SqlRow[] {
  return Array.isArray(result) ? result.filter((row): row is SqlRow => typeof row === 'object' && row !== null) : [];
}

export async function openSqliteBackend(storeUrl: string, namespace: string, logger?: StoreLogger): Promise<Backend> {
  const file = sqliteFilePath(storeUrl);
  if (file !== IN_MEMORY) await mkdir(dirname(file), { recursive: true });
  const tables = sqlTables(namespace);
  // @keyv/sqlite takes ONE options object; its README's two-argument form silently drops the options.
  const store = new KeyvSqlite({ uri: `sqlite://${file}`, table: tables.records, busyTimeout: BUSY_TIMEOUT_MS, keySize: RECORD_KEY_SIZE });
  const keyv = recordKeyv(store, storeErrorReporter('sqlite', logger));
  // Every statement of keyv and of ours passes the gate, so none slips into a commit's transaction.
  const gate = new StatementGate();
  const direct = store.query;
  store.query = (sql: string, ...params: unknown[]) => gate.shared(() => direct(sql, ...params));
  const db: SqlRunner = { all: async (sql, params) => rowsOf(await store.query(sql, ...params)) };
  const transaction: SqlTransaction = (work) =>
    gate.exclusive(async () => {
      const tx: SqlRunner = { all: async (sql, params) => rowsOf(await direct(sql, ...params)) };
      // IMMEDIATE takes the write lock now (waiting up to the busy timeout for another process), so
      // the transaction never fails half-way with SQLITE_BUSY when it starts writing.
      await tx.all('BEGIN IMMEDIATE', []);
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

  let closing: Promise<void> | undefined;
  const close = async () => {
    closing ??= store.disconnect().catch(() => {
      // Nothing to close when the file never opened.
    });
    await closing;
  };

  try {
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
