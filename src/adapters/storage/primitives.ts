/**
 * The storage primitives every backend provides. Records live in keyv (the store of records);
 * what keyv lacks (atomic counters, claims, sorted indexes, compare-and-set) each backend does
 * with its own primitive through the raw client beneath keyv: SQL tables and indexes in SQLite
 * and PostgreSQL, INCR / SET NX / sorted sets / Lua in Redis, plain maps in memory.
 *
 * The repositories in ./repositories are written once over these interfaces. Nothing here does a
 * read-modify-write of a shared key: several instances may use one store at the same time.
 */

export type BackendKind = 'memory' | 'sqlite' | 'redis' | 'postgres';

/** JSON-serialisable records carrying a version that `update` bumps. */
export interface Versioned {
  readonly version: number;
}

export interface RecordStore {
  /** Undefined when the key is absent. */
  get<T>(key: string): Promise<T | undefined>;
  /** Values in the order of `keys`; undefined for absent keys. One round trip. */
  getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]>;
  /** Writes unconditionally (new records whose key nobody else can produce). */
  put<T>(key: string, value: T): Promise<void>;
  /**
   * Optimistic compare-and-set: reads the record, applies `change`, and saves the result (with
   * `version` + 1) only if the stored record is still the one read; otherwise retries from a
   * fresh read. Undefined when the key is absent. Errors thrown by `change` propagate unchanged.
   */
  update<T extends Versioned>(key: string, change: (current: T) => T): Promise<T | undefined>;
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>;
}

export interface RangeOptions {
  /** Highest scores first. */
  readonly reverse?: boolean;
  /** At most this many members (a non-negative integer; 0 gives none). */
  readonly limit?: number;
}

/**
 * Sorted sets of string members, one set per index name. Adding a member that exists moves it to
 * the new score (one atomic statement, no read-modify-write).
 */
export interface SortedIndex {
  add(index: string, member: string, score: number): Promise<void>;
  remove(index: string, member: string): Promise<void>;
  /** Members with `min <= score < max`, ordered by score then member. Reads only that range. */
  range(index: string, min: number, max: number, options?: RangeOptions): Promise<string[]>;
  /** Number of members with `min <= score < max`. */
  count(index: string, min: number, max: number): Promise<number>;
}

export interface Counters {
  /** Increments and returns the new value (1 for a new counter). Atomic across processes. */
  next(name: string): Promise<number>;
  /** Current value without changing it (0 for a new counter). */
  current(name: string): Promise<number>;
}

export interface Claims {
  /**
   * Atomically claims `key` for `owner`. True when this call won: the key was free, or its
   * previous claim had expired. `ttlMs` of 0 claims for good.
   */
  claim(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases the claim only if `owner` still holds it (compare-and-delete). */
  release(key: string, owner: string): Promise<void>;
  /** The current holder, or undefined when free or expired. */
  holder(key: string): Promise<string | undefined>;
}

/** One opened store: the primitives plus its lifecycle. */
export interface Backend {
  readonly kind: BackendKind;
  readonly records: RecordStore;
  readonly index: SortedIndex;
  readonly counters: Counters;
  readonly claims: Claims;
  /** Resolves when the store answers a trivial query; throws with the reason otherwise. */
  ping(): Promise<void>;
  /**
   * Deletes every record, index, counter and claim whose key or name starts with `prefix` (for
   * erasing one workspace: `ws:<workspaceId>:`). Returns how many were removed, counting each
   * record, each whole index, each counter and each claim once. Not atomic as a whole: run it
   * when nothing writes under that prefix any more.
   */
  purge(prefix: string): Promise<number>;
  /**
   * After an erasure or a purge: makes what was deleted or overwritten unreadable in the store's
   * own files, where the backend can do that itself (SQLite empties its write-ahead log into the
   * database, whose freed space `secure_delete` has zeroed). `complete` is false when another
   * connection kept part of the log. Absent where only the operator can (see README → Security).
   */
  shredRemoved?(): Promise<{ complete: boolean }>;
  /** Closes connections; pending writes finish first. Calling it again does nothing. */
  close(): Promise<void>;
}
