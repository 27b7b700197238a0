/**
 * The real bot, started as `npm start` would, with Teams activities posted to /api/messages over
 * HTTP and the bot's replies landing on a local fake Bot Framework connector.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { type RunningBot, startBot } from '../../src/app/start.js';
import { loadConfig } from '../../src/config.js';
import { workAfterAckOf } from '../../src/adapters/http/work-after-ack.js';
import { type FakeConnector, startFakeConnector } from './teams/fake-connector.js';
import { TENANT } from './teams/activities.js';

export interface TeamsBotHarness {
  bot: RunningBot;
  connector: FakeConnector;
  workspaceId: string;
  /**
   * Posts an activity (or any body) to /api/messages; resolves once the bot has handled it: its
   * turn is over and so is the work it did after acknowledging it.
   */
  send(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Posts like `send`, but resolves with the acknowledgement, while the work may still run. */
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Resolves once no acknowledged Teams work is in flight. */
  settled(): Promise<void>;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startTeamsBot(env: Record<string, string> = {}): Promise<TeamsBotHarness> {
  const connector = await startFakeConnector();
  const config = loadConfig({ PORT: '0', STORE_URL: 'memory://', LOG_LEVEL: 'debug', ADMIN_USERS: 'aad-ann', ...env });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const bot = await startBot(config, createLogger('debug', { destination: sink }));
  const endpoint = `http://127.0.0.1:${bot.port}/api/messages`;
  const settled = async () => {
    await workAfterAckOf(bot.services.core)?.idle();
  };
  const post = async (activity: unknown, headers: Record<string, string> = {}) => {
    const body = typeof activity === 'string' ? activity : JSON.stringify(activity);
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, body: await response.text() };
  };
  return {
    bot,
    connector,
    workspaceId: `teams:${TENANT}`,
    logs,
    post,
    settled,
    async send(activity, headers = {}) {
      const answer = await post(activity, headers);
      await settled();
      return answer;
    },
    async close() {
      await bot.stop();
      await connector.close();
    },
  };
}
