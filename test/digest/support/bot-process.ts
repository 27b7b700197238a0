/**
 * One bot process for the multi-instance digest test: the real `startBot` (HTTP server, Slack and
 * Teams adapters, the digest scheduler) configured from the environment the test passes, on the
 * store namespace given as the first argument. Logs JSON lines on stdout; prints
 * `{"ready":true,…}` once listening; stops gracefully on SIGTERM.
 *
 *   node --import tsx test/digest/support/bot-process.ts <namespace>
 */
import { createLogger } from '../../../src/adapters/logging/logger.js';
import { startBot } from '../../../src/app/start.js';
import { loadConfig } from '../../../src/config.js';

const namespace = process.argv[2] ?? 'cfb';
const config = loadConfig(process.env);
const bot = await startBot(config, createLogger(config.logLevel), { namespace });
process.stdout.write(`${JSON.stringify({ ready: true, port: bot.port, instance: bot.services.instanceId })}\n`);
process.once('SIGTERM', () => {
  void bot.stop().then(() => process.exit(0));
});
