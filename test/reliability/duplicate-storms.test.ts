/**
 * Duplicate storms: Slack delivers every event three times (the first delivery, then two retries),
 * all at the same moment, and the deliveries land on two bot processes that share one store. Each
 * effect (a prompt in a thread, an introduction in a channel, a check in the evidence log) must
 * happen exactly once, and chatter that is not a decision must cause nothing at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { createRepositories } from '../../src/adapters/storage/repositories/index.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/slack/fake-slack-api.js';
import { SlackClientSim } from '../support/slack/signed-requests.js';
import { type Payload, SLACK_TEST_IDS, slackTs } from '../support/slack/slack-payloads.js';
import { type BotProcess, startBotProcess } from './support/bot-process.js';
import { type OpenedStore, sharedStoreTargets } from './support/shared-stores.js';

const SECRET = 'storm-signing-secret-0123456789';
const TOKEN = 'xoxb-storm-token';
const WORKSPACE = `slack:${SLACK_TEST_IDS.teamId}`;
const COPIES = 3;

/** What one envelope should lead to: a prompt in a thread, an introduction, or nothing. */
type Expected = { kind: 'prompt'; channel: string; threadTs: string } | { kind: 'introduction'; channel: string } | { kind: 'nothing' };

interface Storm {
  envelopes: { envelope: Payload; expected: Expected }[];
}

function buildStorm(sim: SlackClientSim, api: FakeSlackApi): Storm {
  const envelopes: Storm['envelopes'] = [];
  const decisions = [
    'Decision: from March the free tier is capped at 3 seats.',
    "We've decided to move support hours to 9-17 CET from January.",
    'Agreed: we stop shipping to Iceland from next quarter.',
    'Going with option B: invoices will be sent in EUR only.',
    'Decision: the mobile app drops Android 9 support in May.',
  ];
  decisions.forEach((text, i) => {
    // One channel each: five detected decisions in one channel would meet the daily prompt cap.
    const channel = `C0DEC${i}`;
    const ts = slackTs();
    envelopes.push({
      envelope: sim.eventEnvelope(sim.messageEvent({ channel, user: 'U0ALICE', text, ts })),
      expected: { kind: 'prompt', channel, threadTs: ts },
    });
  });
  for (const [i, text] of ['lunch at 12?', 'thanks, looks good', 'Should we maybe change the pricing page?'].entries()) {
    envelopes.push({
      envelope: sim.eventEnvelope(sim.messageEvent({ channel: `C0CHAT${i}`, user: 'U0BOB', text })),
      expected: { kind: 'nothing' },
    });
  }
  for (let i = 0; i < 3; i++) {
    const channel = `C0MEN${i}`;
    const root = slackTs();
    api.addMessage(channel, { ts: root, text: `We will raise list prices by ${i + 5}% in March.`, user: 'U0CAROL' });
    const mention = sim.appMention({ channel, user: 'U0DAN', text: `<@${SLACK_TEST_IDS.botUserId}> check this`, threadTs: root });
    envelopes.push({ envelope: sim.eventEnvelope(mention), expected: { kind: 'prompt', channel, threadTs: root } });
  }
  for (let i = 0; i < 3; i++) {
    const channel = `C0REACT${i}`;
    const ts = slackTs();
    api.addMessage(channel, { ts, text: `Support for the legacy API ends on ${i + 1} June.`, user: 'U0ERIN' });
    envelopes.push({
      envelope: sim.eventEnvelope(sim.reactionAdded({ user: 'U0FRANK', reaction: 'mag', item: { channel, ts } })),
      expected: { kind: 'prompt', channel, threadTs: ts },
    });
  }
  for (let i = 0; i < 2; i++) {
    const channel = `C0JOIN${i}`;
    envelopes.push({
      envelope: sim.eventEnvelope(sim.memberJoinedChannel({ user: SLACK_TEST_IDS.botUserId, channel, inviter: 'U0ALICE' })),
      expected: { kind: 'introduction', channel },
    });
  }
  return { envelopes };
}

/** Each delivery ends in exactly one visible outcome: a post to Slack, or a line saying why not. */
const SKIP_LINES = new Set(['no prompt', 'introduction already posted']);
const skipsLogged = (bots: BotProcess[]) =>
  bots.reduce((sum, bot) => sum + bot.logs.filter((line) => SKIP_LINES.has(String(line.msg))).length, 0);

describe.each(sharedStoreTargets())('duplicate storm: two instances on $label', (target) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  it.skipIf(target.skipReason !== undefined)(
    'every event three times, concurrently, to both instances: each effect exactly once',
    async () => {
      const store: OpenedStore = await target.open();
      cleanup.push(() => store.close());
      const api = await startFakeSlackApi();
      cleanup.push(() => api.close());
      api.setWorkspace(TOKEN, { teamId: SLACK_TEST_IDS.teamId, botUserId: SLACK_TEST_IDS.botUserId, botId: SLACK_TEST_IDS.botId });
      const env = { STORE_URL: store.url, SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url };
      const bots = await Promise.all([startBotProcess(env), startBotProcess(env)]);
      cleanup.push(async () => {
        await Promise.all(bots.map((bot) => bot.stop()));
      });
      const sims = bots.map((bot) => new SlackClientSim({ baseUrl: bot.baseUrl, signingSecret: SECRET, responseBase: api.origin }));
      const [first] = sims;
      if (!first) throw new Error('no bot');
      const { envelopes } = buildStorm(first, api);

      const deliveries = envelopes.flatMap(({ envelope }, i) =>
        Array.from({ length: COPIES }, (_, copy) => {
          const sim = sims[(i + copy) % sims.length] ?? first;
          const retry: Record<string, string> =
            copy === 0 ? {} : { 'x-slack-retry-num': String(copy), 'x-slack-retry-reason': 'http_timeout' };
          return sim.send(JSON.stringify(envelope), 'application/json', { headers: retry });
        }),
      );
      const responses = await Promise.all(deliveries);
      expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));

      // Every delivery has run to its end once posts plus skips add up to the deliveries. Checked
      // again on each post and each log line, not polled against a deadline of its own.
      const total = envelopes.length * COPIES;
      const posts = () => api.callsTo('chat.postMessage').length;
      await new Promise<void>((resolve) => {
        const check = () => {
          if (posts() + skipsLogged(bots) >= total) resolve();
        };
        api.onCall(check);
        for (const bot of bots) bot.onLog(check);
        check();
      });
      expect(posts() + skipsLogged(bots)).toBe(total);

      for (const { expected } of envelopes) {
        if (expected.kind === 'nothing') continue;
        const matching = api
          .callsTo('chat.postMessage')
          .filter((call) =>
            expected.kind === 'prompt'
              ? call.body.channel === expected.channel && call.body.thread_ts === expected.threadTs
              : call.body.channel === expected.channel && call.body.thread_ts === undefined,
          );
        expect(matching, `${expected.kind} in ${expected.channel}`).toHaveLength(1);
      }
      const effects = envelopes.filter(({ expected }) => expected.kind !== 'nothing').length;
      expect(posts()).toBe(effects);
      // Both instances did part of the work: the storm really was shared.
      for (const bot of bots) expect(bot.logs.some((line) => SKIP_LINES.has(String(line.msg)) || line.msg === 'request')).toBe(true);

      await Promise.all(bots.map((bot) => bot.stop()));
      const backend = await openBackend(store.url);
      try {
        const evidence = createRepositories(backend).evidence;
        const entries = await evidence.listBySeq(WORKSPACE, 1, await evidence.lastSeq(WORKSPACE));
        const started = entries.filter((entry) => entry.type === 'check.started');
        const prompts = envelopes.filter(({ expected }) => expected.kind === 'prompt').length;
        expect(started).toHaveLength(prompts);
        expect(new Set(started.map((entry) => entry.subject.id)).size).toBe(prompts);
        expect(new Set(entries.map((entry) => entry.seq)).size).toBe(entries.length);
      } finally {
        await backend.close();
      }
    },
  );
});
