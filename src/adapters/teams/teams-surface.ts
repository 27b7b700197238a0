/**
 * The core's Surface for one Teams turn. Teams has no ephemeral messages: a private reply is a
 * reply in the conversation (a form card that was submitted becomes the reply, so nobody submits
 * it twice), and an answer for one person alone goes to their personal chat with the bot.
 */
import type { TurnContext } from 'botbuilder';
import type { Form } from '../../core/forms/form.js';
import {
  type ConfidentialDelivery,
  type FormState,
  type PostTarget,
  type PostedMessage,
  type Surface,
  SurfaceError,
} from '../../core/index.js';
import type { Message } from '../../core/messages.js';
import { describeConnectorError } from './messenger-errors.js';
import type { PrivateChat } from './private-chat.js';
import { formActivity, messageActivity, replace, reply } from './replies.js';
import type { TeamsWhere } from './teams-activity.js';

/** Statuses after which sending to the conversation again would fail the same way. */
const PERMANENT = new Set([400, 403, 404]);

function surfaceError(error: unknown, what: string): SurfaceError {
  const { statusCode, code } = describeConnectorError(error);
  return new SurfaceError(
    `Teams refused to ${what}${statusCode ? ` (${statusCode})` : ''}`,
    statusCode !== undefined && PERMANENT.has(statusCode),
    code ?? (statusCode ? String(statusCode) : undefined),
  );
}

export function teamsSurface(
  context: TurnContext,
  where: TeamsWhere,
  privateChat: PrivateChat,
  options: { formSubmit?: boolean } = {},
): Surface {
  // A submitted form card is answered in place (its id is the activity the submit replies to);
  // a button on any other card leaves that card as it is.
  const submittedCard = options.formSubmit ? context.activity.replyToId : undefined;
  let cardAnswered = false;

  const answer = async (activity: Parameters<typeof reply>[1]): Promise<void> => {
    try {
      if (submittedCard && !cardAnswered) {
        cardAnswered = true;
        await replace(context, submittedCard, activity);
        return;
      }
      await reply(context, activity);
    } catch (error) {
      throw surfaceError(error, 'take the reply');
    }
  };

  return {
    privateRepliesAreHidden: false,
    async post(_target: PostTarget, message: Message): Promise<PostedMessage> {
      // Prompts and checks go into the conversation of the turn: in a channel, the thread.
      let id: string | undefined;
      try {
        id = await reply(context, messageActivity(message));
      } catch (error) {
        throw surfaceError(error, 'post a message');
      }
      if (!id) throw new SurfaceError('Teams did not say which message it posted', false);
      return { channelId: where.conversationId, messageId: id };
    },
    async replace(target: PostedMessage, message: Message): Promise<void> {
      try {
        await replace(context, target.messageId, messageActivity(message), target.channelId);
      } catch (error) {
        throw surfaceError(error, 'update a message');
      }
    },
    replyPrivately: (message: Message) => answer(messageActivity(message)),
    replyPublicly: (message: Message) => answer(messageActivity(message)),
    async replyConfidentially(message: Message): Promise<ConfidentialDelivery> {
      if (where.kind === 'personal') {
        await answer(messageActivity(message));
        return 'here';
      }
      return (await privateChat.send(context, where, messageActivity(message))) ? 'elsewhere' : 'unreachable';
    },
    async openForm(form: Form, state?: FormState): Promise<void> {
      const card = formActivity(
        form,
        {},
        { ...(state?.values ? { values: state.values } : {}), ...(state?.errors ? { errors: state.errors } : {}) },
      );
      // Errors are shown on the card that was submitted; a new form is a new card.
      if (state?.errors) return answer(card);
      try {
        await reply(context, card);
      } catch (error) {
        throw surfaceError(error, 'show a form');
      }
    },
  };
}
