/**
 * The Slack app end to end, offline: signed HTTP requests into the real Bolt receiver, and the real
 * Web API client talking to a local fake Slack over HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workAfterAckOf } from '../../src/adapters/http/work-after-ack.js';
import { BOT_USER, type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';

// Due dates of follow-up actions must not be in the past: one a month from the real today.
const DUE = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

const CHANNEL = 'C0PRODUCT';
const DECISION = 'Decision: from January support closes at 16:00 on Fridays.';
const nowTs = (offset = 0) => `${Math.floor(Date.now() / 1000) + offset}.000100`;

describe('Slack decision checks', () => {
  let h: SlackBotHarness;
  beforeEach(async () => {
    h = await startSlackBot();
  });
  afterEach(() => h.close());

  /** A decision arrives, the bot prompts, and U2 clicks one of the prompt's buttons. */
  const clickOnPrompt = async (label: string) => {
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts: nowTs() }));
    const posted = await h.api.waitForCall('chat.postMessage');
    const button = findButton(posted.body.blocks, label);
    await h.slack.interaction(
      h.slack.blockAction({
        actionId: button.action_id,
        value: button.value,
        userId: 'U2',
        teamId: TEAM,
        channelId: CHANNEL,
        messageTs: '1.1',
      }),
    );
  };

  const checksFor = async () =>
    h.bot.services.core.deps.checks.listStarted(h.workspaceId, { from: new Date(0), to: new Date(Date.now() + 86_400_000) });

  it('answers a decision with exactly one prompt, in its thread', async () => {
    const ts = nowTs();
    const response = await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts }));
    expect(response.status).toBe(200);
    const call = await h.api.waitForCall('chat.postMessage');
    expect(call.body).toMatchObject({ channel: CHANNEL, thread_ts: ts });
    expect(JSON.stringify(call.body.blocks)).toContain('How does this decision affect customers?');
    expect(call.body.reply_broadcast).toBeUndefined();
    // The prompt's message is remembered right after Slack confirms the post.
    await expect.poll(async () => (await checksFor())[0]?.prompt).toEqual({ channelId: CHANNEL, messageId: expect.any(String) });
    const [check] = await checksFor();
    expect(check).toMatchObject({ text: DECISION, origin: 'detected', place: { channelId: CHANNEL, threadId: ts } });
  });

  it('asks Slack nothing about the people who chat: a message costs no users.info call, a decision only its prompt', async () => {
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U7', text: 'thanks, the build is green now', ts: nowTs(-1) }));
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U8', text: DECISION, ts: nowTs() }));
    await h.api.waitForCall('chat.postMessage');
    await workAfterAckOf(h.bot.services.core)?.idle();
    expect(h.api.callsTo('users.info')).toEqual([]);
  });

  it('posts one prompt when the same post arrives three times at once, and as message plus app_mention', async () => {
    const ts = nowTs();
    const event = h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: `<@${BOT_USER}> ${DECISION}`, ts });
    await Promise.all([
      h.slack.event(event, { eventId: 'Ev1' }),
      h.slack.event(event, { eventId: 'Ev1', retryNum: 1, retryReason: 'http_timeout' }),
      h.slack.event(event, { eventId: 'Ev1', retryNum: 2, retryReason: 'http_timeout' }),
      h.slack.event(h.slack.appMention({ channel: CHANNEL, user: 'U1', text: `<@${BOT_USER}> ${DECISION}`, ts }), { eventId: 'Ev2' }),
    ]);
    await h.api.waitForCall('chat.postMessage');
    // Every other delivery is skipped (and says so in the debug log) rather than posting again.
    await expect.poll(() => h.logs.filter((line) => line.msg === 'no prompt').length).toBe(3);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await checksFor()).toHaveLength(1);
  });

  it('"@bot check this" in a thread asks about the thread\'s decision; "@bot hi" asks nothing', async () => {
    const root = nowTs(-30);
    h.api.setHistory(CHANNEL, [{ ts: root, text: 'ok we are moving the launch to March', user: 'U1' }]);
    await h.slack.event(h.slack.appMention({ channel: CHANNEL, user: 'U2', text: `<@${BOT_USER}> hi`, ts: nowTs() }));
    await expect.poll(() => h.logs.some((line) => line.msg === 'mention without a decision')).toBe(true);
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
    await h.slack.event(
      h.slack.appMention({ channel: CHANNEL, user: 'U2', text: `<@${BOT_USER}> check this`, ts: nowTs(), threadTs: root }),
    );
    const posted = await h.api.waitForCall('chat.postMessage');
    expect(posted.body.thread_ts).toBe(root);
    await expect
      .poll(async () => (await checksFor())[0])
      .toMatchObject({ text: 'ok we are moving the launch to March', origin: 'mention', startedBy: { id: 'U2' } });
  });

  it('ignores bots, edits, thread broadcasts and old messages', async () => {
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts: nowTs(), botId: 'B9' }));
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts: nowTs(), subtype: 'message_changed' }));
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts: nowTs(), subtype: 'thread_broadcast' }));
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts: nowTs(-7200) }));
    // A real decision afterwards is the only one asked about.
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts: nowTs(1) }));
    await h.api.waitForCall('chat.postMessage');
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await checksFor()).toHaveLength(1);
  });

  it('records a one-click answer and updates the prompt in place', async () => {
    const ts = nowTs();
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts }));
    const posted = await h.api.waitForCall('chat.postMessage');
    const [check] = await checksFor();
    const button = findButton(posted.body.blocks, 'Positive');
    const response = await h.slack.interaction(
      h.slack.blockAction({
        actionId: button.action_id,
        value: button.value,
        userId: 'U2',
        teamId: TEAM,
        channelId: CHANNEL,
        messageTs: '1.1',
        threadTs: ts,
      }),
    );
    expect(response.status).toBe(200);
    const update = await h.api.waitForCall('chat.update');
    expect(update.body).toMatchObject({ channel: CHANNEL });
    expect(JSON.stringify(update.body.blocks)).toContain('<@U2>: Positive');
    const answers = await h.bot.services.core.deps.checks.listAnswers(h.workspaceId, check?.id ?? '');
    expect(answers).toMatchObject([{ impact: 'positive', by: { id: 'U2' } }]);
  });

  it('a Negative answer opens the form; its action shows up as an open action', async () => {
    await clickOnPrompt('Negative');
    const opened = await h.api.waitForCall('views.open');
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('form:check.answer');

    // Missing explanation: the modal stays open with the message next to the field.
    const missing = await h.slack.interaction(
      h.slack.viewSubmission({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        userId: 'U2',
        teamId: TEAM,
        values: stateValues({ impact: { selected_option: { value: 'negative' } } }),
      }),
    );
    expect(await missing.json()).toMatchObject({
      response_action: 'errors',
      errors: { explanation: expect.stringContaining('Please explain') },
    });

    const done = await h.slack.interaction(
      h.slack.viewSubmission({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        userId: 'U2',
        teamId: TEAM,
        values: stateValues({
          impact: { selected_option: { value: 'negative' } },
          explanation: { value: 'Customers in Asia lose their Friday afternoon support' },
          followup: { selected_option: { value: 'action' } },
          action: { value: 'Offer chat support on Fridays' },
          owner: { selected_user: 'U3' },
          due: { selected_date: DUE },
        }),
      }),
    );
    expect(done.status).toBe(200);
    await h.api.waitForCall('chat.update');
    const open = await h.bot.services.core.deps.actions.listOpen(h.workspaceId);
    expect(open).toMatchObject([{ description: 'Offer chat support on Fridays', owner: { id: 'U3' }, dueOn: DUE, status: 'open' }]);
  });

  it('"Not a decision" dismisses the prompt quietly', async () => {
    await clickOnPrompt('Not a decision');
    const update = await h.api.waitForCall('chat.update');
    expect(JSON.stringify(update.body.blocks)).toContain('dismissed as not a decision');
    // The notification text goes with the blocks; Slack warns about (and screen readers get) a blank one.
    expect(update.body.text).toMatch(/^How does this decision affect customers\? — dismissed as not a decision by \S/);
    expect((await checksFor())[0]?.status).toBe('dismissed');
  });

  it('keeps the evidence when chat.postMessage fails, and logs why', async () => {
    h.api.failNext('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts: nowTs() }));
    await h.api.waitForCall('chat.postMessage');
    await expect.poll(() => h.logs.some((line) => (line.error as { code?: string } | undefined)?.code === 'not_in_channel')).toBe(true);
    expect(await checksFor()).toHaveLength(1);
    const evidence = await h.bot.services.core.deps.evidence.listBySeq(h.workspaceId, 1, 10);
    expect(evidence.map((entry) => entry.type)).toEqual(['check.started']);
  });

  it('retries a 429 after Retry-After and loses nothing', async () => {
    h.api.failNext('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 1 });
    const ts = nowTs();
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts }));
    const call = await h.api.waitForCall('chat.postMessage', (c) => c.status === 200);
    expect(call.body.thread_ts).toBe(ts);
    await expect.poll(async () => (await checksFor())[0]?.prompt).toBeDefined();
  });

  it("never uses the workspace's token for another workspace", async () => {
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts: nowTs() }), { teamId: 'T9OTHER' });
    await expect.poll(() => h.logs.some((line) => line.msg === 'Slack listener failed')).toBe(true);
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
    expect(await checksFor()).toEqual([]);
  });

  it('starts while Slack is unreachable and works once it answers', async () => {
    await h.close();
    h = await startSlackBot({}, (api) => api.failNext('auth.test', { kind: 'http', status: 503 }, 4));
    const first = nowTs();
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts: first }));
    await expect.poll(() => h.logs.some((line) => line.msg === 'Slack listener failed')).toBe(true);
    expect((await fetch(`http://127.0.0.1:${h.bot.port}/healthz`)).status).toBe(200);
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts: nowTs(5) }));
    const posted = await h.api.waitForCall('chat.postMessage');
    expect(posted.body.channel).toBe(CHANNEL);
  });

  it('refuses bad and stale signatures with 401 and records nothing', async () => {
    const event = h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text: DECISION, ts: nowTs() });
    expect((await h.slack.event(event, { signature: 'v0=forged' })).status).toBe(401);
    expect((await h.slack.event(event, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
    expect(await checksFor()).toEqual([]);
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
  });
});

type ButtonElement = { action_id: string; value: string; text: { text: string } };

function findButton(blocks: unknown, label: string): ButtonElement {
  const all = (blocks as { type: string; elements?: ButtonElement[] }[]).flatMap((block) =>
    block.type === 'actions' ? (block.elements ?? []) : [],
  );
  const found = all.find((button) => button.text.text === label);
  if (!found) throw new Error(`no "${label}" button in ${JSON.stringify(blocks)}`);
  return found;
}

/** view.state.values as Slack sends them: block id → action id → value. */
function stateValues(fields: Record<string, Record<string, unknown>>): Record<string, Record<string, Record<string, unknown>>> {
  return Object.fromEntries(Object.entries(fields).map(([id, value]) => [id, { [id]: { type: 'x', ...value } }]));
}
