/**
 * Teams has no ephemeral messages: a signed link (dashboard, audit pack) or the digest preview
 * asked for in a channel goes to the person's personal chat, and the channel hears only where it
 * went. Driven through the real CloudAdapter; the fake connector opens personal chats.
 */
import { textMessage } from '../../src/core/messages.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TeamsBotHarness, startTeamsBot } from '../support/teams-bot.js';
import { ANN, BEN, BOT, CHANNEL, channelMessage, mention, personalMessage } from '../support/teams/activities.js';
import { textOf } from '../support/teams/card-text.js';
import { CREATE_CONVERSATION, type ConnectorCall, personalChatId } from '../support/teams/fake-connector.js';

let h: TeamsBotHarness;
beforeEach(async () => {
  h = await startTeamsBot({ PUBLIC_URL: 'https://bot.example.com', LINK_SECRET: 'a-test-link-secret-of-at-least-32-characters' });
});
afterEach(async () => {
  await h.close();
});

const posts = () => h.connector.delivered().filter((call) => call.kind === 'reply' || call.kind === 'send');
const postsIn = (conversationId: string): ConnectorCall[] => posts().filter((call) => call.conversationId.startsWith(conversationId));

async function inChannel(from: typeof ANN, command: string): Promise<void> {
  const bot = mention(BOT);
  expect(
    (await h.send(channelMessage({ serviceUrl: h.connector.url, from, text: `${bot.text} ${command}`, mentions: [bot] }))).status,
  ).toBe(200);
}

describe('answers for one person in Teams', () => {
  it('sends the dashboard link to the personal chat, and only says so in the channel', async () => {
    await inChannel(ANN, 'dashboard');

    const privately = postsIn(personalChatId(ANN.id));
    expect(privately).toHaveLength(1);
    expect(textOf(privately[0] as ConnectorCall)).toContain('https://bot.example.com/dashboard/');
    const channel = postsIn(CHANNEL);
    expect(channel.map(textOf)).toEqual([expect.stringContaining('in our personal chat')]);
    expect(JSON.stringify(channel)).not.toContain('/dashboard/');

    // The personal chat is remembered: the digest and reminders can reach this person later.
    const later = await h.bot.services.messengers
      .for('teams')
      ?.send(h.workspaceId, { kind: 'person', userId: ANN.id }, textMessage('Weekly digest'));
    expect(later).toMatchObject({ ok: true });
    expect(postsIn(personalChatId(ANN.id)).map(textOf).at(-1)).toContain('Weekly digest');
  });

  it('sends the digest preview privately too', async () => {
    await inChannel(ANN, 'digest preview');
    expect(postsIn(personalChatId(ANN.id)).map(textOf)).toEqual([expect.stringContaining('Customer focus digest')]);
    expect(postsIn(CHANNEL).map(textOf)).toEqual([expect.stringContaining('in our personal chat')]);
  });

  it('answers in the personal chat itself when asked there', async () => {
    await h.send(personalMessage({ serviceUrl: h.connector.url, from: ANN, text: 'dashboard' }));
    expect(h.connector.calls.filter((call) => call.kind === 'create')).toEqual([]);
    expect(posts().map(textOf)).toEqual([expect.stringContaining('https://bot.example.com/dashboard/')]);
  });

  it('posts nothing confidential when Teams will not open a personal chat, and says what to do', async () => {
    h.connector.fail(CREATE_CONVERSATION, { status: 403, code: 'Forbidden' });
    await inChannel(ANN, 'dashboard');
    expect(posts().map(textOf)).toEqual([expect.stringContaining('Open a chat with me')]);
    expect(JSON.stringify(h.connector.calls)).not.toContain('/dashboard/');
  });

  it('keeps refusals in the channel: a member asking for the audit pack is told who may', async () => {
    await inChannel(BEN, 'export last quarter');
    expect(h.connector.calls.filter((call) => call.kind === 'create')).toEqual([]);
    expect(postsIn(CHANNEL).map(textOf)).toEqual([expect.stringMatching(/admin|auditor/i)]);
  });
});
