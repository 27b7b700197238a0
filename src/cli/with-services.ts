import { type Config, loadConfig } from '../config.js';
import { type Logger, createLogger } from '../adapters/logging/logger.js';
import { type Services, openServices } from '../app/services.js';
import type { CliIo } from './io.js';

/**
 * Runs a one-shot command with the store open, and closes it afterwards whatever happens. Logs go
 * to stderr at `warn` so the command's own output stays clean for pipes.
 */
export async function withServices<T>(io: CliIo, work: (services: Services, config: Config, logger: Logger) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, { destination: process.stderr });
  const services = await openServices(config, logger);
  try {
    return await work(services, config, logger);
  } finally {
    await services.close();
  }
}
