/**
 * Issue 15.4: replayed Slack requests. Through the real Bolt receiver with correctly signed HTTP
 * requests: the same signed slash command or form submission sent again within Slack's five
 * minutes is acknowledged but acted on once; a timestamp more than five minutes in the future is
 * refused like one in the past. Slack's own redelivery of events still works.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';

const CHANNEL = 'C0PRODUCT';
const FORM = 'application/x-www-form-urlencoded';
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('replayed Slack requests', () => {
  let h: SlackBotHarness;
  beforeEach(async () => {
    h = await startSlackBot();
  });
  afterEach(() => h.close());

  const requirements = () => h.bot.services.core.deps.requirements.list(h.workspaceId);
  const replaysLogged = () => h.logs.filter((line) => String(line.msg).includes('already handled (a replay)'));

  it('acts on a signed slash command once, however often the same request is sent', async () => {
    const body = new URLSearchParams(
      h.slack.slashCommand('/requirement', 'add Deliveries within 5 days customer:"Acme AS"', {
        userId: 'U1',
        teamId: TEAM,
        channelId: CHANNEL,
      }),
    ).toString();
    const signedAt = nowSeconds();
    for (let copy = 0; copy < 3; copy++) expect((await h.slack.send(body, FORM, { timestamp: signedAt })).status).toBe(200);
    await h.api.waitForCall('response_url', (call) => JSON.stringify(call.body).includes('Recorded *REQ-1*'));
    expect(replaysLogged()).toHaveLength(2);
    expect((await requirements()).map((requirement) => requirement.id)).toEqual(['REQ-1']);
    // A new command (its own trigger_id) is of course acted on.
    await h.slack.command('/requirement', 'add Invoices in EUR customer:"Acme AS"', { userId: 'U1', teamId: TEAM, channelId: CHANNEL });
    await h.api.waitForCall('response_url', (call) => JSON.stringify(call.body).includes('Recorded *REQ-2*'));
  });

  it('acts on a signed form submission once', async () => {
    await h.slack.command('/requirement', 'add', { userId: 'U1', teamId: TEAM, channelId: CHANNEL });
    const view = (await h.api.waitForCall('views.open')).body.view as { callback_id: string; private_metadata: string };
    const submission = h.slack.viewSubmission({
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      userId: 'U1',
      teamId: TEAM,
      values: { statement: { statement: { type: 'plain_text_input', value: 'Support answers within 4 hours' } } },
    });
    const body = new URLSearchParams({ payload: JSON.stringify(submission) }).toString();
    const signedAt = nowSeconds();
    for (let copy = 0; copy < 3; copy++) expect((await h.slack.send(body, FORM, { timestamp: signedAt })).status).toBe(200);
    expect(replaysLogged()).toHaveLength(2);
    expect((await requirements()).map((requirement) => requirement.statement)).toEqual(['Support answers within 4 hours']);
  });

  it('refuses timestamps more than five minutes away in either direction, and accepts those within', async () => {
    const send = (offsetSeconds: number, text: string) =>
      h.slack.command('/requirement', `add ${text} customer:Acme`, {
        userId: 'U1',
        teamId: TEAM,
        channelId: CHANNEL,
        timestamp: nowSeconds() + offsetSeconds,
      });
    expect((await send(24 * 3600, 'From tomorrow')).status).toBe(401);
    expect((await send(6 * 60, 'Six minutes ahead')).status).toBe(401);
    expect((await send(-6 * 60, 'Six minutes old')).status).toBe(401);
    expect(await requirements()).toEqual([]);
    expect((await send(4 * 60, 'Four minutes ahead')).status).toBe(200);
    await h.api.waitForCall('response_url', (call) => JSON.stringify(call.body).includes('Recorded *REQ-1*'));
  });

  it("leaves Slack's redelivery of events to the event handlers", async () => {
    const event = h.slack.appHomeOpened('U1');
    const options = { eventId: 'Ev0REDELIVERED' };
    expect((await h.slack.event(event, options)).status).toBe(200);
    expect((await h.slack.event(event, { ...options, retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    expect(replaysLogged()).toEqual([]);
  });
});
