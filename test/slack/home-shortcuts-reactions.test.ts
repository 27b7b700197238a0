import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_USER, type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';

const CHANNEL = 'C0PRODUCT';
const nowTs = () => `${Math.floor(Date.now() / 1000)}.000300`;

describe('Slack home, shortcuts, reactions and introductions', () => {
  let h: SlackBotHarness;
  beforeEach(async () => {
    h = await startSlackBot();
  });
  afterEach(() => h.close());

  it('publishes a home page with what waits for the person and the privacy note', async () => {
    await h.slack.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: nowTs() });
    const published = await h.api.waitForCall('views.publish');
    expect(published.body.user_id).toBe('U1');
    const shown = JSON.stringify(published.body.view);
    expect(shown).toContain('Decisions waiting for an answer');
    expect(shown).toContain('About and privacy');
  });

  it('introduces itself once when added to a channel, even if the event comes twice', async () => {
    const joined = { type: 'member_joined_channel', user: BOT_USER, channel: CHANNEL, channel_type: 'C', team: TEAM, event_ts: nowTs() };
    await Promise.all([
      h.slack.event(joined, { eventId: 'EvJoin' }),
      h.slack.event(joined, { eventId: 'EvJoin', retryNum: 1, retryReason: 'http_timeout' }),
    ]);
    const intro = await h.api.waitForCall('chat.postMessage');
    expect(JSON.stringify(intro.body.blocks)).toContain('How does this decision affect customers?');
    await h.slack.event({ ...joined, user: 'U5' }); // someone else joining: no introduction
    await h.slack.event(joined, { eventId: 'EvJoin2' });
    await expect.poll(() => h.logs.filter((line) => line.msg === 'introduction already posted').length).toBe(2);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it("starts a check from the message shortcut, in that message's thread", async () => {
    const ts = nowTs();
    await h.slack.interaction(
      h.slack.messageShortcut({
        callbackId: 'check_customer_impact',
        userId: 'U2',
        channelId: CHANNEL,
        message: { user: 'U1', ts, text: 'ok so we just stop shipping to Iceland' },
      }),
    );
    const posted = await h.api.waitForCall('chat.postMessage');
    expect(posted.body).toMatchObject({ channel: CHANNEL, thread_ts: ts });
    await expect
      .poll(
        async () =>
          (await h.bot.services.core.deps.checks.listStarted(h.workspaceId, { from: new Date(0), to: new Date(Date.now() + 60_000) }))[0]
            ?.place.permalink,
      )
      .toContain('https://example.slack.com/archives/');
  });

  it('opens the requirement form prefilled from a message, with a link back to it', async () => {
    const ts = nowTs();
    await h.slack.interaction(
      h.slack.messageShortcut({
        callbackId: 'record_requirement',
        userId: 'U2',
        channelId: CHANNEL,
        message: { user: 'U1', ts, text: 'Acme needs invoices in NOK <!channel>' },
      }),
    );
    const opened = await h.api.waitForCall('views.open');
    const view = JSON.stringify(opened.body.view);
    expect(view).toContain('Acme needs invoices in NOK');
    expect(view).toContain(`https://example.slack.com/archives/${CHANNEL}/p${ts.replace('.', '')}`);
  });

  it('starts a check when someone reacts with the check emoji', async () => {
    const ts = nowTs();
    h.api.setHistory(CHANNEL, [{ ts, text: 'we are moving the launch to March', user: 'U1' }]);
    await h.slack.event({
      type: 'reaction_added',
      user: 'U2',
      reaction: 'mag',
      item_user: 'U1',
      item: { type: 'message', channel: CHANNEL, ts },
      event_ts: nowTs(),
    });
    const posted = await h.api.waitForCall('chat.postMessage');
    expect(posted.body.thread_ts).toBe(ts);
    await h.slack.event({
      type: 'reaction_added',
      user: 'U3',
      reaction: 'thumbsup',
      item_user: 'U1',
      item: { type: 'message', channel: CHANNEL, ts: '1.2' },
      event_ts: nowTs(),
    });
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
