/**
 * Messages in channels, @mentions and the check reaction: each may lead to one prompt in the
 * message's thread. Events are acknowledged by Bolt before these run, so the work here never
 * delays Slack's 3 seconds.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackRuntime } from '../runtime.js';

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

export function registerMessageListeners(app: App, runtime: SlackRuntime): void {
  app.message(async ({ message, context, client }) => {
    const event = message as unknown as ChannelMessage;
    // Edits, deletions, thread broadcasts, joins and bot posts are not announcements.
    if (event.subtype !== undefined || event.bot_id || !event.user || !event.text) return;
    if (event.channel_type !== 'channel' && event.channel_type !== 'group') return;
    const workspaceId = await runtime.workspace(context);
    const threadId = event.thread_ts ?? event.ts;
    await runtime.ask(client, workspaceId, {
      place: { platform: 'slack', channelId: event.channel, threadId, messageId: event.ts },
      text: event.text,
      author: { id: event.user },
      postedAt: tsToDate(event.ts),
      isThreadReply: threadId !== event.ts,
      origin: 'detected',
    });
  });

  app.event('app_mention', async ({ event, context, client }) => {
    if (!event.user) return;
    const workspaceId = await runtime.workspace(context);
    const threadId = event.thread_ts ?? event.ts;
    const own = withoutMention(event.text, context.botUserId);
    const inThread = threadId !== event.ts;
    // "@bot check this" in a thread is about the thread's decision. A mention outside a thread is
    // a request only when it carries a decision ("@bot we've decided to…"), not for "@bot hi".
    if (!inThread && !runtime.core.deps.detect(own).decision) {
      runtime.logger.debug({ workspaceId, channel: event.channel }, 'mention without a decision');
      return;
    }
    const subject = inThread ? await threadRoot(client, event.channel, threadId) : { text: own, user: event.user };
    if (!subject) return;
    await runtime.ask(client, workspaceId, {
      place: { platform: 'slack', channelId: event.channel, threadId, messageId: threadId },
      text: withoutMention(subject.text, context.botUserId) || subject.text,
      author: { id: subject.user ?? event.user },
      requestedBy: { id: event.user },
      postedAt: tsToDate(threadId),
      isThreadReply: false,
      origin: 'mention',
    });
  });

  app.event('reaction_added', async ({ event, context, client }) => {
    if (event.reaction !== runtime.checkReaction || event.item.type !== 'message') return;
    const workspaceId = await runtime.workspace(context);
    const { channel, ts } = event.item;
    const { messages } = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
    // A reply is not in the channel's history; asked with a reply's ts, Slack returns its thread.
    const found =
      messages?.[0]?.ts === ts
        ? messages[0]
        : (await client.conversations.replies({ channel, ts, limit: 200, inclusive: true })).messages?.find((m) => m.ts === ts);
    if (!found?.text) return;
    const threadId = found.thread_ts ?? ts;
    await runtime.ask(client, workspaceId, {
      place: { platform: 'slack', channelId: channel, threadId, messageId: ts },
      text: found.text,
      author: { id: found.user ?? event.item_user ?? event.user },
      requestedBy: { id: event.user },
      postedAt: tsToDate(ts),
      isThreadReply: threadId !== ts,
      origin: 'reaction',
    });
  });
}
