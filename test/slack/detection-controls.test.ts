/** The noise controls, end to end on Slack: admins' commands change when the bot speaks up. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';

const CHANNEL = 'C0PRODUCT';
let n = 0;
const ts = () => `${Math.floor(Date.now() / 1000)}.${String((n += 1)).padStart(6, '0')}`;

describe('Slack detection controls', () => {
  let h: SlackBotHarness;
  beforeEach(async () => {
    h = await startSlackBot();
  });
  afterEach(() => h.close());

  const admin = async (text: string) => {
    h.api.clear();
    await h.slack.command('/customer-focus', text, { userId: 'U0ADMIN', teamId: TEAM, channelId: CHANNEL });
    return JSON.stringify((await h.api.waitForCall('response_url')).body);
  };
  const decide = async (text: string) => {
    const skipsBefore = h.logs.filter((line) => line.msg === 'no prompt').length;
    const postsBefore = h.api.callsTo('chat.postMessage').length;
    await h.slack.event(h.slack.messageEvent({ channel: CHANNEL, user: 'U1', text, ts: ts() }));
    // Each delivery ends in a post or a logged skip; wait for whichever comes.
    await expect
      .poll(
        () =>
          h.api.callsTo('chat.postMessage').length > postsBefore || h.logs.filter((line) => line.msg === 'no prompt').length > skipsBefore,
      )
      .toBe(true);
    return h.api.callsTo('chat.postMessage').length > postsBefore
      ? 'asked'
      : String(h.logs.filter((line) => line.msg === 'no prompt').at(-1)?.reason);
  };

  it('off, snooze and a cap each stop unasked prompts; status shows the noise figures', async () => {
    expect(await admin('detection off')).toContain('Decision detection here is now off');
    expect(await decide('Decision: we drop the free tier in May.')).toBe('detection-off');
    expect(await admin('detection auto')).toContain('now auto');
    expect(await decide('Decision: we drop the free tier in June.')).toBe('asked');
    expect(await admin('detection snooze')).toContain('snoozed until');
    expect(await decide('Decision: we drop the free tier in July.')).toBe('snoozed');
    await h.bot.services.core.deps.channels.setSnoozedUntil(h.workspaceId, CHANNEL, new Date(0).toISOString());
    expect(await admin('settings cap:2')).toContain('Settings');
    expect(await decide('Decision: annual plans get 15% off from April.')).toBe('asked');
    expect(await decide('Decision: we stop phone support on Saturdays.')).toBe('daily-cap');
    const status = await admin('status');
    expect(status).toContain(`<#${CHANNEL}>: 2 sent, 0 answered, 0 not a decision, 0 ignored`);
  });
});
