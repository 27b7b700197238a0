/**
 * The Slack Web API misbehaving, played by the fake: 429 with Retry-After, 500s, calls that never
 * answer, dropped connections and `{ok: false}` errors. Each is either retried until it works or
 * reported (in the log, and to the person when there is one), the bot never crashes, and what
 * people did is never lost: the check, the requirement, the answer are stored either way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { threadCheckId } from '../../src/core/use-cases/prompts.js';
import { encodeAction } from '../../src/adapters/slack/action-codec.js';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';
import type { Failure } from '../support/slack/fake-slack-api.js';
import { slackTs } from '../support/slack/slack-payloads.js';

const CHANNEL = 'C0FAULT';
const DECISION = 'Decision: from March the free tier is capped at 3 seats.';

let h: SlackBotHarness;
beforeEach(async () => {
  h = await startSlackBot({ LOG_LEVEL: 'warn' });
});
afterEach(() => h.close());

/** Posts a decision in a new thread; returns the thread and the envelope, to send again as Slack's retry. */
async function announceDecision(): Promise<{ ts: string; resend: () => Promise<Response> }> {
  const ts = slackTs();
  const envelope = JSON.stringify(h.slack.eventEnvelope(h.slack.messageEvent({ channel: CHANNEL, user: 'U0ALICE', text: DECISION, ts })));
  expect((await h.slack.send(envelope, 'application/json')).status).toBe(200);
  return {
    ts,
    resend: () =>
      h.slack.send(envelope, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } }),
  };
}

const storedCheck = (ts: string) =>
  h.bot.services.core.deps.checks.get(h.workspaceId, threadCheckId({ platform: 'slack', channelId: CHANNEL, threadId: ts }));
const promptsIn = (ts: string) => h.api.callsTo('chat.postMessage').filter((call) => call.body.thread_ts === ts);
const healthy = async () => (await fetch(`http://127.0.0.1:${h.bot.port}/healthz`)).status === 200;

describe('posting a decision prompt while Slack misbehaves', () => {
  it.each<[string, Failure, number]>([
    ['429 with Retry-After: waits as told, then posts', { kind: 'ratelimited', retryAfterSeconds: 1 }, 1],
    ['one 500: retried, then posts', { kind: 'http', status: 500 }, 1],
    ['a dropped connection: retried, then posts', { kind: 'reset' }, 1],
  ])('%s', async (_name, failure, times) => {
    h.api.failNext('chat.postMessage', failure, times);
    const { ts } = await announceDecision();
    await h.api.waitForCall('chat.postMessage', (call) => call.body.thread_ts === ts && call.status === 200, 15_000);
    expect(promptsIn(ts).map((call) => call.status)).toEqual([
      failure.kind === 'ratelimited' ? 429 : failure.kind === 'http' ? 500 : 0,
      200,
    ]);
    await expect.poll(async () => (await storedCheck(ts))?.prompt?.channelId).toBe(CHANNEL);
    expect(await healthy()).toBe(true);
  });

  it('a call that never answers times out and is retried', { timeout: 30_000 }, async () => {
    h.api.failNext('chat.postMessage', { kind: 'hang' });
    const { ts } = await announceDecision();
    await h.api.waitForCall('chat.postMessage', (call) => call.body.thread_ts === ts && call.status === 200, 25_000);
    expect(promptsIn(ts).map((call) => call.status)).toEqual([0, 200]);
    await expect.poll(async () => (await storedCheck(ts))?.prompt).toBeDefined();
  });

  it('500s beyond the retries: reported, the check kept, and Slack’s retry of the event posts it once', { timeout: 30_000 }, async () => {
    h.api.failNext('chat.postMessage', { kind: 'http', status: 500 }, 4);
    const { ts, resend } = await announceDecision();
    await expect.poll(() => h.logs.some((line) => line.msg === 'Slack listener failed'), { timeout: 20_000 }).toBe(true);
    expect(promptsIn(ts).map((call) => call.status)).toEqual([500, 500, 500, 500]);
    expect(await storedCheck(ts)).toMatchObject({ text: DECISION, status: 'awaiting' });
    expect(await healthy()).toBe(true);

    expect((await resend()).status).toBe(200);
    await h.api.waitForCall('chat.postMessage', (call) => call.body.thread_ts === ts && call.status === 200);
    expect(promptsIn(ts).filter((call) => call.status === 200)).toHaveLength(1);
    expect(await h.bot.services.core.deps.evidence.lastSeq(h.workspaceId)).toBe(1);
  });

  it.each(['not_in_channel', 'channel_not_found', 'internal_error', 'fatal_error'])(
    '{ok: false, error: "%s"}: reported, the check kept, no crash',
    async (error) => {
      h.api.failNext('chat.postMessage', { kind: 'error', error });
      const { ts } = await announceDecision();
      await h.api.waitForCall('chat.postMessage', (call) => call.body.thread_ts === ts);
      await expect
        .poll(() =>
          h.logs.some(
            (line) =>
              (line.error as { code?: string } | undefined)?.code === error ||
              (line.msg === 'Slack listener failed' && JSON.stringify(line).includes(error)),
          ),
        )
        .toBe(true);
      expect(await storedCheck(ts)).toMatchObject({ text: DECISION });
      expect(await healthy()).toBe(true);
    },
  );
});

describe('replying to a command while Slack misbehaves', () => {
  it.each<[string, Failure]>([
    ['500', { kind: 'http', status: 500 }],
    ['404 (the response URL expired)', { kind: 'http', status: 404 }],
    ['429', { kind: 'ratelimited', retryAfterSeconds: 1 }],
  ])(
    'the reply fails with %s: the requirement is stored once, and its confirmation arrives as an ephemeral message',
    async (_name, failure) => {
      h.api.failNext('response_url', failure);
      await h.slack.command('/requirement', 'add Deliveries to Norway within 5 days customer:"Acme AS"', {
        userId: 'U1',
        teamId: TEAM,
        channelId: CHANNEL,
      });
      const notice = await h.api.waitForCall('chat.postEphemeral', (call) => call.status === 200);
      expect(notice.body).toMatchObject({ channel: CHANNEL, user: 'U1' });
      expect(JSON.stringify(notice.body.blocks)).toContain('Recorded *REQ-1*');
      expect((await h.bot.services.core.deps.requirements.list(h.workspaceId)).map((requirement) => requirement.id)).toEqual(['REQ-1']);
      expect(await healthy()).toBe(true);
    },
  );

  it('users.info failing: the person is treated as a member and the command still works', async () => {
    h.api.failNext('users.info', { kind: 'error', error: 'user_not_found' });
    await h.slack.command('/requirement', 'add Invoices in NOK customer:Acme', { userId: 'U2', teamId: TEAM, channelId: CHANNEL });
    const reply = await h.api.waitForCall('response_url');
    expect(JSON.stringify(reply.body.blocks)).toContain('Recorded *REQ-1*');
  });
});

describe('redrawing a prompt after an answer while Slack misbehaves', () => {
  it.each<[string, Failure]>([
    ['500', { kind: 'http', status: 500 }],
    ['{ok: false}', { kind: 'error', error: 'message_not_found' }],
  ])('chat.update fails with %s: the answer is kept, the failure logged', { timeout: 20_000 }, async (_name, failure) => {
    const { ts } = await announceDecision();
    await h.api.waitForCall('chat.postMessage', (call) => call.body.thread_ts === ts && call.status === 200);
    const check = await storedCheck(ts);
    if (!check) throw new Error('no check');
    h.api.failNext('chat.update', failure, 4);
    const button = encodeAction({ kind: 'check.answer', checkId: check.id, impact: 'positive' }, 0);
    await h.slack.interaction(
      h.slack.blockAction({
        actionId: button.action_id,
        value: button.value,
        userId: 'U0BOB',
        teamId: TEAM,
        channelId: CHANNEL,
        messageTs: ts,
      }),
    );
    await expect.poll(() => h.logs.some((line) => line.msg === 'could not update the decision prompt'), { timeout: 15_000 }).toBe(true);
    expect(await h.bot.services.core.deps.checks.listAnswers(h.workspaceId, check.id)).toMatchObject([
      { impact: 'positive', by: { id: 'U0BOB' } },
    ]);
    expect(await healthy()).toBe(true);
  });
});
