import { loadConfig } from '../../config.js';
import { createLogger } from '../../adapters/logging/logger.js';
import { limitHeapGrowth } from '../../app/heap-growth.js';
import { startBot, startBanner } from '../../app/start.js';
import { isPoolWorker, leavePool, reportListening, startWorkerPool } from '../../app/worker-pool.js';
import type { CliIo } from '../io.js';

/** Runs the bot until SIGTERM or SIGINT, then shuts down gracefully. */
export async function startCommand(_args: string[], io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  // JSON lines for log collectors; readable lines when a person watches a terminal.
  const logger = createLogger(config.logLevel, { readable: io.terminal === true });
  if (config.workers > 1 && !isPoolWorker()) {
    const pool = await startWorkerPool(config.workers, logger);
    for (const line of startBanner(config, pool.port)) io.err(line);
    const signal = await io.stopSignal();
    logger.info({ signal }, 'stop requested');
    await pool.stop();
    return 0;
  }
  // Only the processes that serve requests: the pool's primary allocates next to nothing.
  limitHeapGrowth();
  const bot = await startBot(config, logger);
  // The banner goes to stderr so stdout stays one log line per event (JSON unless on a terminal).
  if (isPoolWorker()) reportListening(bot.port);
  else for (const line of startBanner(config, bot.port)) io.err(line);
  const signal = await io.stopSignal();
  logger.info({ signal }, 'stop requested');
  await bot.stop();
  leavePool();
  return 0;
}
