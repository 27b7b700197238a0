/**
 * Copies the SQLite write-ahead log into the database file from a thread of its own. A checkpoint
 * writes every page the log holds and syncs the file twice: tens of milliseconds on a VM disk,
 * every thousand pages or so, which under load is several times a second. Run by the connection
 * that happened to commit (SQLite's default), each would stall the event loop and every request
 * waiting on it; here the writes and syncs happen on this thread, and the connection's own
 * automatic checkpoint is only a backstop for when this thread cannot keep up.
 *
 * The thread loads the same better-sqlite3 as the main connection, so the process has one copy
 * of SQLite and one set of file locks (see sqlite-backend.ts). Its code is a few lines of plain
 * JavaScript, given as source so that the same file runs from dist/ and from the TypeScript
 * sources under test.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { PAGE_CACHE_KIB } from './sqlite-connection.js';

/** How often the thread looks for pages to copy. A checkpoint with nothing to copy costs microseconds. */
const CHECKPOINT_INTERVAL_MS = 250;

const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// This thread may wait for the file: its busy handler sleeps here, not on the event loop.
const db = new Database(workerData.file, { timeout: 5000 });
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -' + workerData.pageCacheKib);
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (another process checkpoints): the next round tries again.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
parentPort.postMessage('ready');
`;

export interface Checkpointer {
  /** Resolves once the thread is running; rejects when it could not start. */
  readonly ready: Promise<void>;
  /** A last checkpoint, then the thread ends. */
  close(): Promise<void>;
}

export function startCheckpointer(file: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    // The thread allocates next to nothing: small heaps keep its resident memory near Node's
    // floor for a thread (about 13 MB here, 16 MB with the defaults).
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16, stackSizeMb: 1 },
    workerData: { driver, file, intervalMs: CHECKPOINT_INTERVAL_MS, pageCacheKib: PAGE_CACHE_KIB },
  });
  // Never what keeps the process alive: the store's close ends it, and so does the process's end.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
    void exited.then(() => reject(new Error('The SQLite checkpoint thread ended before it started')));
  });
  ready.catch(() => undefined);
  return {
    ready,
    async close() {
      // Awaited now: kept alive until the thread has closed its connection.
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
