/**
 * Counters, claims, sorted indexes, purge and the records' compare-and-set on Redis: each one a
 * single command or a Lua script, which Redis runs atomically.
 */
import type { RawRecordAccess } from './keyv-record-store.js';
import type { Claims, Counters, RangeOptions, SortedIndex } from './primitives.js';
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
