/**
 * Everything the Teams adapter posts is an Adaptive Card rendered from the core's neutral
 * message, with the plain text as the notification summary. Every send is awaited inside its turn.
 */
import { type Activity, CardFactory, type TurnContext } from 'botbuilder';
import type { Form } from '../../core/forms/form.js';
import type { FieldError, FormValues } from '../../core/forms/form.js';
import { type Message, textMessage } from '../../core/messages.js';
import { type AdaptiveCard, toTeamsMessage } from './adaptive-cards.js';
import { toFormCard } from './card-forms.js';

export function cardActivity(card: AdaptiveCard, summary: string): Partial<Activity> {
  return { type: 'message', summary, attachments: [CardFactory.adaptiveCard(card)] };
}

export function messageActivity(message: Message): Partial<Activity> {
  const { text, card } = toTeamsMessage(message);
  return cardActivity(card, text);
}

export function formActivity(
  form: Form,
  context: Readonly<Record<string, string>> = {},
  options: { errors?: readonly FieldError[]; values?: FormValues } = {},
): Partial<Activity> {
  return cardActivity(toFormCard(form, context, options), form.title);
}

/** Replies in the conversation of the turn (in a channel thread, into that thread). Returns the new activity's id. */
export async function reply(context: TurnContext, activity: Partial<Activity>): Promise<string | undefined> {
  const sent = await context.sendActivity(activity);
  return sent?.id;
}

export const replyWith = (context: TurnContext, message: Message) => reply(context, messageActivity(message));
export const replyText = (context: TurnContext, text: string) => replyWith(context, textMessage(text));

/** Replaces a message the bot posted earlier in this conversation. */
export async function replace(
  context: TurnContext,
  activityId: string,
  activity: Partial<Activity>,
  conversationId?: string,
): Promise<void> {
  await context.updateActivity({
    ...activity,
    id: activityId,
    conversation: { ...context.activity.conversation, ...(conversationId ? { id: conversationId } : {}) },
  });
}
