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
  /** The record with its stored form, for a compare-and-set inside `Backend.commit`; undefined when absent. */
  read<T>(key: string): Promise<StoredRecord<T> | undefined>;
}

/** A record as read, with the exact form it is stored in (opaque: only `Backend.commit` compares it). */
export interface StoredRecord<T> {
  readonly value: T;
  readonly stored: string;
  /** keyv's expiry, kept by a compare-and-set. */
  readonly expires: number | undefined;
}

/** One record written by a commit: unconditionally, or only if it still holds `expected` (compare-and-set). */
export interface RecordWrite {
  readonly key: string;
  readonly value: unknown;
  readonly expected?: StoredRecord<unknown>;
}

/** One sorted-index change of a commit: `score` adds or moves the member, undefined removes it. */
export interface IndexWrite {
  readonly index: string;
  readonly member: string;
  readonly score: number | undefined;
}

/**
 * Everything one unit of work writes, applied all or nothing by `Backend.commit`. Sequences are
 * counters the commit advances by `count` in the same atomic step, so a failed commit uses up no
 * number: `writes` receives the last number each sequence handed out (in order) and returns the
 * records and index changes, which may depend on those numbers (evidence entries are hashed with
 * their sequence number). `writes` may be called more than once and must have no side effects.
 */
export interface CommitBatch {
  readonly sequences: readonly { readonly counter: string; readonly count: number }[];
  writes(lastNumbers: readonly number[]): { readonly records: readonly RecordWrite[]; readonly index: readonly IndexWrite[] };
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
  /**
   * Applies `batch` atomically: everything or nothing, visible to readers at once. False (and
   * nothing written) when a compare-and-set found its record changed; throws (and nothing
   * written) when the store fails. One transaction in SQL, one Lua script in Redis.
   */
  commit(batch: CommitBatch): Promise<boolean>;
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
