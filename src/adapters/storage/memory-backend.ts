/**
 * The in-memory backend, for tests: records in keyv over a Map, the other primitives in plain
 * maps. JavaScript runs one statement at a time, so every primitive is atomic by construction.
 */
import type { Keyv } from 'keyv';
import { KeyvRecordStore, conflictBackoff, encodeWrites, recordKeyv } from './keyv-record-store.js';
import type { Backend, Claims, CommitBatch, Counters, SortedIndex } from './primitives.js';
import { checkLimit, checkRange, checkScore, checkTtl, compareMembers } from './argument-checks.js';
import { SWEEP_AT_MOST, sweepSchedule } from './expired-claims.js';
import { storeErrorReporter, type StoreLogger } from './store-logger.js';

export function openMemoryBackend(logger?: StoreLogger): Backend {
  const recordMap = new Map<string, unknown>();
  const keyv: Keyv = recordKeyv(recordMap, storeErrorReporter('memory', logger));
  const indexes = new Map<string, Map<string, number>>();
  const counters = new Map<string, number>();
  const claims = new Map<string, { owner: string; expiresAt: number | undefined }>();
  let closed = false;

  const records = new KeyvRecordStore(keyv, {
    rawKey: (key) => key,
    readRaw: async (rawKey) => {
      const stored = recordMap.get(rawKey);
      return typeof stored === 'string' ? stored : undefined;
    },
    compareAndSet: async (rawKey, expected, next) => {
      if (recordMap.get(rawKey) !== expected) return false;
      recordMap.set(rawKey, next);
      return true;
    },
  });

  const membersInRange = (name: string, min: number, max: number): [string, number][] =>
    [...(indexes.get(name) ?? new Map<string, number>())].filter(([, score]) => score >= min && score < max);

  const index: SortedIndex = {
    async add(name, member, score) {
      checkScore(score);
      const members = indexes.get(name) ?? new Map<string, number>();
      members.set(member, score);
      indexes.set(name, members);
    },
    async remove(name, member) {
      indexes.get(name)?.delete(member);
    },
    async range(name, min, max, options = {}) {
      checkRange(min, max);
      const limit = checkLimit(options.limit);
      const direction = options.reverse ? -1 : 1;
      const sorted = membersInRange(name, min, max)
        .sort(([memberA, scoreA], [memberB, scoreB]) => direction * (scoreA - scoreB || compareMembers(memberA, memberB)))
        .map(([member]) => member);
      return limit === undefined ? sorted : sorted.slice(0, limit);
    },
    async count(name, min, max) {
      checkRange(min, max);
      return membersInRange(name, min, max).length;
    },
  };

  const counterStore: Counters = {
    async next(name) {
      const value = (counters.get(name) ?? 0) + 1;
      counters.set(name, value);
      return value;
    },
    async current(name) {
      return counters.get(name) ?? 0;
    },
  };

  const liveClaim = (key: string) => {
    const claim = claims.get(key);
    return claim && (claim.expiresAt === undefined || claim.expiresAt > Date.now()) ? claim : undefined;
  };
  const sweepDue = sweepSchedule();
  // In order of first claim, which is about the order of expiry; at most SWEEP_AT_MOST at a time.
  const sweepExpired = () => {
    const now = Date.now();
    let removed = 0;
    for (const [key, claim] of claims) {
      if (removed >= SWEEP_AT_MOST) return;
      if (claim.expiresAt !== undefined && claim.expiresAt <= now) {
        claims.delete(key);
        removed += 1;
      }
    }
  };
  const claimStore: Claims = {
    async claim(key, owner, ttlMs) {
      const ttl = checkTtl(ttlMs);
      if (sweepDue(ttl)) sweepExpired();
      if (liveClaim(key)) return false;
      claims.set(key, { owner, expiresAt: ttl > 0 ? Date.now() + ttl : undefined });
      return true;
    },
    async release(key, owner) {
      if (claims.get(key)?.owner === owner) claims.delete(key);
    },
    async holder(key) {
      return liveClaim(key)?.owner;
    },
  };

  const deleteByPrefix = (map: Map<string, unknown>, prefix: string): number => {
    let removed = 0;
    for (const key of [...map.keys()]) {
      if (key.startsWith(prefix)) removed += Number(map.delete(key));
    }
    return removed;
  };

  /**
   * Optimistic: reads the counters, builds the writes (serializing is async), then checks and
   * applies everything in one synchronous stretch that nothing else can interleave with. When a
   * counter moved meanwhile, the writes are built again with the new numbers.
   */
  async function commit(batch: CommitBatch): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const before = batch.sequences.map(({ counter }) => counters.get(counter) ?? 0);
      const writes = batch.writes(batch.sequences.map(({ count }, i) => (before[i] ?? 0) + count));
      const encoded = await encodeWrites(records, writes.records);
      for (const { score } of writes.index) if (score !== undefined) checkScore(score);
      if (closed) throw new Error('The in-memory store is closed');
      if (batch.sequences.some(({ counter }, i) => (counters.get(counter) ?? 0) !== before[i])) {
        await conflictBackoff(attempt);
        continue;
      }
      if (encoded.some((write) => write.expected !== undefined && recordMap.get(write.rawKey) !== write.expected)) return false;
      batch.sequences.forEach(({ counter, count }, i) => counters.set(counter, (before[i] ?? 0) + count));
      for (const write of encoded) recordMap.set(write.rawKey, write.raw);
      for (const { index: name, member, score } of writes.index) {
        if (score === undefined) indexes.get(name)?.delete(member);
        else indexes.set(name, (indexes.get(name) ?? new Map<string, number>()).set(member, score));
      }
      return true;
    }
  }

  return {
    kind: 'memory',
    records,
    index,
    counters: counterStore,
    claims: claimStore,
    commit,
    async ping() {
      if (closed) throw new Error('The in-memory store is closed');
    },
    async purge(prefix) {
      return [recordMap, indexes, counters, claims].reduce((removed, map) => removed + deleteByPrefix(map, prefix), 0);
    },
    async close() {
      closed = true;
    },
  };
}
