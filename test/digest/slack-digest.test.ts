/**
 * The digest on Slack, end to end: the real bot (Bolt over HTTP with signed requests, the real
 * scheduler and the Slack messenger) against the fake Slack Web API. Preview and manual send,
 * the buttons (Reviewed, Still valid, Retire), and the scheduled digest with a rate limit and a
 * dead channel on the way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceType } from '../../src/core/domain/evidence.js';
import type { RecordedCall } from '../support/slack/fake-slack-api.js';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';

const MGMT = 'C0MGMT';

let h: SlackBotHarness;
beforeEach(async () => {
  h = await startSlackBot();
  // An admin (ADMIN_USERS) names the digest's channel and a manager; REQ-1 is overdue for review.
  await h.slack.command('/customer-focus', 'digest here', { userId: 'U0ADMIN', teamId: TEAM, channelId: MGMT });
  await h.slack.command('/customer-focus', 'role <@U0MGR|Mia> manager', { userId: 'U0ADMIN', teamId: TEAM, channelId: MGMT });
  await h.slack.command(
    '/requirement',
    'add Deliveries to Norway within 5 days customer:"Acme AS" owner:<@U0KIM|Kim> type:stated category:delivery',
    { userId: 'U0KIM', teamId: TEAM, channelId: 'C0PRODUCT' },
  );
  await h.api.waitForCall('response_url', (call) => JSON.stringify(call.body).includes('Recorded *REQ-1*'));
  await h.bot.services.core.deps.requirements.update(h.workspaceId, 'REQ-1', (current) => ({ ...current, nextReviewOn: '2026-01-05' }));
  h.api.clear();
});
afterEach(() => h.close());

const reply = (predicate: (text: string) => boolean) => h.api.waitForCall('response_url', (call) => predicate(JSON.stringify(call.body)));
const postsTo = (channel: string) => h.api.callsTo('chat.postMessage').filter((call) => call.body.channel === channel);

async function evidenceOf(type: EvidenceType) {
  const deps = h.bot.services.core.deps;
  const entries = await deps.evidence.listBySeq(h.workspaceId, 1, await deps.evidence.lastSeq(h.workspaceId));
  return entries.filter((entry) => entry.type === type);
}

/** The button with this label in a posted message. */
function button(call: RecordedCall | undefined, label: string): { action_id: string; value: string; confirm?: unknown } {
  const blocks = (call?.body.blocks ?? []) as {
    type: string;
    elements?: { text?: { text?: string }; action_id: string; value: string; confirm?: unknown }[];
  }[];
  const found = blocks
    .flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []))
    .find((element) => element.text?.text === label);
  if (!found) throw new Error(`no "${label}" button in ${JSON.stringify(blocks)}`);
  return found;
}

const click = (call: RecordedCall | undefined, label: string, userId: string) => {
  const { action_id: actionId, value } = button(call, label);
  return h.slack.interaction(
    h.slack.blockAction({ actionId, value, userId, teamId: TEAM, channelId: String(call?.body.channel), messageTs: '1764000000.000100' }),
  );
};

describe('preview and send', () => {
  it('a preview is shown only to the person asking, and nothing is sent or recorded', async () => {
    await h.slack.command('/customer-focus', 'digest preview', { userId: 'U0MGR', teamId: TEAM, channelId: MGMT });
    const preview = await reply((text) => text.includes('Customer focus digest'));
    expect(preview.body.response_type).toBe('ephemeral');
    const shown = JSON.stringify(preview.body.blocks);
    expect(shown).toContain('*Requirements due for review* (8.2.2)');
    expect(shown).toContain('requirement.keep:');
    expect(shown).not.toContain('digest.reviewed:');
    expect(shown).not.toContain('Share in channel');
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
    expect(await evidenceOf('digest.sent')).toEqual([]);
  });

  it('an admin sends it now to the channel and the managers; a member is told who may', async () => {
    await h.slack.command('/customer-focus', 'digest send', { userId: 'U0KIM', teamId: TEAM, channelId: MGMT });
    expect(JSON.stringify((await reply((text) => text.includes('Sorry'))).body)).toContain(
      'only admins can send the digest outside its schedule',
    );
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);

    await h.slack.command('/customer-focus', 'digest send', { userId: 'U0ADMIN', teamId: TEAM, channelId: MGMT });
    expect(JSON.stringify((await reply((text) => text.includes('Sent the digest'))).body)).toContain(
      'Sent the digest to 2 recipients, and kept it as evidence.',
    );
    expect(postsTo(MGMT)).toHaveLength(1);
    // The manager's copy goes to their user id: it lands in the app's Messages tab (chat:write only).
    expect(postsTo('U0MGR')).toHaveLength(1);
    expect(postsTo(MGMT)[0]?.body).toMatchObject({ text: expect.stringContaining('Customer focus digest') });
    expect(await evidenceOf('digest.sent')).toHaveLength(1);
  });
});

describe('the buttons', () => {
  beforeEach(async () => {
    await h.slack.command('/customer-focus', 'digest send', { userId: 'U0ADMIN', teamId: TEAM, channelId: MGMT });
    await reply((text) => text.includes('Sent the digest'));
  });

  it('Reviewed, clicked by a manager, is the management-review record; a member is refused', async () => {
    const digest = postsTo(MGMT)[0];
    await click(digest, 'Reviewed', 'U0MGR');
    expect(JSON.stringify((await reply((text) => text.includes('Recorded: you reviewed'))).body)).toContain(
      'management-review record (ISO 9001 9.3.2)',
    );
    await click(digest, 'Reviewed', 'U0KIM');
    expect(JSON.stringify((await reply((text) => text.includes('Sorry'))).body)).toContain(
      'only managers and admins can record the management review of a digest',
    );
    const [reviewed, ...more] = await evidenceOf('digest.reviewed');
    expect(more).toEqual([]);
    expect(reviewed).toMatchObject({ actorId: 'U0MGR', subject: { kind: 'digest', id: expect.stringMatching(/^manual-/) } });
  });

  it('a crafted Reviewed click on a digest never sent here is refused politely and records nothing (issue 15.5)', async () => {
    const digest = postsTo(MGMT)[0];
    const { action_id: actionId, value: sentId } = button(digest, 'Reviewed');
    // Ids of the right shape that this workspace never sent: a future week, a made-up manual id.
    for (const forged of ['2031-W01', 'manual-0000-made-up']) {
      h.api.clear();
      await h.slack.interaction(
        h.slack.blockAction({ actionId, value: forged, userId: 'U0MGR', teamId: TEAM, channelId: MGMT, messageTs: '1764000000.000100' }),
      );
      expect(JSON.stringify((await reply((text) => text.includes('no record'))).body)).toContain(
        `I have no record of sending the digest \\"${forged}\\" in this workspace, so I did not record a review of it.`,
      );
    }
    expect(await evidenceOf('digest.reviewed')).toEqual([]);
    await click(digest, 'Reviewed', 'U0MGR');
    await reply((text) => text.includes('Recorded: you reviewed'));
    expect(await evidenceOf('digest.reviewed')).toMatchObject([{ subject: { id: sentId } }]);
  });

  it('Still valid records the review as evidence', async () => {
    await click(postsTo(MGMT)[0], 'Still valid', 'U0KIM');
    expect(JSON.stringify((await reply((text) => text.includes('Your review of'))).body)).toContain(
      'Your review of *REQ-1* is recorded: it still holds as written.',
    );
    expect(await evidenceOf('requirement.reviewed')).toMatchObject([
      { actorId: 'U0KIM', subject: { id: 'REQ-1' }, data: { outcome: 'still_valid' } },
    ]);
  });

  it('Retire asks Slack to confirm first, and only roles that may retire can', async () => {
    const digest = postsTo(MGMT)[0];
    expect(button(digest, 'Retire').confirm).toMatchObject({ text: { text: expect.stringContaining('Retire REQ-1?') }, style: 'danger' });
    await click(digest, 'Retire', 'U0KIM');
    expect(JSON.stringify((await reply((text) => text.includes('Sorry'))).body)).toContain(
      'only managers and admins can retire requirements',
    );
    expect((await h.bot.services.core.deps.requirements.get(h.workspaceId, 'REQ-1'))?.status).toBe('open');
    await click(digest, 'Retire', 'U0MGR');
    await reply((text) => text.includes('so it is retired'));
    expect(await evidenceOf('requirement.retired')).toMatchObject([{ actorId: 'U0MGR', subject: { id: 'REQ-1' } }]);
  });

  it('Update opens the review form', async () => {
    await click(postsTo(MGMT)[0], 'Update', 'U0KIM');
    const opened = await h.api.waitForCall('views.open');
    expect((opened.body.view as { callback_id: string }).callback_id).toBe('form:requirement.review');
  });
});

describe('the scheduled digest through Slack', () => {
  it('goes out once; a rate-limited channel is retried on the next run, a dead one given up, both logged with the reason', async () => {
    // The workspace has existed for a week, and its digest time was two minutes ago.
    const deps = h.bot.services.core.deps;
    const now = new Date();
    const earlier = new Date(now.getTime() - 120_000);
    await deps.workspaces.update(h.workspaceId, (current) => ({
      ...current,
      createdAt: new Date(now.getTime() - 8 * 86_400_000).toISOString(),
      settings: {
        ...current.settings,
        timeZone: 'UTC',
        digestWeekday: earlier.getUTCDay() || 7,
        digestTime: earlier.toISOString().slice(11, 16),
      },
    }));
    await h.slack.command('/customer-focus', 'digest here', { userId: 'U0ADMIN', teamId: TEAM, channelId: 'C0GONE' });
    await reply((text) => text.includes('will be posted here'));
    h.api.respondWith('chat.postMessage', (call) =>
      call.body.channel === 'C0GONE'
        ? { ok: false, error: 'channel_not_found' }
        : { ok: true, channel: call.body.channel, ts: '1764000000.000200' },
    );
    h.api.failNext('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 30 });

    await h.bot.scheduler.tick();
    expect(postsTo('U0MGR').filter((call) => call.status === 200)).toHaveLength(1);
    const warnings = () => h.logs.filter((line) => line.level === 'warn');
    expect(warnings()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          recipient: `slack:conversation:${MGMT}`,
          retryable: true,
          reason: 'rate limited by Slack (retry after 30 s)',
          msg: 'weekly digest not delivered; trying again on the next run',
        }),
        expect.objectContaining({
          recipient: 'slack:conversation:C0GONE',
          retryable: false,
          reason: 'Slack answered channel_not_found',
          msg: 'weekly digest not delivered; giving up on this recipient',
        }),
      ]),
    );

    await h.bot.scheduler.tick();
    await h.bot.scheduler.tick();
    expect(postsTo(MGMT).map((call) => call.status)).toEqual([429, 200]);
    expect(postsTo('C0GONE')).toHaveLength(1);
    expect(postsTo('U0MGR')).toHaveLength(1);
    expect(await evidenceOf('digest.sent')).toMatchObject([{ actorId: 'system', data: { kind: 'scheduled' } }]);
  });
});
