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
import { type BotProcess, startBotProcess } from '../reliability/support/bot-process.js';
import { withStore } from '../reliability/support/read-store.js';
import { expectRegisterMatchesLog } from '../reliability/support/register-and-log.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/slack/fake-slack-api.js';
import { SlackClientSim } from '../support/slack/signed-requests.js';
import { SLACK_TEST_IDS } from '../support/slack/slack-payloads.js';

const SECRET = 'pool-signing-secret-0123456789';
const TOKEN = 'xoxb-pool-token';
const WORKSPACE = `slack:${SLACK_TEST_IDS.teamId}`;
const BURST = 120;

const directory = mkdtempSync(join(tmpdir(), 'cfb-pool-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A pool of two bot processes on a SQLite file of its own, talking to a fake Slack. */
async function withPool(file: string, work: (bot: BotProcess, api: FakeSlackApi, storeUrl: string) => Promise<void>): Promise<void> {
  const api = await startFakeSlackApi();
  api.setWorkspace(TOKEN, { teamId: SLACK_TEST_IDS.teamId, botUserId: SLACK_TEST_IDS.botUserId, botId: SLACK_TEST_IDS.botId });
  const storeUrl = `sqlite://${join(directory, file)}`;
  const bot = await startBotProcess({
    STORE_URL: storeUrl,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: api.url,
    WORKERS: '2',
  });
  try {
    await work(bot, api, storeUrl);
  } finally {
    await bot.stop();
    await api.close();
  }
}

/** Sends BURST `/requirement add` commands at once; resolves with their HTTP statuses. */
function burst(bot: BotProcess, api: FakeSlackApi, run: string): Promise<number[]> {
  const sim = new SlackClientSim({ baseUrl: bot.baseUrl, signingSecret: SECRET, responseBase: api.origin });
  return Promise.all(
    Array.from({ length: BURST }, (_, i) =>
      sim
        .command('/requirement', `add ${run} requirement ${i + 1}`, {
          userId: 'U0POOL',
          channelId: 'C0POOL',
          responseUrl: `${api.origin}/response/${run}/${i + 1}`,
        })
        .then((response) => response.status),
    ),
  );
}

const confirmations = (api: FakeSlackApi, run: string) =>
  api.callsTo('response_url').filter((call) => call.path.startsWith(`/response/${run}/`));

describe('a pool of bot processes (WORKERS=2)', () => {
  it('records every acknowledged command of a burst exactly once, across both processes', { timeout: 120_000 }, async () => {
    await withPool('burst.sqlite', async (bot, api, storeUrl) => {
      await expect.poll(() => bot.stderr()).toContain('Processes: 2, all serving port');
      expect((await burst(bot, api, 'Burst')).filter((status) => status === 200)).toHaveLength(BURST);
      await expect.poll(() => confirmations(api, 'Burst').length, { timeout: 60_000, interval: 20 }).toBe(BURST);

      // Both processes did part of the work: each logs its requests under its own pid.
      const pids = new Set(bot.logs.filter((line) => line.msg === 'request').map((line) => line.pid));
      expect(pids.size).toBe(2);

      await bot.stop();
      expect(bot.process.exitCode).toBe(0);
      const saved = new Map(
        confirmations(api, 'Burst').map((call) => {
          const n = call.path.split('/').at(-1);
          const id = /Recorded \*(REQ-\d+)\*/.exec(JSON.stringify(call.body.blocks ?? ''))?.[1] ?? 'none';
          return [`Burst requirement ${n}`, id] as [string, string];
        }),
      );
      expect([...saved.values()].filter((id) => id === 'none')).toEqual([]);
      await withStore(storeUrl, async ({ core }) => {
        expect(await core.deps.requirements.list(WORKSPACE)).toHaveLength(BURST);
        await expectRegisterMatchesLog(core.deps, WORKSPACE, { saved, notSaved: [] });
      });
    });
  });

  it('finishes the work behind every acknowledgement before it stops', { timeout: 120_000 }, async () => {
    await withPool('stop.sqlite', async (bot, api, storeUrl) => {
      expect((await burst(bot, api, 'Stopped')).filter((status) => status === 200)).toHaveLength(BURST);
      // SIGTERM as soon as the last acknowledgement is in: the work behind them is still running.
      await bot.stop();
      expect(bot.process.exitCode).toBe(0);
      expect(confirmations(api, 'Stopped')).toHaveLength(BURST);
      await withStore(storeUrl, async ({ core }) => {
        expect(await core.deps.requirements.list(WORKSPACE)).toHaveLength(BURST);
        await expectRegisterMatchesLog(core.deps, WORKSPACE, { saved: new Map(), notSaved: [] });
      });
    });
  });
});
