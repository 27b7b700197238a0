/**
 * `npm start` with WORKERS=2 on the default store (SQLite): two processes serve one port. A burst
 * of slash commands, all sent at once, is acknowledged and recorded exactly once each, by both
 * processes, with every record's evidence in one verifiable log; SIGTERM stops the whole pool,
 * and a stop right after the acknowledgements first finishes the work behind them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBotProcess } from '../reliability/support/bot-process.js';
import { withStore } from '../reliability/support/read-store.js';
import { expectRegisterMatchesLog } from '../reliability/support/register-and-log.js';
import { startFakeSlackApi } from '../support/slack/fake-slack-api.js';
import { SlackClientSim } from '../support/slack/signed-requests.js';
import { SLACK_TEST_IDS } from '../support/slack/slack-payloads.js';

const SECRET = 'pool-signing-secret-0123456789';
const TOKEN = 'xoxb-pool-token';
const WORKSPACE = `slack:${SLACK_TEST_IDS.teamId}`;
const BURST = 120;

const directory = mkdtempSync(join(tmpdir(), 'cfb-pool-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('a pool of bot processes (WORKERS=2)', () => {
  it('records every acknowledged command of a burst exactly once, across both processes', { timeout: 120_000 }, async () => {
    const api = await startFakeSlackApi();
    api.setWorkspace(TOKEN, { teamId: SLACK_TEST_IDS.teamId, botUserId: SLACK_TEST_IDS.botUserId, botId: SLACK_TEST_IDS.botId });
    const env = {
      STORE_URL: `sqlite://${join(directory, 'store.sqlite')}`,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: api.url,
      WORKERS: '2',
    };
    const bot = await startBotProcess(env);
    try {
      await expect.poll(() => bot.stderr()).toContain('Processes: 2, all serving port');
      const sim = new SlackClientSim({ baseUrl: bot.baseUrl, signingSecret: SECRET, responseBase: api.origin });
      const statuses = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          sim
            .command('/requirement', `add Burst requirement ${i + 1}`, {
              userId: 'U0POOL',
              channelId: 'C0POOL',
              responseUrl: `${api.origin}/response/burst/${i + 1}`,
            })
            .then((response) => response.status),
        ),
      );
      expect(statuses.filter((status) => status === 200)).toHaveLength(BURST);
      const confirmations = () => api.callsTo('response_url').filter((call) => call.path.startsWith('/response/burst/'));
      await expect.poll(() => confirmations().length, { timeout: 60_000, interval: 20 }).toBe(BURST);

      // Both processes did part of the work: each logs its requests under its own pid.
      const pids = new Set(bot.logs.filter((line) => line.msg === 'request').map((line) => line.pid));
      expect(pids.size).toBe(2);

      await bot.stop();
      expect(bot.process.exitCode).toBe(0);

      const saved = new Map(
        confirmations().map((call) => {
          const n = call.path.split('/').at(-1);
          const id = /Recorded \*(REQ-\d+)\*/.exec(JSON.stringify(call.body.blocks ?? ''))?.[1] ?? 'none';
          return [`Burst requirement ${n}`, id] as [string, string];
        }),
      );
      expect([...saved.values()].filter((id) => id === 'none')).toEqual([]);
      await withStore(env.STORE_URL, async ({ core }) => {
        expect(await core.deps.requirements.list(WORKSPACE)).toHaveLength(BURST);
        await expectRegisterMatchesLog(core.deps, WORKSPACE, { saved, notSaved: [] });
      });
    } finally {
      await bot.stop();
      await api.close();
    }
  });

  it('finishes the work behind every acknowledgement before it stops', { timeout: 120_000 }, async () => {
    const api = await startFakeSlackApi();
    api.setWorkspace(TOKEN, { teamId: SLACK_TEST_IDS.teamId, botUserId: SLACK_TEST_IDS.botUserId, botId: SLACK_TEST_IDS.botId });
    const env = {
      STORE_URL: `sqlite://${join(directory, 'stop.sqlite')}`,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: api.url,
      WORKERS: '2',
    };
    const bot = await startBotProcess(env);
    try {
      const sim = new SlackClientSim({ baseUrl: bot.baseUrl, signingSecret: SECRET, responseBase: api.origin });
      const statuses = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          sim
            .command('/requirement', `add Stopped requirement ${i + 1}`, {
              userId: 'U0POOL',
              channelId: 'C0POOL',
              responseUrl: `${api.origin}/response/stop/${i + 1}`,
            })
            .then((response) => response.status),
        ),
      );
      expect(statuses.filter((status) => status === 200)).toHaveLength(BURST);
      // SIGTERM as soon as the last acknowledgement is in: the work behind them is still running.
      await bot.stop();
      expect(bot.process.exitCode).toBe(0);
      expect(api.callsTo('response_url').filter((call) => call.path.startsWith('/response/stop/'))).toHaveLength(BURST);
      await withStore(env.STORE_URL, async ({ core }) => {
        expect(await core.deps.requirements.list(WORKSPACE)).toHaveLength(BURST);
        await expectRegisterMatchesLog(core.deps, WORKSPACE, { saved: new Map(), notSaved: [] });
      });
    } finally {
      await bot.stop();
      await api.close();
    }
  });
});
