/**
 * @keyv/postgres keeps ONE module-global pg.Pool, created for the first connection URI it sees,
 * replaced (not ended) when another URI comes along, and ended by `disconnect()` on ANY instance,
 * even one opened for another namespace. This module counts the backends open per URI so that only
 * the last one to close ends the pool, and then only while that pool is still the current one.
 *
 * The pool is never handed out, yet pg.Pool emits 'error' when an idle connection dies (a database
 * restart, a terminated backend), and an 'error' event with no listener crashes the process. The
 * only hook into the pool the adapter passes on is its config, so the `log` option (which pg-pool
 * calls as a method of the pool, before any connection exists) attaches the listener, and keeps
 * the pool at hand for transactions, which need one connection from BEGIN to COMMIT.
 */
import { EventEmitter } from 'node:events';

const openBackendsPerUri = new Map<string, number>();
let newestUri: string | undefined;

/** Call before constructing a KeyvPostgres for `uri`. */
export function retainSharedPool(uri: string): void {
  openBackendsPerUri.set(uri, (openBackendsPerUri.get(uri) ?? 0) + 1);
  newestUri = uri;
}

/** Call when a backend on `uri` closes; true when the caller should end the shared pool. */
export function releaseSharedPool(uri: string): boolean {
  const remaining = (openBackendsPerUri.get(uri) ?? 1) - 1;
  if (remaining > 0) {
    openBackendsPerUri.set(uri, remaining);
    return false;
  }
  openBackendsPerUri.delete(uri);
  poolsByUri.delete(uri);
  // A pool replaced by a later URI can no longer be reached; its idle connections time out on their own.
  return newestUri === uri;
}

/** How long to wait for a connection before a query fails (the store is down: answer "try again" quickly). */
const CONNECTION_TIMEOUT_MS = 5_000;

const watchedPools = new WeakSet<object>();

/** The part of a pg.PoolClient a transaction needs. */
export interface PooledConnection {
  query(sql: string, values: unknown[]): Promise<{ rows: unknown }>;
  /** Back to the pool; with an error the connection is closed instead of reused. */
  release(error?: Error): void;
  /** pg emits 'error' on a checked-out client whose connection dies; with no listener it would crash the process. */
  on(event: 'error', listener: (error: unknown) => void): unknown;
  off(event: 'error', listener: (error: unknown) => void): unknown;
}

interface ConnectablePool {
  connect(): Promise<PooledConnection>;
}

/** The shared pool of each URI, seen through the same hook (transactions need one connection throughout). */
const poolsByUri = new Map<string, ConnectablePool>();

/** The pool serving `uri` once a statement has run on it, for checking out one connection for a transaction. */
export function sharedPool(uri: string): ConnectablePool | undefined {
  return poolsByUri.get(uri);
}

/** pg.Pool options, used only by the pool created first for a URI. */
export function sharedPoolOptions(uri: string, onPoolError: (error: unknown) => void) {
  return {
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    // A one-shot CLI command that forgets to close must still be able to exit.
    allowExitOnIdle: true,
    log(this: unknown): void {
      if (!(this instanceof EventEmitter) || watchedPools.has(this)) return;
      poolsByUri.set(uri, this as unknown as ConnectablePool);
      watchedPools.add(this);
      this.on('error', onPoolError);
    },
  };
}
