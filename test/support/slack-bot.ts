/**
 * The real bot, started as `npm start` would, with Slack pointed at a local fake Web API and
 * requests sent to it over HTTP with correct signatures.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { type RunningBot, startBot } from '../../src/app/start.js';
import { loadConfig } from '../../src/config.js';
import { type FakeSlackApi, startFakeSlackApi } from './slack/fake-slack-api.js';
import { SlackClientSim } from './slack/signed-requests.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const TEAM = 'T0TEAM1';
export const BOT_USER = 'U0BOT';

export interface SlackBotHarness {
  bot: RunningBot;
  api: FakeSlackApi;
  slack: SlackClientSim;
  workspaceId: string;
  /** Lines the bot logged, parsed, to assert on warnings without printing them. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startSlackBot(env: Record<string, string> = {}, prepare?: (api: FakeSlackApi) => void): Promise<SlackBotHarness> {
  const api = await startFakeSlackApi();
  prepare?.(api);
  api.setWorkspace('xoxb-test-token', { teamId: TEAM, botUserId: BOT_USER, botId: 'B0BOT' });
  const config = loadConfig({
    PORT: '0',
    STORE_URL: 'memory://',
    LOG_LEVEL: 'debug',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.url,
    ADMIN_USERS: 'U0ADMIN',
    ...env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const bot = await startBot(config, createLogger('debug', { destination: sink }));
  const slack = new SlackClientSim({ baseUrl: `http://127.0.0.1:${bot.port}`, signingSecret: SIGNING_SECRET, responseBase: api.origin });
  return {
    bot,
    api,
    slack,
    workspaceId: `slack:${TEAM}`,
    logs,
    async close() {
      await bot.stop();
      await api.close();
    },
  };
}
