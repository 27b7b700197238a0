/**
 * Wraps a real backend and counts what it reads and how often it is called, so a test can show
 * that a query touched only the records it needed, and a measurement can count the store round
 * trips of an interaction (instrumentation around the real store, not a replacement for it).
 */
import type { Backend, RecordStore, SortedIndex } from '../../src/adapters/storage/primitives.js';

export interface ReadCounts {
  recordsRead: number;
  indexMembersRead: number;
  /** Calls of a store primitive (get, put, index add, counter, claim, commit…): one request each. */
  calls: number;
  /** Of those, atomic commits of a unit of work. */
  commits: number;
}

export function countingBackend(inner: Backend): { backend: Backend; counts: ReadCounts; reset(): void } {
  const counts: ReadCounts = { recordsRead: 0, indexMembersRead: 0, calls: 0, commits: 0 };
  const call = <T>(result: Promise<T>): Promise<T> => {
    counts.calls += 1;
    return result;
  };
  const records: RecordStore = {
    get: async (key) => {
      counts.recordsRead += 1;
      return call(inner.records.get(key));
    },
    getMany: async (keys) => {
      counts.recordsRead += keys.length;
      return call(inner.records.getMany(keys));
    },
    read: async (key) => {
      counts.recordsRead += 1;
      return call(inner.records.read(key));
    },
    put: (key, value) => call(inner.records.put(key, value)),
    // A compare-and-set is a read and a conditional write.
    update: (key, change) => call(call(inner.records.update(key, change))),
    delete: (key) => call(inner.records.delete(key)),
  };
  const index: SortedIndex = {
    add: (name, member, score) => call(inner.index.add(name, member, score)),
    remove: (name, member) => call(inner.index.remove(name, member)),
    range: async (name, min, max, options) => {
      const members = await call(inner.index.range(name, min, max, options));
      counts.indexMembersRead += members.length;
      return members;
    },
    count: (name, min, max) => call(inner.index.count(name, min, max)),
  };
  return {
    backend: {
      ...inner,
      records,
      index,
      counters: { next: (name) => call(inner.counters.next(name)), current: (name) => call(inner.counters.current(name)) },
      claims: {
        claim: (key, owner, ttl) => call(inner.claims.claim(key, owner, ttl)),
        release: (key, owner) => call(inner.claims.release(key, owner)),
        holder: (key) => call(inner.claims.holder(key)),
      },
      commit: (batch) => {
        counts.commits += 1;
        return call(inner.commit(batch));
      },
      ping: () => inner.ping(),
      close: () => inner.close(),
      purge: (prefix: string) => inner.purge(prefix),
    },
    counts,
    reset() {
      Object.assign(counts, { recordsRead: 0, indexMembersRead: 0, calls: 0, commits: 0 });
    },
  };
}
