/**
 * `/customer-focus dashboard` in Slack, end to end through the real bot: a private reply with a
 * link that expires, recorded as evidence, that opens the workspace's dashboard with the role of
 * the person who asked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';

const CHANNEL = 'C0PRODUCT';

describe('the dashboard command in Slack', () => {
  let h: SlackBotHarness;
  beforeEach(async () => {
    h = await startSlackBot();
  });
  afterEach(() => h.close());

  it('replies privately with a link that opens the dashboard as the person who asked, and records it', async () => {
    const response = await h.slack.command('/customer-focus', 'dashboard', { userId: 'U1', teamId: TEAM, channelId: CHANNEL });
    expect(response.status).toBe(200);
    const reply = await h.api.waitForCall('response_url');
    expect(reply.body.response_type).toBe('ephemeral');
    const shown = JSON.stringify(reply.body.blocks);
    // Never shareable: a link posted to the channel would open the dashboard for everyone there.
    expect(shown).not.toContain('Share in channel');
    expect(shown).toContain('/customer-focus revoke-link');
    const url = /<(http:\/\/localhost:\d+\/dashboard\/slack%3AT0TEAM1\?t=[^|>]+)\|Open the dashboard>/.exec(shown)?.[1];
    expect(url).toBeDefined();

    const page = await fetch((url ?? '').replace('localhost', '127.0.0.1'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Read-only, as member.');
    const [issued] = await h.bot.services.core.deps.evidence.listBySeq(h.workspaceId, 1, 1);
    expect(issued).toMatchObject({ type: 'link.issued', actorId: 'U1', data: { purpose: 'dashboard', role: 'member' } });
  });

  it('explains the command when it gets more than it understands', async () => {
    await h.slack.command('/customer-focus', 'dashboard for everyone', { userId: 'U1', teamId: TEAM, channelId: CHANNEL });
    const reply = await h.api.waitForCall('response_url');
    expect(JSON.stringify(reply.body)).toContain('Say just \\"/customer-focus dashboard\\" for a private link to the dashboard.');
  });
});
