/**
 * The record store every backend shares: plain reads and writes go through keyv, and `update` is
 * an optimistic compare-and-set on the exact raw key and serialized value keyv uses, done by the
 * backend's own atomic primitive (keyv 5 has no compare-and-set).
 */
import { Keyv, type KeyvStoreAdapter } from 'keyv';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { RecordStore, RecordWrite, StoredRecord, Versioned } from './primitives.js';

/** What a backend gives the record store beneath keyv. */
export interface RawRecordAccess {
  /** The key keyv stores `key` under: exactly the key the raw client sees. */
  rawKey(key: string): string;
  /** The serialized value stored under `rawKey`, read through the raw client; undefined when absent. */
  readRaw(rawKey: string): Promise<string | undefined>;
  /** Replaces `expected` by `next` in one atomic statement; false when the stored value is no longer `expected`. */
  compareAndSet(rawKey: string, expected: string, next: string): Promise<boolean>;
}

/**
 * Enough for 50 writers racing on one record (each round lets one of them through); beyond that
 * the record is hot enough that the caller should hear about it.
 */
const MAX_UPDATE_ATTEMPTS = 100;

/** Keys per keyv `getMany` call (see `getMany`). */
const GET_MANY_SLICE = 500;

/**
 * keyv configured as our store of records: errors throw (a silent `undefined` would look like a
 * missing record), keys are used as given (the backend decides the raw key), and an 'error'
 * listener is always attached because keyv throws an uncaught error when there is none.
 */
export function recordKeyv(store: KeyvStoreAdapter | Map<string, unknown>, onError: (error: unknown) => void): Keyv {
  const keyv = new Keyv({ store, throwOnErrors: true, useKeyPrefix: false, namespace: undefined });
  keyv.on('error', onError);
  return keyv;
}

interface Envelope<T> {
  value: T;
  expires: number | undefined;
}

export class KeyvRecordStore implements RecordStore {
  constructor(
    private readonly keyv: Keyv,
    private readonly raw: RawRecordAccess,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const value = await this.keyv.get<T>(this.raw.rawKey(key));
    return value ?? undefined;
  }

  async getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]> {
    if (keys.length === 0) return [];
    // In slices: @keyv/sqlite pairs rows with keys by a linear search per key, so one call for
    // 10,000 keys costs 50 million comparisons (375 ms; 49 ms in slices of 500).
    const values: (T | undefined)[] = [];
    for (let start = 0; start < keys.length; start += GET_MANY_SLICE) {
      const slice = await this.keyv.getMany<T>(keys.slice(start, start + GET_MANY_SLICE).map((key) => this.raw.rawKey(key)));
      for (const value of slice) values.push(value ?? undefined);
    }
    return values;
  }

  async put<T>(key: string, value: T): Promise<void> {
    await this.keyv.set(this.raw.rawKey(key), value);
  }

  async delete(key: string): Promise<boolean> {
    return this.keyv.delete(this.raw.rawKey(key));
  }

  async read<T>(key: string): Promise<StoredRecord<T> | undefined> {
    const stored = await this.raw.readRaw(this.raw.rawKey(key));
    if (stored === undefined) return undefined;
    const envelope = await this.decode<T>(stored);
    return envelope && { value: envelope.value, stored, expires: envelope.expires };
  }

  async update<T extends Versioned>(key: string, change: (current: T) => T): Promise<T | undefined> {
    const rawKey = this.raw.rawKey(key);
    for (let attempt = 1; attempt <= MAX_UPDATE_ATTEMPTS; attempt++) {
      const current = await this.read<T>(key);
      if (current === undefined) return undefined;
      // `change` may throw a domain error: it propagates as is, and nothing has been written.
      const next = nextVersion(current.value, change(current.value));
      const nextRaw = await this.encode({ value: next, expires: current.expires });
      if (await this.raw.compareAndSet(rawKey, current.stored, nextRaw)) return next;
      await conflictBackoff(attempt);
    }
    throw new Error(`Could not update record ${key}: it kept changing under ${MAX_UPDATE_ATTEMPTS} attempts. Try again shortly.`);
  }

  /** A commit's record write as the backend stores it: raw key, serialized value, and the stored form expected. */
  async encodeWrite(write: RecordWrite): Promise<RawWrite> {
    const raw = await this.encode({ value: write.value, expires: write.expected?.expires });
    return { rawKey: this.raw.rawKey(write.key), raw, ...(write.expected ? { expected: write.expected.stored } : {}) };
  }

  /** Reads the envelope keyv wraps every value in; undefined when empty or expired, as keyv's `get` does. */
  private async decode<T>(stored: string): Promise<Envelope<T> | undefined> {
    const deserialize = this.keyv.deserialize;
    if (!deserialize) throw new Error('keyv has no deserializer configured');
    const data = await deserialize<T>(stored);
    if (data === undefined || data.value === undefined || data.value === null) return undefined;
    if (typeof data.expires === 'number' && Date.now() > data.expires) return undefined;
    return { value: data.value, expires: typeof data.expires === 'number' ? data.expires : undefined };
  }

  /** Serializes exactly as keyv's `set` does, so a later plain `get` reads the new value. */
  private async encode<T>(envelope: Envelope<T>): Promise<string> {
    const serialize = this.keyv.serialize;
    if (!serialize) throw new Error('keyv has no serializer configured');
    return serialize<T>(envelope);
  }
}

/** A record write in the backend's own terms (see `encodeWrite`). */
export interface RawWrite {
  readonly rawKey: string;
  readonly raw: string;
  /** Compare-and-set: the stored value that must still be there. */
  readonly expected?: string;
}

function versionOf(record: Versioned): number {
  return typeof record.version === 'number' && Number.isFinite(record.version) ? record.version : 0;
}

/** `changed` as the next version of `current`: the version is the stored one plus one, whatever `change` returned. */
export function nextVersion<T extends Versioned>(current: T, changed: T): T {
  return { ...changed, version: versionOf(current) + 1 };
}

/** Encodes a commit's record writes, sorted by raw key (SQL locks rows in one order, so two commits never deadlock). */
export async function encodeWrites(records: KeyvRecordStore, writes: readonly RecordWrite[]): Promise<RawWrite[]> {
  const encoded = await Promise.all(writes.map((write) => records.encodeWrite(write)));
  return encoded.sort((a, b) => (a.rawKey < b.rawKey ? -1 : a.rawKey > b.rawKey ? 1 : 0));
}

/** Lets the other writers through: a turn of the event loop first, then a few random milliseconds. */
export async function conflictBackoff(attempt: number): Promise<void> {
  if (attempt < 3) {
    await nextTurn();
    return;
  }
  await sleep(Math.random() * Math.min(attempt, 25));
}
