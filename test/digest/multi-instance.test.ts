/**
 * Three bot processes share one store (Redis, and again PostgreSQL), each running the real bot:
 * HTTP server, Slack and Teams adapters, and the digest ticker. Slack is the fake Web API and
 * Teams the fake connector, both in this test process.
 *
 * To keep the test short, DIGEST_CRON has seconds: `*\/2 * * * * *`, a slot every two seconds, so
 * the ticker ticks every second in every process; the test watches about fifteen slots instead of
 * several minutes of a per-minute schedule. Exactly one digest still reaches the channel and each
 * manager (one per ISO week), a channel that fails does not stop the others, the Teams channel gets
 * its digest through the connector, and the owner gets one reminder per item. Then a workspace
 * whose weekly slot passed while every process was down gets exactly one catch-up when they start,
 * and none when they restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessengerRegistry } from '../../src/app/messenger-registry.js';
import { ConversationReferences } from '../../src/adapters/teams/conversation-references.js';
import type { Role } from '../../src/core/domain/roles.js';
import { POSTGRES_SKIPPED, REDIS_SKIPPED, databaseUrl, redisUrl, removeNamespace, uniqueNamespace } from '../support/real-stores.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/slack/fake-slack-api.js';
import { SIGNING_SECRET, TEAM } from '../support/slack-bot.js';
import { BOT, CHANNEL, TENANT } from '../support/teams/activities.js';
import { type FakeConnector, startFakeConnector } from '../support/teams/fake-connector.js';
import { expectOk } from '../support/test-core.js';
import { type BotProcess, startBotProcess } from './support/bot-processes.js';
import { type Instance, openInstance } from './support/world.js';

const SLACK_WS = `slack:${TEAM}`;
const TEAMS_WS = `teams:${TENANT}`;
const DAY = 86_400_000;
const TOKEN = 'xoxb-test-token';

let api: FakeSlackApi;
let connector: FakeConnector;
beforeAll(async () => {
  api = await startFakeSlackApi();
  api.setWorkspace(TOKEN, { teamId: TEAM, botUserId: 'U0BOT', botId: 'B0BOT' });
  api.respondWith('chat.postMessage', (call) =>
    call.body.channel === 'C0GONE'
      ? { ok: false, error: 'channel_not_found' }
      : { ok: true, channel: call.body.channel, ts: `${Date.now() / 1000}` },
  );
  connector = await startFakeConnector();
});
afterAll(async () => {
  await api.close();
  await connector.close();
});

/** Polls until `condition` holds: waits for something to happen, not for a fixed time. */
async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const posts = (channel: string) => api.callsTo('chat.postMessage').filter((call) => call.body.channel === channel && call.status === 200);

async function seedWorkspace(
  instance: Instance,
  id: string,
  platform: 'slack' | 'teams',
  settings: Record<string, unknown>,
  people: [string, Role][],
): Promise<void> {
  await instance.core.ensureWorkspace({ id, platform, name: id });
  await instance.core.deps.workspaces.update(id, (current) => ({
    ...current,
    createdAt: new Date(Date.now() - 8 * DAY).toISOString(),
    settings: { ...current.settings, timeZone: 'UTC', ...settings },
  }));
  for (const [userId, role] of people)
    await instance.core.deps.roles.set({ workspaceId: id, userId, role, assignedBy: 'test', assignedAt: new Date().toISOString() });
}

/** Waits until some process has ticked for the slot `seconds` from now: proof that ticks went on. */
async function ticksContinue(instance: Instance, seconds: number): Promise<void> {
  const slot = Math.floor(Date.now() / 1000) + seconds;
  await waitUntil(
    async () => (await instance.core.deps.claims.holder(`cron:digest-ticker:${slot % 3600}`)) !== undefined,
    `a tick ${seconds} s from now`,
  );
}

const env = (storeUrl: string): Record<string, string> => ({
  PORT: '0',
  STORE_URL: storeUrl,
  LOG_LEVEL: 'info',
  SLACK_BOT_TOKEN: TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: api.url,
  DIGEST_CRON: '*/2 * * * * *',
  DIGEST_TIMEZONE: 'UTC',
});

async function startThree(namespace: string, storeUrl: string): Promise<BotProcess[]> {
  const processes = [1, 2, 3].map(() => startBotProcess(namespace, env(storeUrl)));
  await Promise.all(processes.map((bot) => bot.ready));
  return processes;
}

const stopAll = (processes: BotProcess[]) => Promise.all(processes.map((bot) => bot.stop()));

const targets = [
  { label: 'Redis', url: redisUrl, skip: REDIS_SKIPPED },
  { label: 'PostgreSQL', url: databaseUrl, skip: POSTGRES_SKIPPED },
];

describe.each(targets)('three bot processes on $label', ({ url, skip }) => {
  // Skipped, with the reason as its title, where REDIS_URL or DATABASE_URL is unset; .ci/run sets both.
  it.skipIf(!url)(
    url ? 'one digest per recipient and week, one reminder per item, a catch-up once' : skip,
    { timeout: 180_000 },
    async () => {
      const storeUrl = url ?? '';
      const namespaces = [uniqueNamespace(), uniqueNamespace()];
      const [running, missed] = namespaces as [string, string];
      api.clear();
      connector.clear();
      const seed = await openInstance({ storeUrl, namespace: running, messengers: new MessengerRegistry() });
      try {
        // A Slack workspace on DIGEST_CRON, with a channel that works, one that does not, and two managers.
        await seedWorkspace(
          seed,
          SLACK_WS,
          'slack',
          {
            digestTargets: [
              { platform: 'slack', channelId: 'C0MGMT' },
              { platform: 'slack', channelId: 'C0GONE' },
            ],
          },
          [
            ['U0MGR1', 'manager'],
            ['U0MGR2', 'manager'],
            ['U0KIM', 'member'],
          ],
        );
        // Kim's requirement was due for review yesterday, and Kim's follow-up action too.
        const kim = { id: 'U0KIM', workspaceId: SLACK_WS };
        const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
        expectOk(
          await seed.core.addRequirement(kim, { statement: 'Deliveries within 5 days', customer: 'Acme AS', owner: '<@U0KIM|Kim>' }),
        );
        await seed.core.deps.requirements.update(SLACK_WS, 'REQ-1', (current) => ({ ...current, nextReviewOn: yesterday }));
        const check = expectOk(
          await seed.core.startCheck(kim, {
            text: 'We stop shipping to Iceland',
            place: { platform: 'slack', channelId: 'C0PRODUCT' },
            origin: 'command',
          }),
        );
        // Tomorrow in UTC is never before today in the workspace's zone.
        const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
        const answered = expectOk(
          await seed.core.answerCheck(kim, check.id, {
            impact: 'unknown',
            followUp: { kind: 'action', description: 'Ask the carrier', owner: '<@U0KIM|Kim>', dueOn: tomorrow },
          }),
        );
        // Overdue since yesterday, as a day later it would be (a due date can't be in the past when recorded).
        await seed.core.deps.actions.update(SLACK_WS, answered.action?.id ?? '', (current) => ({ ...current, dueOn: yesterday }));
        // A Teams workspace whose team channel ran `digest here`; its conversation reference is stored.
        await seedWorkspace(seed, TEAMS_WS, 'teams', { digestTargets: [{ platform: 'teams', channelId: CHANNEL }] }, []);
        await new ConversationReferences(seed.backend.records).rememberConversation(TEAMS_WS, CHANNEL, {
          serviceUrl: connector.url,
          channelId: 'msteams',
          bot: BOT,
          conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT, name: 'General' },
        });

        const processes = await startThree(running, storeUrl);
        await waitUntil(
          () =>
            posts('C0MGMT').length > 0 &&
            posts('U0MGR1').length > 0 &&
            posts('U0MGR2').length > 0 &&
            posts('U0KIM').length >= 2 &&
            connector.delivered().length > 0,
          'the digests and reminders',
        );
        // Ten more slots go by, each ticked by one of the three processes.
        await ticksContinue(seed, 10);
        await stopAll(processes);

        expect(posts('C0MGMT')).toHaveLength(1);
        expect(posts('U0MGR1')).toHaveLength(1);
        expect(posts('U0MGR2')).toHaveLength(1);
        // The dead channel was tried once and given up, logged with the reason; the others still got theirs.
        expect(api.callsTo('chat.postMessage').filter((call) => call.body.channel === 'C0GONE')).toHaveLength(1);
        const logs = processes.flatMap((bot) => bot.lines);
        expect(logs.filter((line) => line.reason === 'Slack answered channel_not_found' && line.retryable === false)).toHaveLength(1);
        // One reminder per item: the review and the action.
        expect(
          posts('U0KIM')
            .map((call) => String(call.body.text).slice(0, 40))
            .sort(),
        ).toEqual(['Reminder: REQ-1 is due for review since ', 'Reminder: your follow-up action is due s']);
        // The Teams channel got its digest through the connector, once.
        const teams = connector.delivered().filter((call) => call.conversationId === CHANNEL);
        expect(teams).toHaveLength(1);
        expect(JSON.stringify(teams[0]?.body)).toContain('Customer focus digest');
        // Each workspace's digest was issued once, by whichever process claimed its week.
        const issued = logs.filter((line) => line.msg === 'weekly digest issued');
        expect(issued).toHaveLength(2);

        // Every process is down when another workspace's weekly slot passes (three hours ago).
        const seedMissed = await openInstance({ storeUrl, namespace: missed, messengers: new MessengerRegistry() });
        try {
          const slot = new Date(Date.now() - 3 * 3_600_000);
          await seedWorkspace(
            seedMissed,
            SLACK_WS,
            'slack',
            {
              digestTargets: [{ platform: 'slack', channelId: 'C0LATE' }],
              digestWeekday: slot.getUTCDay() || 7,
              digestTime: slot.toISOString().slice(11, 16),
            },
            [['U0MGR3', 'manager']],
          );
          const started = await startThree(missed, storeUrl);
          await waitUntil(() => posts('C0LATE').length > 0 && posts('U0MGR3').length > 0, 'the catch-up digest');
          await ticksContinue(seedMissed, 3);
          await stopAll(started);
          const restarted = await startThree(missed, storeUrl);
          await ticksContinue(seedMissed, 3);
          await stopAll(restarted);
          expect(posts('C0LATE')).toHaveLength(1);
          expect(posts('U0MGR3')).toHaveLength(1);
          const late = [...started, ...restarted]
            .flatMap((bot) => bot.lines)
            .filter((line) => line.msg === 'weekly digest issued late (catch-up)');
          expect(late).toHaveLength(1);
        } finally {
          await seedMissed.backend.close();
        }
      } finally {
        await seed.backend.close();
        for (const namespace of namespaces) await removeNamespace(storeUrl, namespace);
      }
    },
  );
});
