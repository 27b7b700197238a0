import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';

const CHANNEL = 'C0PRODUCT';

describe('Slack slash commands', () => {
  let h: SlackBotHarness;
  beforeEach(async () => {
    h = await startSlackBot();
  });
  afterEach(() => h.close());

  const responses = () => h.api.callsTo('response_url');

  it('/requirement add stores the requirement and confirms it privately', async () => {
    const response = await h.slack.command(
      '/requirement',
      'add Deliveries to Norway within 5 days customer:"Acme AS" type:stated category:delivery',
      { userId: 'U1', teamId: TEAM, channelId: CHANNEL },
    );
    expect(response.status).toBe(200);
    const reply = await h.api.waitForCall('response_url');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.body.blocks)).toContain('Recorded *REQ-1*');
    const stored = await h.bot.services.core.deps.requirements.get(h.workspaceId, 'REQ-1');
    expect(stored).toMatchObject({
      statement: 'Deliveries to Norway within 5 days',
      customer: 'Acme AS',
      category: 'delivery',
      createdBy: { id: 'U1' },
    });
  });

  it('escapes <!channel>, <!here> and user mentions typed into a requirement', async () => {
    await h.slack.command('/requirement', 'add Ping <!channel> and <!here> and <@U999> & co customer:"<!everyone>"', {
      userId: 'U1',
      teamId: TEAM,
      channelId: CHANNEL,
    });
    const reply = await h.api.waitForCall('response_url');
    const shown = JSON.stringify(reply.body);
    expect(shown).toContain('&lt;!channel&gt;');
    expect(shown).toContain('&lt;!here&gt;');
    expect(shown).toContain('&lt;@U999&gt;');
    expect(shown).toContain('&amp; co');
    expect(shown).not.toMatch(/[^;]<!channel>|[^;]<!everyone>/);
  });

  it('refuses a member an admin command, saying who can do it', async () => {
    await h.slack.command('/customer-focus', 'settings timezone:Europe/Oslo', { userId: 'U1', teamId: TEAM, channelId: CHANNEL });
    const reply = await h.api.waitForCall('response_url');
    expect(JSON.stringify(reply.body)).toContain('Sorry, only admins can change settings');
    expect(JSON.stringify(reply.body)).toContain('/customer-focus role');
  });

  it('lets Slack workspace admins act as admins', async () => {
    h.api.setUser('U7', { is_admin: true });
    await h.slack.command('/customer-focus', 'detection off', { userId: 'U7', teamId: TEAM, channelId: CHANNEL });
    const reply = await h.api.waitForCall('response_url');
    expect(JSON.stringify(reply.body)).toContain('Decision detection here is now off');
  });

  it('shows usage, naming the mistake, for a malformed command', async () => {
    await h.slack.command('/requirement', 'add x catgory:price', { userId: 'U1', teamId: TEAM, channelId: CHANNEL });
    const reply = await h.api.waitForCall('response_url');
    expect(JSON.stringify(reply.body)).toContain('Did you mean \\"category:\\"?');
    expect(JSON.stringify(reply.body)).toContain('/requirement add');
  });

  it('opens a form for /requirement add without text; a missing statement is shown inline', async () => {
    await h.slack.command('/requirement', 'add', { userId: 'U1', teamId: TEAM, channelId: CHANNEL, triggerId: 'trigger-1' });
    const opened = await h.api.waitForCall('views.open');
    expect(opened.body.trigger_id).toBe('trigger-1');
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    const refused = await h.slack.interaction(
      h.slack.viewSubmission({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        userId: 'U1',
        teamId: TEAM,
        values: { statement: { statement: { type: 'plain_text_input', value: '   ' } } },
      }),
    );
    expect(await refused.json()).toMatchObject({
      response_action: 'errors',
      errors: { statement: expect.stringContaining('needs a statement') },
    });
    expect(await h.bot.services.core.deps.requirements.list(h.workspaceId)).toEqual([]);
  });

  it('replies privately, with a button that shares read-only answers with the channel', async () => {
    await h.slack.command('/requirement', 'add Invoices in NOK customer:Acme', { userId: 'U1', teamId: TEAM, channelId: CHANNEL });
    await h.api.waitForCall('response_url');
    h.api.clear();
    await h.slack.command('/requirement', 'list', { userId: 'U1', teamId: TEAM, channelId: CHANNEL });
    const list = await h.api.waitForCall('response_url');
    expect(list.body.response_type).toBe('ephemeral');
    const share = (list.body.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[])
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.text.text === 'Share in channel');
    expect(share?.value).toBe('/requirement list');
    h.api.clear();
    await h.slack.interaction(
      h.slack.blockAction({
        actionId: share?.action_id ?? '',
        value: share?.value ?? '',
        userId: 'U1',
        teamId: TEAM,
        channelId: CHANNEL,
        messageTs: '1.1',
      }),
    );
    const shared = await h.api.waitForCall('response_url');
    expect(shared.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(shared.body.blocks)).toContain('Invoices in NOK');
  });

  it('apologises with a reference, never a stack trace, when something breaks on our side', async () => {
    // The store goes away under the bot: the next command fails unexpectedly.
    await h.close();
    const directory = mkdtempSync(join(tmpdir(), 'cfb-slack-'));
    h = await startSlackBot({ STORE_URL: `sqlite://${join(directory, 'broken.sqlite')}` });
    await h.bot.services.backend.close();
    await h.slack.command('/requirement', 'list', { userId: 'U1', teamId: TEAM, channelId: CHANNEL });
    const reply = await h.api.waitForCall('response_url');
    expect(String(reply.body.text)).toMatch(/^Sorry, something went wrong on our side and nothing was saved\. .*reference E-[A-Z0-9]+/);
    expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(h.logs.some((line) => line.msg === 'interaction failed')).toBe(true);
  });

  it('/requirement review REQ-n opens the review form; the review is recorded', async () => {
    await h.slack.command('/requirement', 'add Invoices in NOK', { userId: 'U1', teamId: TEAM, channelId: CHANNEL });
    await h.api.waitForCall('response_url');
    await h.slack.command('/requirement', 'review REQ-1', { userId: 'U1', teamId: TEAM, channelId: CHANNEL });
    const opened = await h.api.waitForCall('views.open');
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('form:requirement.review');
    const done = await h.slack.interaction(
      h.slack.viewSubmission({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        userId: 'U1',
        teamId: TEAM,
        values: {
          outcome: { outcome: { type: 'radio_buttons', selected_option: { value: 'at_risk' } } },
          note: { note: { type: 'plain_text_input', value: 'Bank fees' } },
        },
      }),
    );
    expect(done.status).toBe(200);
    await expect.poll(async () => (await h.bot.services.core.deps.requirements.get(h.workspaceId, 'REQ-1'))?.status).toBe('at_risk');
  });

  it('starts a check with /customer-check and posts it in the channel', async () => {
    await h.slack.command('/customer-check', 'We move all EU customers to the Frankfurt data centre', {
      userId: 'U1',
      teamId: TEAM,
      channelId: CHANNEL,
    });
    const posted = await h.api.waitForCall('chat.postMessage');
    expect(posted.body.channel).toBe(CHANNEL);
    expect(JSON.stringify(posted.body.blocks)).toContain('How does this decision affect customers?');
    expect(responses()).toEqual([]);
  });
});
