/**
 * Every message to or near the bot, decoded for the core:
 * - a card submit (`value` set) is a form submit or a button;
 * - in a personal chat, and in channels and group chats when the bot is @mentioned, the text is a
 *   command; what is not a command gets help (or, with an @mention, a check if it is a decision);
 * - in channels and group chats without a mention (resource-specific consent lets the bot read
 *   them), the text is only looked at for a decision. Commands there need the @mention, so an
 *   everyday "check the logs" is never taken as a command.
 */
import type { TurnContext } from 'botbuilder';
import type { SeenMessage } from '../../../core/index.js';
import { decodeCardAction } from '../action-codec.js';
import { formSubmitFrom } from '../card-forms.js';
import type { TeamsRuntime } from '../runtime.js';
import { type TeamsWhere, mentionsBot, plainText } from '../teams-activity.js';

/** "@bot check this" in a thread: about the thread's decision, which Teams does not send along. */
const CHECK_THIS = /^check(?:\s+(?:this|that|it|this decision|here))?\s*[.!?]?$/i;

export async function handleMessage(runtime: TeamsRuntime, context: TurnContext, where: TeamsWhere): Promise<void> {
  const activity = context.activity;
  const from = activity.from;
  if (!from?.id) return;
  const place = {
    platform: 'teams' as const,
    channelId: where.channelId,
    threadId: where.threadId,
    ...(where.channelName ? { channelName: where.channelName } : {}),
  };
  if (activity.value !== undefined && activity.value !== null) {
    const submit = formSubmitFrom(activity.value);
    if (submit) {
      await runtime.handle(context, where, {
        kind: 'form.submit',
        form: { kind: submit.kind, context: submit.context },
        values: submit.values,
        place,
      });
      return;
    }
    // Anyone can forge `value`: only what our own cards carry is decoded.
    const action = decodeCardAction(activity.value);
    await runtime.handle(context, where, action ? { kind: 'button', action, place } : { kind: 'button.unreadable' });
    return;
  }
  const text = plainText(activity);
  const postedAt = activity.timestamp ? new Date(activity.timestamp) : new Date();
  const person = { id: from.id, ...(from.name ? { name: from.name } : {}) };
  const seen = (origin: 'detected' | 'mention'): SeenMessage => ({
    place: { ...place, messageId: activity.id ?? where.threadId },
    text,
    author: person,
    postedAt: Number.isNaN(postedAt.getTime()) ? new Date() : postedAt,
    isThreadReply: where.threadId !== activity.id,
    origin,
    ...(origin === 'mention' ? { requestedBy: person } : {}),
  });

  if (where.kind !== 'personal' && !mentionsBot(activity)) {
    if (text) await runtime.handle(context, where, { kind: 'message', seen: seen('detected') });
    return;
  }
  if (where.kind === 'channel' && where.threadId !== activity.id && CHECK_THIS.test(text)) {
    // Only the thread's first message says what was decided; a reply cannot fetch it without
    // Graph permissions we do not ask for.
    await runtime.handle(context, where, { kind: 'thread.check', place });
    return;
  }
  await runtime.handle(context, where, {
    kind: 'command',
    line: text,
    place,
    orDecision: where.kind === 'personal' ? 'help' : seen('mention'),
  });
}
