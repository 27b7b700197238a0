/**
 * Wraps a real backend and counts what it reads, so a test can show that a query touched only
 * the records it needed (instrumentation around the real store, not a replacement for it).
 */
import type { Backend, RecordStore, SortedIndex } from '../../src/adapters/storage/primitives.js';

export interface ReadCounts {
  recordsRead: number;
  indexMembersRead: number;
}

export function countingBackend(inner: Backend): { backend: Backend; counts: ReadCounts; reset(): void } {
  const counts: ReadCounts = { recordsRead: 0, indexMembersRead: 0 };
  const records: RecordStore = {
    get: async (key) => {
      counts.recordsRead += 1;
      return inner.records.get(key);
    },
    getMany: async (keys) => {
      counts.recordsRead += keys.length;
      return inner.records.getMany(keys);
    },
    put: (key, value) => inner.records.put(key, value),
    update: (key, change) => inner.records.update(key, change),
    delete: (key) => inner.records.delete(key),
  };
  const index: SortedIndex = {
    add: (name, member, score) => inner.index.add(name, member, score),
    remove: (name, member) => inner.index.remove(name, member),
    range: async (name, min, max, options) => {
      const members = await inner.index.range(name, min, max, options);
      counts.indexMembersRead += members.length;
      return members;
    },
    count: (name, min, max) => inner.index.count(name, min, max),
  };
  return {
    backend: {
      ...inner,
      records,
      index,
      ping: () => inner.ping(),
      close: () => inner.close(),
      purge: (prefix: string) => inner.purge(prefix),
    },
    counts,
    reset() {
      counts.recordsRead = 0;
      counts.indexMembersRead = 0;
    },
  };
}
