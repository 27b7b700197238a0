/**
 * Opens a store the way the bot does (the composition root, default namespace) to look at what
 * the bots left behind: the register, the evidence log and whether the log verifies.
 */
import { createLogger } from '../../../src/adapters/logging/logger.js';
import { type Services, openServices } from '../../../src/app/services.js';
import { loadConfig } from '../../../src/config.js';

export async function withStore<T>(storeUrl: string, look: (services: Services) => Promise<T>): Promise<T> {
  const services = await openServices(loadConfig({ STORE_URL: storeUrl, LOG_LEVEL: 'silent' }), createLogger('silent'));
  try {
    return await look(services);
  } finally {
    await services.close();
  }
}
