/**
 * Bulk writes into the bot's Redis keys (see src/adapters/storage/redis-keys.ts): records with
 * MSET, index members with one ZADD per index and batch, all of a batch sent as one pipeline.
 */
import { createClient } from '@keyv/redis';
import { redisKey } from '../../../src/adapters/storage/redis-keys.js';
import type { BatchWriter, IndexRow, RecordRow } from './sink.js';

export async function redisBatchWriter(storeUrl: string, namespace: string): Promise<BatchWriter> {
  const client = createClient({ url: storeUrl });
  await client.connect();
  return {
    async writeBatch(records: readonly RecordRow[], index: readonly IndexRow[]) {
      const pipeline = client.multi();
      if (records.length > 0) pipeline.mSet(records.map(([key, value]) => [redisKey(namespace, 'rec', key), value] as [string, string]));
      const byIndex = new Map<string, { score: number; value: string }[]>();
      for (const [name, member, score] of index) {
        const members = byIndex.get(name) ?? [];
        members.push({ score, value: member });
        byIndex.set(name, members);
      }
      for (const [name, members] of byIndex) pipeline.zAdd(redisKey(namespace, 'idx', name), members);
      await pipeline.execAsPipeline();
    },
    async setCounter(name, value) {
      await client.set(redisKey(namespace, 'ctr', name), String(value));
    },
    async permanentClaim(key, owner) {
      await client.set(redisKey(namespace, 'clm', key), owner);
    },
    async close() {
      await client.quit();
    },
  };
}
