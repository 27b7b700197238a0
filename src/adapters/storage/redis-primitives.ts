/**
 * Counters, claims, sorted indexes, purge, the records' compare-and-set and the unit of work's
 * commit on Redis: each one a single command or a Lua script, which Redis runs atomically.
 */
import { type KeyvRecordStore, type RawRecordAccess, conflictBackoff, encodeWrites } from './keyv-record-store.js';
import type { Claims, CommitBatch, Counters, RangeOptions, SortedIndex } from './primitives.js';
import type { RedisClient } from './redis-client.js';
import { REDIS_KINDS, redisKey, redisPrefixPattern, redisScore } from './redis-keys.js';
import { checkLimit, checkRange, checkScore, checkTtl } from './argument-checks.js';

/** Writes ARGV[2] only if the key still holds ARGV[1]; keeps any expiry keyv set. */
const COMPARE_AND_SET = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
  return 1
end
return 0`;

/** Deletes the claim only if ARGV[1] still owns it. */
const COMPARE_AND_DELETE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

const SCAN_BATCH = 500;

export function redisRecordAccess(client: RedisClient, namespace: string): RawRecordAccess {
  return {
    // keyv runs with no key prefix of its own, so this is exactly the key it reads and writes.
    rawKey: (key) => redisKey(namespace, 'rec', key),
    async readRaw(rawKey) {
      return (await client.get(rawKey)) ?? undefined;
    },
    async compareAndSet(rawKey, expected, next) {
      return (await client.eval(COMPARE_AND_SET, { keys: [rawKey], arguments: [expected, next] })) === 1;
    },
  };
}

export function redisSortedIndex(client: RedisClient, namespace: string): SortedIndex {
  const key = (index: string) => redisKey(namespace, 'idx', index);
  return {
    async add(index, member, score) {
      checkScore(score);
      await client.zAdd(key(index), { score, value: member });
    },
    async remove(index, member) {
      await client.zRem(key(index), member);
    },
    async range(index, min, max, options: RangeOptions = {}) {
      checkRange(min, max);
      const limit = checkLimit(options.limit);
      if (limit === 0) return [];
      const window = limit === undefined ? {} : { LIMIT: { offset: 0, count: limit } };
      // Half-open [min, max): the upper bound is exclusive. REV takes the bounds high first.
      return options.reverse
        ? client.zRange(key(index), redisScore(max, true), redisScore(min), { BY: 'SCORE', REV: true, ...window })
        : client.zRange(key(index), redisScore(min), redisScore(max, true), { BY: 'SCORE', ...window });
    },
    async count(index, min, max) {
      checkRange(min, max);
      return client.zCount(key(index), redisScore(min), redisScore(max, true));
    },
  };
}

export function redisCounters(client: RedisClient, namespace: string): Counters {
  const key = (name: string) => redisKey(namespace, 'ctr', name);
  return {
    next: (name) => client.incr(key(name)),
    async current(name) {
      return Number((await client.get(key(name))) ?? 0);
    },
  };
}

export function redisClaims(client: RedisClient, namespace: string): Claims {
  const key = (name: string) => redisKey(namespace, 'clm', name);
  return {
    async claim(name, owner, ttlMs) {
      const ttl = checkTtl(ttlMs);
      const expiration = ttl > 0 ? { expiration: { type: 'PX' as const, value: ttl } } : {};
      return (await client.set(key(name), owner, { condition: 'NX', ...expiration })) === 'OK';
    },
    async release(name, owner) {
      await client.eval(COMPARE_AND_DELETE, { keys: [key(name)], arguments: [owner] });
    },
    async holder(name) {
      return (await client.get(key(name))) ?? undefined;
    },
  };
}

/** SCAN + UNLINK per kind; a key SCAN reports twice is unlinked once, so the count stays exact. */
export async function redisPurge(client: RedisClient, namespace: string, prefix: string): Promise<number> {
  let removed = 0;
  for (const kind of REDIS_KINDS) {
    const pattern = redisPrefixPattern(namespace, kind, prefix);
    let cursor = '0';
    do {
      const page = await client.scan(cursor, { MATCH: pattern, COUNT: SCAN_BATCH });
      cursor = String(page.cursor);
      if (page.keys.length > 0) removed += await client.unlink(page.keys);
    } while (cursor !== '0');
  }
  return removed;
}

/**
 * A commit in one script. KEYS: the sequences' counters, the compare-and-set records, the other
 * records, then one sorted set per index change; ARGV[1..4] say how many of each. The script first
 * checks that every counter still holds the value the writes were numbered from (-1 when one
 * moved: number them again) and every compare-and-set record its expected value (0 when one
 * changed: a conflict), and only then writes everything, so it writes all or nothing.
 */
const COMMIT = `
local nc, nm, np, nq = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local k, a = 1, 5
for i = 1, nc do
  if tonumber(redis.call('GET', KEYS[k]) or '0') ~= tonumber(ARGV[a]) then return -1 end
  k, a = k + 1, a + 2
end
for i = 1, nm do
  if redis.call('GET', KEYS[k]) ~= ARGV[a] then return 0 end
  k, a = k + 1, a + 2
end
k, a = 1, 5
for i = 1, nc do
  redis.call('SET', KEYS[k], ARGV[a + 1])
  k, a = k + 1, a + 2
end
for i = 1, nm do
  redis.call('SET', KEYS[k], ARGV[a + 1], 'KEEPTTL')
  k, a = k + 1, a + 2
end
for i = 1, np do
  redis.call('SET', KEYS[k], ARGV[a])
  k, a = k + 1, a + 1
end
for i = 1, nq do
  if ARGV[a] == '+' then redis.call('ZADD', KEYS[k], ARGV[a + 2], ARGV[a + 1]) else redis.call('ZREM', KEYS[k], ARGV[a + 1]) end
  k, a = k + 1, a + 3
end
return 1`;

/** Commits of one process run one after another, so they never make each other renumber. */
export function redisCommitter(client: RedisClient, namespace: string, records: KeyvRecordStore): (batch: CommitBatch) => Promise<boolean> {
  let tail: Promise<unknown> = Promise.resolve();
  const counterKey = (name: string) => redisKey(namespace, 'ctr', name);
  const indexKey = (name: string) => redisKey(namespace, 'idx', name);

  async function attempt(batch: CommitBatch): Promise<number> {
    const counterKeys = batch.sequences.map(({ counter }) => counterKey(counter));
    const before = counterKeys.length > 0 ? (await client.mGet(counterKeys)).map((value) => Number(value ?? 0)) : [];
    const writes = batch.writes(batch.sequences.map(({ count }, i) => (before[i] ?? 0) + count));
    for (const { score } of writes.index) if (score !== undefined) checkScore(score);
    const encoded = await encodeWrites(records, writes.records);
    const swaps = encoded.filter((write) => write.expected !== undefined);
    const puts = encoded.filter((write) => write.expected === undefined);
    const keys = [
      ...counterKeys,
      ...swaps.map((write) => write.rawKey),
      ...puts.map((write) => write.rawKey),
      ...writes.index.map((write) => indexKey(write.index)),
    ];
    const args = [
      ...[counterKeys.length, swaps.length, puts.length, writes.index.length].map(String),
      ...batch.sequences.flatMap(({ count }, i) => [String(before[i] ?? 0), String((before[i] ?? 0) + count)]),
      ...swaps.flatMap((write) => [write.expected ?? '', write.raw]),
      ...puts.map((write) => write.raw),
      ...writes.index.flatMap((write) =>
        write.score === undefined ? ['-', write.member, ''] : ['+', write.member, redisScore(write.score)],
      ),
    ];
    return Number(await client.eval(COMMIT, { keys, arguments: args }));
  }

  return (batch) => {
    const run = tail.then(async () => {
      for (let round = 1; ; round++) {
        const outcome = await attempt(batch);
        if (outcome !== -1) return outcome === 1;
        // Another process numbered entries in between: number ours again.
        await conflictBackoff(round);
      }
    });
    tail = run.catch(() => undefined);
    return run;
  };
}
