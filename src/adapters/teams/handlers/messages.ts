/**
 * Every message to or near the bot:
 * - a card submit (`value` set) goes to the card handlers;
 * - in a personal chat, and in channels and group chats when the bot is @mentioned, the text is a
 *   command; what is not a command gets help (or, with an @mention, a check if it is a decision);
 * - in channels and group chats without a mention (resource-specific consent lets the bot read
 *   them), the text is only looked at for a decision. Commands there need the @mention, so an
 *   everyday "check the logs" is never taken as a command.
 */
import type { TurnContext } from 'botbuilder';
import { type SeenMessage, threadCheckId } from '../../../core/use-cases/prompts.js';
import { replyText } from '../replies.js';
import type { TeamsRuntime } from '../runtime.js';
import { type TeamsWhere, mentionsBot, plainText } from '../teams-activity.js';
import { handleCardSubmit } from './card-submits.js';
import { runTeamsCommand, showOutcome } from './commands.js';
import { askAbout } from './decisions.js';

/** "@bot check this" in a thread: about the thread's decision, which Teams does not send along. */
const CHECK_THIS = /^check(?:\s+(?:this|that|it|this decision|here))?\s*[.!?]?$/i;

const HELP_HINT = "I didn't understand that. Type `help` to see what I can do, or `check <the decision>` to ask about a decision.";

export async function handleMessage(runtime: TeamsRuntime, context: TurnContext, where: TeamsWhere): Promise<void> {
  const activity = context.activity;
  const from = activity.from;
  if (!from?.id) return;
  const actor = await runtime.actor(where, from);
  if (activity.value !== undefined && activity.value !== null) {
    await handleCardSubmit(runtime, context, actor, where, activity.value);
    return;
  }
  const text = plainText(activity);
  const addressed = where.kind === 'personal' || mentionsBot(activity);
  const postedAt = activity.timestamp ? new Date(activity.timestamp) : new Date();
  const seen = (origin: 'detected' | 'mention'): SeenMessage => ({
    place: {
      platform: 'teams',
      channelId: where.channelId,
      threadId: where.threadId,
      messageId: activity.id ?? where.threadId,
      ...(where.channelName ? { channelName: where.channelName } : {}),
    },
    text,
    author: { id: from.id, ...(from.name ? { name: from.name } : {}) },
    postedAt: Number.isNaN(postedAt.getTime()) ? new Date() : postedAt,
    isThreadReply: where.threadId !== activity.id,
    origin,
    ...(origin === 'mention' ? { requestedBy: { id: from.id, ...(from.name ? { name: from.name } : {}) } } : {}),
  });

  if (!addressed) {
    if (text) await askAbout(runtime, context, where, seen('detected'));
    return;
  }
  const inThread = where.kind === 'channel' && where.threadId !== activity.id;
  if (inThread && CHECK_THIS.test(text)) {
    // Only the thread's first message says what was decided; a reply cannot fetch it without
    // Graph permissions we do not ask for. If the bot read the thread's start, it has asked already.
    const asked = await runtime.core.getCheck(
      actor,
      threadCheckId({ platform: 'teams', channelId: where.channelId, threadId: where.threadId }),
    );
    await replyText(
      context,
      asked.ok
        ? "I have already asked about this thread's decision: answer on the card in this thread."
        : 'Say what was decided, e.g. `check We move support hours to 9-17`, and I will ask about it here.',
    );
    return;
  }
  const result = await runTeamsCommand(runtime, actor, where, text);
  if (!result.ok && result.error.code === 'command.unknown') {
    // "@bot we've decided to …" in a channel asks about that decision; anything else gets help.
    if (where.kind !== 'personal' && runtime.core.deps.detect(text).decision) {
      if ((await askAbout(runtime, context, where, seen('mention'))) === 'asked') return;
      await replyText(context, 'I have already asked about this decision in its thread.');
      return;
    }
    await replyText(context, HELP_HINT);
    return;
  }
  await showOutcome(runtime, context, actor, where, result);
}
