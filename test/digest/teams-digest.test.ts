/**
 * The digest on Teams, end to end: activities posted over HTTP to the real CloudAdapter, the real
 * scheduler and Teams messenger, and the bot's posts landing on the fake Bot Framework connector.
 * The schedule set with `settings`, the recipients (the `digest here` channel and the managers'
 * personal chats), manual send, the card's buttons with their role checks, and pacing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvidenceType } from '../../src/core/domain/evidence.js';
import { textMessage } from '../../src/core/messages.js';
import { type TeamsBotHarness, startTeamsBot } from '../support/teams-bot.js';
import { ANN, BEN, BOT, CHANNEL, channelMessage, cardSubmit, mention, personalMessage } from '../support/teams/activities.js';
import { buttonsOf, cardOf, textOf } from '../support/teams/card-text.js';
import { type ConnectorCall, personalChatId } from '../support/teams/fake-connector.js';

const MIA = { id: '29:mia', name: 'Mia Manager', aadObjectId: 'aad-mia' };
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

let h: TeamsBotHarness;
beforeEach(async () => {
  h = await startTeamsBot();
  // Ann (ADMIN_USERS) names the digest's channel and makes Mia a manager; Mia has a personal chat
  // with the bot; Ben's requirement REQ-1 is overdue for review.
  await inChannel(ANN, 'digest here');
  const mia = mention(MIA);
  await h.send({
    ...personalMessage({
      serviceUrl: h.connector.url,
      from: ANN,
      text: `role ${mia.text} manager`,
      conversationId: personalChatId(ANN.id),
    }),
    entities: [mia.entity],
  });
  await h.send(personalMessage({ serviceUrl: h.connector.url, from: MIA, text: 'help', conversationId: personalChatId(MIA.id) }));
  const core = h.bot.services.core;
  expect((await core.deps.roles.get(h.workspaceId, MIA.id))?.role).toBe('manager');
  expect(
    (
      await core.addRequirement(
        { id: BEN.id, workspaceId: h.workspaceId },
        { statement: 'Deliveries to Norway within 5 days', customer: 'Acme AS' },
      )
    ).ok,
  ).toBe(true);
  await core.deps.requirements.update(h.workspaceId, 'REQ-1', (current) => ({ ...current, nextReviewOn: '2026-01-05' }));
  h.connector.clear();
});
afterEach(async () => {
  vi.useRealTimers();
  await h.close();
});

async function inChannel(from: { id: string; name: string; aadObjectId?: string }, command: string): Promise<void> {
  const bot = mention(BOT);
  expect(
    (await h.send(channelMessage({ serviceUrl: h.connector.url, from, text: `${bot.text} ${command}`, mentions: [bot] }))).status,
  ).toBe(200);
}

const posts = () => h.connector.delivered().filter((call) => call.kind === 'reply' || call.kind === 'send');
const postsIn = (conversationId: string): ConnectorCall[] => posts().filter((call) => call.conversationId.startsWith(conversationId));
/** Digests posted to the conversation itself (a channel's digest starts a new post, not a reply in a thread). */
const digestsIn = (conversationId: string) =>
  posts().filter((call) => call.conversationId === conversationId && textOf(call).startsWith('Customer focus digest'));
const lastPost = () => posts().at(-1) as ConnectorCall;

async function evidenceOf(type: EvidenceType) {
  const deps = h.bot.services.core.deps;
  const entries = await deps.evidence.listBySeq(h.workspaceId, 1, await deps.evidence.lastSeq(h.workspaceId));
  return entries.filter((entry) => entry.type === type);
}

/** Clicks a button of the digest card in the channel, as `from`. */
async function click(card: ConnectorCall, title: string, from: { id: string; name: string; aadObjectId?: string }): Promise<string> {
  const button = buttonsOf(card).find((candidate) => candidate.title === title);
  if (!button) throw new Error(`no "${title}" button on the digest card`);
  const before = posts().length;
  await h.send(
    cardSubmit({
      serviceUrl: h.connector.url,
      from,
      conversationId: `${CHANNEL};messageid=${card.createdId}`,
      replyToId: String(card.createdId),
      value: button.data,
    }),
  );
  expect(posts().length).toBeGreaterThan(before);
  return textOf(lastPost());
}

describe('the digest on Teams', () => {
  it("an admin sends it to the digest channel and the managers' personal chats; a member is told who may", async () => {
    await inChannel(BEN, 'digest send');
    expect(textOf(lastPost())).toContain('only admins can send the digest outside its schedule');
    expect(digestsIn(CHANNEL)).toEqual([]);

    await inChannel(ANN, 'digest send');
    expect(textOf(lastPost())).toContain('Sent the digest to 2 recipients, and kept it as evidence.');
    expect(digestsIn(CHANNEL)).toHaveLength(1);
    expect(digestsIn(personalChatId(MIA.id))).toHaveLength(1);
    expect(await evidenceOf('digest.sent')).toMatchObject([
      {
        actorId: ANN.id,
        data: {
          kind: 'manual',
          recipients: [
            { platform: 'teams', kind: 'conversation', id: CHANNEL },
            { platform: 'teams', kind: 'person', id: MIA.id },
          ],
        },
      },
    ]);
  });

  it('its buttons record the management review and the requirement review, each only for the roles that may', async () => {
    await inChannel(ANN, 'digest send');
    const [card] = digestsIn(CHANNEL);
    if (!card) throw new Error('no digest in the channel');

    expect(await click(card, 'Reviewed', BEN)).toContain('only managers and admins can record the management review of a digest');
    expect(await click(card, 'Reviewed', MIA)).toContain('management-review record (ISO 9001 9.3.2)');
    expect(await evidenceOf('digest.reviewed')).toMatchObject([
      { actorId: MIA.id, subject: { kind: 'digest', id: expect.stringMatching(/^manual-/) } },
    ]);

    expect(await click(card, 'Still valid', BEN)).toContain('it still holds as written');
    expect(await evidenceOf('requirement.reviewed')).toMatchObject([
      { actorId: BEN.id, subject: { id: 'REQ-1' }, data: { outcome: 'still_valid' } },
    ]);

    // Retire asks first: the button opens the question, and only its "Yes, retire" acts.
    expect(JSON.stringify(cardOf(card))).toContain('"type":"Action.ShowCard","title":"Retire"');
    expect(JSON.stringify(cardOf(card))).toContain('A retired requirement can no longer be changed or reviewed.');
    expect(await click(card, 'Yes, retire', BEN)).toContain('only managers and admins can retire requirements');
    expect((await h.bot.services.core.deps.requirements.get(h.workspaceId, 'REQ-1'))?.status).toBe('open');
    await click(card, 'Yes, retire', MIA);
    expect(await evidenceOf('requirement.retired')).toMatchObject([{ actorId: MIA.id, subject: { id: 'REQ-1' } }]);
  });

  it('goes out on the schedule set with "settings", once a week, to the channel and each manager', async () => {
    // The digest time, set in Teams, was two minutes ago; the workspace has existed for a week.
    const earlier = new Date(Date.now() - 120_000);
    await h.send(
      personalMessage({
        serviceUrl: h.connector.url,
        from: ANN,
        text: `settings digest:"${WEEKDAYS[earlier.getUTCDay()]} ${earlier.toISOString().slice(11, 16)}" timezone:UTC`,
        conversationId: personalChatId(ANN.id),
      }),
    );
    const deps = h.bot.services.core.deps;
    expect((await deps.workspaces.get(h.workspaceId))?.settings).toMatchObject({
      timeZone: 'UTC',
      digestWeekday: earlier.getUTCDay() || 7,
      digestTime: earlier.toISOString().slice(11, 16),
    });
    await deps.workspaces.update(h.workspaceId, (current) => ({
      ...current,
      createdAt: new Date(Date.now() - 8 * 86_400_000).toISOString(),
    }));

    // The ticker may be mid-pass (joined by tick()) with the workspace as it was: a second pass sees the change.
    await h.bot.scheduler.tick();
    await h.bot.scheduler.tick();
    await h.bot.scheduler.tick();
    expect(digestsIn(CHANNEL)).toHaveLength(1);
    expect(digestsIn(personalChatId(MIA.id))).toHaveLength(1);
    expect(buttonsOf(digestsIn(CHANNEL)[0] as ConnectorCall).map((button) => button.title)).toContain('Reviewed');
    expect(await evidenceOf('digest.sent')).toMatchObject([{ actorId: 'system', data: { kind: 'scheduled' } }]);
  });

  it('paces posts to one conversation about a second apart', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const messenger = h.bot.services.messengers.for('teams');
    const channel = { kind: 'conversation', conversationId: CHANNEL } as const;
    const first = messenger?.send(h.workspaceId, channel, textMessage('First post'));
    const second = messenger?.send(h.workspaceId, channel, textMessage('Second post'));
    expect(await first).toMatchObject({ ok: true });
    await vi.advanceTimersByTimeAsync(990);
    expect(postsIn(CHANNEL).map(textOf)).toEqual(['First post']);
    await vi.advanceTimersByTimeAsync(10);
    expect(await second).toMatchObject({ ok: true });
    expect(postsIn(CHANNEL).map(textOf)).toEqual(['First post', 'Second post']);
  });
});
