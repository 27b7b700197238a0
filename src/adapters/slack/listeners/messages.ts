/**
 * Messages in channels, @mentions and the check reaction: each is handed to the core as a message
 * seen, which may lead to one prompt in the message's thread. Events are acknowledged by Bolt
 * before these run, so the work here never delays Slack's 3 seconds.
 */
import type { WebClient } from '@slack/web-api';
import type { SeenMessage } from '../../../core/index.js';
import type { SlackRuntime } from '../runtime.js';
import type { SlackTeamContext } from '../slack-context.js';
import { decodeSlackText } from '../slack-text.js';
import type { EventHandlers } from './events.js';

interface ChannelMessage {
  ts: string;
  text?: string;
  user?: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  channel: string;
  channel_type?: string;
}

const tsToDate = (ts: string) => new Date(Number(ts) * 1000);

/** Mentions of the bot are how people address it, not part of the decision. */
const withoutMention = (text: string, botUserId: string | undefined) => (botUserId ? text.replaceAll(`<@${botUserId}>`, '') : text).trim();

/** The thread's first message, which is what a decision thread is about. */
async function threadRoot(client: WebClient, channel: string, threadTs: string): Promise<{ text: string; user?: string } | undefined> {
  const { messages } = await client.conversations.replies({ channel, ts: threadTs, limit: 1, inclusive: true });
  const root = messages?.[0];
  return root?.text ? { text: root.text, ...(root.user ? { user: root.user } : {}) } : undefined;
}

/** Hands a message to the core; answers to a person who asked go to them in that channel. */
function seen(
  runtime: SlackRuntime,
  context: SlackTeamContext,
  client: WebClient,
  person: string,
  message: SeenMessage,
  onlyIfDecision = false,
): ReturnType<SlackRuntime['handle']> {
  return runtime.handle(
    context,
    { id: person },
    { kind: 'message', seen: message, onlyIfDecision },
    {
      client,
      channelId: message.place.channelId,
      threadId: message.place.threadId,
    },
  );
}

export const messageEventHandlers = (runtime: SlackRuntime): EventHandlers => ({
  message: async ({ message, context, client }) => {
    const event = message as unknown as ChannelMessage;
    // Edits, deletions, thread broadcasts, joins and bot posts are not announcements.
    if (event.subtype !== undefined || event.bot_id || !event.user || !event.text) return;
    if (event.channel_type !== 'channel' && event.channel_type !== 'group') return;
    const threadId = event.thread_ts ?? event.ts;
    await seen(runtime, context, client, event.user, {
      place: { platform: 'slack', channelId: event.channel, threadId, messageId: event.ts },
      text: decodeSlackText(event.text),
      author: { id: event.user },
      postedAt: tsToDate(event.ts),
      isThreadReply: threadId !== event.ts,
      origin: 'detected',
    });
  },

  app_mention: async ({ event, context, client }) => {
    if (!event.user) return;
    const threadId = event.thread_ts ?? event.ts;
    const inThread = threadId !== event.ts;
    // "@bot check this" in a thread is about the thread's decision. A mention outside a thread is
    // a request only when it carries a decision ("@bot we've decided to…"), not for "@bot hi".
    const subject = inThread
      ? await threadRoot(client, event.channel, threadId)
      : { text: withoutMention(event.text, context.botUserId), user: event.user };
    if (!subject) return;
    await seen(
      runtime,
      context,
      client,
      event.user,
      {
        place: { platform: 'slack', channelId: event.channel, threadId, messageId: threadId },
        text: decodeSlackText(withoutMention(subject.text, context.botUserId) || subject.text),
        author: { id: subject.user ?? event.user },
        requestedBy: { id: event.user },
        postedAt: tsToDate(threadId),
        isThreadReply: false,
        origin: 'mention',
      },
      !inThread,
    );
  },

  reaction_added: async ({ event, context, client }) => {
    if (event.reaction !== runtime.checkReaction || event.item.type !== 'message') return;
    const { channel, ts } = event.item;
    const { messages } = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
    // A reply is not in the channel's history; asked with a reply's ts, Slack returns its thread.
    const found =
      messages?.[0]?.ts === ts
        ? messages[0]
        : (await client.conversations.replies({ channel, ts, limit: 200, inclusive: true })).messages?.find((m) => m.ts === ts);
    if (!found?.text) return;
    const threadId = found.thread_ts ?? ts;
    await seen(runtime, context, client, event.user, {
      place: { platform: 'slack', channelId: channel, threadId, messageId: ts },
      text: decodeSlackText(found.text),
      author: { id: found.user ?? event.item_user ?? event.user },
      requestedBy: { id: event.user },
      postedAt: tsToDate(ts),
      isThreadReply: threadId !== ts,
      origin: 'reaction',
    });
  },
});
