/**
 * Wraps a real backend and remembers which record keys it read, so a test can show which part of
 * the store a query touched (instrumentation around the real store, not a replacement for it).
 */
import type { Backend, RecordStore } from '../../../src/adapters/storage/primitives.js';

export function keyRecordingBackend(inner: Backend): { backend: Backend; read: string[] } {
  const read: string[] = [];
  const records: RecordStore = {
    get: async (key) => {
      read.push(key);
      return inner.records.get(key);
    },
    getMany: async (keys) => {
      read.push(...keys);
      return inner.records.getMany(keys);
    },
    read: async (key) => {
      read.push(key);
      return inner.records.read(key);
    },
    put: (key, value) => inner.records.put(key, value),
    update: (key, change) => inner.records.update(key, change),
    delete: (key) => inner.records.delete(key),
  };
  return {
    backend: { ...inner, records, ping: () => inner.ping(), close: () => inner.close(), purge: (prefix: string) => inner.purge(prefix) },
    read,
  };
}
