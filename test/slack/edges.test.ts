/**
 * What a hostile tester found at the Slack edge, reproduced with signed requests to the real
 * receiver: a confirmation whose response_url fails must still reach the person, saying what was
 * saved (and nothing is saved twice); text Slack escapes is stored as the person typed it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';

const CHANNEL = 'C0PRODUCT';

describe('Slack at the edges', () => {
  let h: SlackBotHarness;
  beforeEach(async () => {
    h = await startSlackBot();
  });
  afterEach(() => h.close());

  it('a saved requirement whose response_url fails is confirmed by an ephemeral message, never as "try again"', async () => {
    h.api.failNext('response_url', { kind: 'reset' });
    await h.slack.command('/requirement', 'add Invoices in NOK customer:"Acme AS"', { userId: 'U1', teamId: TEAM, channelId: CHANNEL });
    const ephemeral = await h.api.waitForCall('chat.postEphemeral');
    expect(ephemeral.body).toMatchObject({ channel: CHANNEL, user: 'U1' });
    expect(JSON.stringify(ephemeral.body.blocks)).toContain('Recorded *REQ-1*');
    expect(JSON.stringify(ephemeral.body)).not.toContain('try again');
    const all = await h.bot.services.core.listRequirements({ id: 'U1', workspaceId: h.workspaceId });
    expect(all.ok && all.value.map((requirement) => requirement.id)).toEqual(['REQ-1']);
  });

  it('decodes &amp;, &lt; and &gt; in command and message text once', async () => {
    // Slack sends what a person typed as "Price < 100 EUR & free shipping" like this:
    await h.slack.command('/requirement', 'add Price &lt; 100 EUR &amp; free shipping customer:"B&amp;B AS"', {
      userId: 'U1',
      teamId: TEAM,
      channelId: CHANNEL,
    });
    await h.api.waitForCall('response_url');
    expect(await h.bot.services.core.deps.requirements.get(h.workspaceId, 'REQ-1')).toMatchObject({
      statement: 'Price < 100 EUR & free shipping',
      customer: 'B&B AS',
    });

    const ts = (Date.now() / 1000).toFixed(6);
    await h.slack.event(
      h.slack.messageEvent({
        channel: CHANNEL,
        user: 'U1',
        text: 'Decision: orders &lt; 100 EUR pay shipping &amp; handling from March.',
        ts,
      }),
    );
    await h.api.waitForCall('chat.postMessage');
    await expect
      .poll(async () => {
        const started = await h.bot.services.core.deps.evidence.listBySeq(h.workspaceId, 1, 10);
        return started.find((entry) => entry.type === 'check.started')?.personal?.text;
      })
      .toBe('Decision: orders < 100 EUR pay shipping & handling from March.');
  });
});
