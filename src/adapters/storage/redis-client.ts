/**
 * The raw Redis client beneath @keyv/redis, set up for outages: no offline queue (a command sent
 * while Redis is unreachable fails at once instead of waiting for a reconnect that may never come),
 * a short connect timeout, and endless capped reconnects once it has been connected, so the bot
 * recovers by itself when Redis is back. At start-up it gives up quickly, so a wrong URL fails fast.
 */
import { createClient } from '@keyv/redis';

const CONNECT_TIMEOUT_MS = 3_000;
const MAX_RECONNECT_DELAY_MS = 2_000;
/** Reconnect attempts after the first failed connect at start-up, before giving up. */
const STARTUP_RETRIES = 1;

export function outageReadyRedisClient(storeUrl: string) {
  let everReady = false;
  const client = createClient({
    url: storeUrl,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number, cause: Error) => {
        if (!everReady && retries >= STARTUP_RETRIES) return cause;
        return Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS);
      },
    },
  });
  client.on('ready', () => {
    everReady = true;
  });
  return client;
}

export type RedisClient = ReturnType<typeof outageReadyRedisClient>;
