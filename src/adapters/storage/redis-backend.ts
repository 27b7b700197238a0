/**
 * Redis backend: records through @keyv/redis, the other primitives as native commands (and two
 * small Lua scripts) on the same client; see redis-keys.ts for where each kind of data lives.
 */
import KeyvRedis from '@keyv/redis';
import { KeyvRecordStore, recordKeyv } from './keyv-record-store.js';
import type { Backend } from './primitives.js';
import { redactUrl } from './redact-url.js';
import { outageReadyRedisClient } from './redis-client.js';
import { redisClaims, redisCommitter, redisCounters, redisPurge, redisRecordAccess, redisSortedIndex } from './redis-primitives.js';
import { errorMessage, storeErrorReporter, type StoreLogger } from './store-logger.js';

export async function openRedisBackend(storeUrl: string, namespace: string, logger?: StoreLogger): Promise<Backend> {
  const where = redactUrl(storeUrl);
  const client = outageReadyRedisClient(storeUrl);
  // The adapter forwards the client's 'error' events to keyv, whose listener logs them: with no
  // listener, a dropped connection would crash the process.
  const store = new KeyvRedis(client, { throwOnConnectError: true, throwOnErrors: true });
  const keyv = recordKeyv(store, storeErrorReporter('redis', logger));

  let closing: Promise<void> | undefined;
  const close = async () => {
    closing ??= store.disconnect().catch(() => client.destroy());
    await closing;
  };

  try {
    await client.connect();
  } catch (error) {
    await close();
    throw new Error(`Cannot open the Redis store at ${where}: ${errorMessage(error)}`, { cause: error });
  }

  const records = new KeyvRecordStore(keyv, redisRecordAccess(client, namespace));
  return {
    kind: 'redis',
    records,
    commit: redisCommitter(client, namespace, records),
    index: redisSortedIndex(client, namespace),
    counters: redisCounters(client, namespace),
    claims: redisClaims(client, namespace),
    async ping() {
      try {
        await client.ping();
      } catch (error) {
        throw new Error(`The Redis store at ${where} does not answer: ${errorMessage(error)}`, { cause: error });
      }
    },
    purge: (prefix) => redisPurge(client, namespace, prefix),
    close,
  };
}
