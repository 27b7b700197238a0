/**
 * Two bot processes on one store take `/requirement add` commands at the same time over HTTP.
 * Every command confirmed to its author is in the register, every id is unique, and the evidence
 * log holds one entry per requirement with no number used twice or skipped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi } from '../support/slack/fake-slack-api.js';
import { SlackClientSim } from '../support/slack/signed-requests.js';
import { SLACK_TEST_IDS } from '../support/slack/slack-payloads.js';
import { startBotProcess } from './support/bot-process.js';
import { withStore } from './support/read-store.js';
import { sharedStoreTargets } from './support/shared-stores.js';

const SECRET = 'load-signing-secret-0123456789';
const TOKEN = 'xoxb-load-token';
const WORKSPACE = `slack:${SLACK_TEST_IDS.teamId}`;
const PER_INSTANCE = 150;
const IN_FLIGHT = 15;

/** Runs `task` for 0..count-1 with at most `limit` running at once. */
async function withLimit(count: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

describe.each(sharedStoreTargets())('two instances under load on $label', (target) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  it.skipIf(target.skipReason !== undefined)(
    `${PER_INSTANCE} commands each: nothing lost, ids unique, evidence complete`,
    { timeout: 180_000 },
    async () => {
      const store = await target.open();
      cleanup.push(() => store.close());
      const api = await startFakeSlackApi();
      cleanup.push(() => api.close());
      api.setWorkspace(TOKEN, { teamId: SLACK_TEST_IDS.teamId, botUserId: SLACK_TEST_IDS.botUserId, botId: SLACK_TEST_IDS.botId });
      const env = { STORE_URL: store.url, SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url, LOG_LEVEL: 'warn' };
      const bots = await Promise.all([startBotProcess(env), startBotProcess(env)]);
      cleanup.push(async () => {
        await Promise.all(bots.map((bot) => bot.stop()));
      });

      await Promise.all(
        bots.map(async (bot, instance) => {
          const sim = new SlackClientSim({ baseUrl: bot.baseUrl, signingSecret: SECRET, responseBase: api.origin });
          await withLimit(PER_INSTANCE, IN_FLIGHT, async (i) => {
            const response = await sim.command(
              '/requirement',
              `add Instance ${instance} requirement ${i} customer:"Acme AS" category:delivery`,
              {
                userId: `U0W${instance}${i % 7}`,
                channelId: 'C0LOAD',
                responseUrl: `${api.origin}/response/${instance}/${i}`,
              },
            );
            expect(response.status).toBe(200);
          });
        }),
      );

      const confirmations = () =>
        api.callsTo('response_url').map((call) => /Recorded \*(REQ-\d+)\*/.exec(JSON.stringify(call.body.blocks ?? call.body.text))?.[1]);
      await expect.poll(() => api.callsTo('response_url').length, { timeout: 60_000, interval: 100 }).toBe(2 * PER_INSTANCE);
      const confirmed = confirmations();
      expect(
        confirmed.filter((id) => id === undefined),
        'every reply confirms a requirement',
      ).toEqual([]);
      expect(new Set(confirmed).size).toBe(2 * PER_INSTANCE);

      await Promise.all(bots.map((bot) => bot.stop()));
      await withStore(store.url, async ({ core }) => {
        const listed = await core.deps.requirements.list(WORKSPACE);
        expect(new Set(listed.map((requirement) => requirement.id))).toEqual(new Set(confirmed));
        expect(listed.map((requirement) => requirement.number).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 2 * PER_INSTANCE }, (_, i) => i + 1),
        );
        const last = await core.deps.evidence.lastSeq(WORKSPACE);
        const entries = await core.deps.evidence.listBySeq(WORKSPACE, 1, last);
        expect(
          entries.map((entry) => entry.seq),
          'no evidence number skipped or used twice',
        ).toEqual(Array.from({ length: last }, (_, i) => i + 1));
        const created = entries.filter((entry) => entry.type === 'requirement.created').map((entry) => entry.subject.id);
        expect(new Set(created)).toEqual(new Set(confirmed));
        expect(created).toHaveLength(2 * PER_INSTANCE);
      });
    },
  );
});
