/**
 * Customer knowledge and responsibilities on Slack, end to end: signed requests to the real Bolt
 * receiver, the real Web API client against the fake Slack API; the slash command, the modal form
 * and the *Save customer knowledge* message shortcut.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';

const CHANNEL = 'C0PRODUCT';
const nowTs = () => `${Math.floor(Date.now() / 1000)}.000400`;

describe('customer knowledge on Slack', () => {
  let h: SlackBotHarness;
  beforeEach(async () => {
    h = await startSlackBot();
  });
  afterEach(() => h.close());

  const run = async (command: string, text: string, userId = 'U1') => {
    h.api.clear();
    await h.slack.command(command, text, { userId, teamId: TEAM, channelId: CHANNEL });
  };
  const reply = async () => JSON.stringify((await h.api.waitForCall('response_url')).body);
  const deps = () => h.bot.services.core.deps;

  it('/customer-knowledge add records a source, and show traces it to the requirements it informed', async () => {
    await run('/requirement', 'add Seats clean in five minutes');
    await reply();
    await run('/customer-knowledge', 'add "Q3 end-user survey" kind:end-user-survey link:https://example.com/q3 req:REQ-1 horizon:future');
    const recorded = await reply();
    expect(recorded).toContain('ephemeral');
    expect(recorded).toContain('Recorded *K-1* (end-user survey)');
    expect(await deps().knowledge.get(h.workspaceId, 'K-1')).toMatchObject({
      horizon: 'future',
      requirementIds: ['REQ-1'],
      owner: { id: 'U1' },
    });
    await run('/customer-knowledge', 'show K-1');
    expect(await reply()).toContain('REQ-1');
    await run('/requirement', 'show REQ-1');
    const requirement = await reply();
    expect(requirement).toContain('*Sources* (1)');
    expect(requirement).toContain('K-1');
  });

  it('refuses a link that is not a web link, saying what to do, and writes nothing', async () => {
    await run('/customer-knowledge', 'add "Survey" kind:end-user-survey link:javascript:alert(1)');
    expect(await reply()).toContain('is not a web link. Give a full address starting with https://');
    expect(await deps().knowledge.list(h.workspaceId)).toEqual([]);
    expect(await deps().evidence.lastSeq(h.workspaceId)).toBe(0);
  });

  it('opens the form for /customer-knowledge add; a refusal shows next to its field; a valid form is recorded', async () => {
    await run('/customer-knowledge', 'add');
    const opened = await h.api.waitForCall('views.open');
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('form:knowledge.record');
    const values = (kind: string, link: string) => ({
      title: { title: { type: 'plain_text_input', value: 'Trade press on car seats' } },
      kind: { kind: { type: 'static_select', selected_option: { value: kind } } },
      link: { link: { type: 'plain_text_input', value: link } },
    });
    const refused = await h.slack.interaction(
      h.slack.viewSubmission({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        userId: 'U1',
        teamId: TEAM,
        values: values('trade-press', 'ftp://x'),
      }),
    );
    expect(await refused.json()).toMatchObject({
      response_action: 'errors',
      errors: { link: expect.stringContaining('is not a web link') },
    });
    expect(await deps().knowledge.list(h.workspaceId)).toEqual([]);
    await h.slack.interaction(
      h.slack.viewSubmission({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        userId: 'U1',
        teamId: TEAM,
        values: values('trade-press', 'https://example.com/press'),
      }),
    );
    const confirmed = await h.api.waitForCall('chat.postEphemeral');
    expect(JSON.stringify(confirmed.body)).toContain('Recorded *K-1* (trade press)');
  });

  it('the message shortcut opens the form prefilled with the link in the message', async () => {
    await h.slack.interaction(
      h.slack.messageShortcut({
        callbackId: 'record_knowledge',
        userId: 'U2',
        channelId: CHANNEL,
        message: { user: 'U1', ts: nowTs(), text: 'The new <https://example.com/brief.pdf|design brief> is out' },
      }),
    );
    const opened = await h.api.waitForCall('views.open');
    const view = JSON.stringify(opened.body.view);
    expect(view).toContain('form:knowledge.record');
    expect(view).toContain('https://example.com/brief.pdf');
    expect(view).toContain('design brief');
  });

  it('/customer-focus responsible: admins name people, members are refused, plain names are refused', async () => {
    h.api.setUser('U7', { is_admin: true });
    await run('/customer-focus', 'responsible category:delivery <@U3|dana>', 'U1');
    expect(await reply()).toContain('only admins can name who determines customer requirements');
    await run('/customer-focus', 'responsible category:delivery dana', 'U7');
    expect(await reply()).toContain('is not a person I can find in this workspace');
    expect(await deps().responsibilities.list(h.workspaceId)).toEqual([]);
    await run('/customer-focus', 'responsible category:delivery <@U3|dana>', 'U7');
    expect(await reply()).toContain('now determines customer requirements for delivery');
    await run('/customer-focus', 'responsible', 'U1');
    const list = await reply();
    expect(list).toContain('delivery: <@U3>');
    expect(list).toContain('price: *nobody named*');
  });
});
