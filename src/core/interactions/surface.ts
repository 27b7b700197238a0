/**
 * The platform calls the core makes while handling one interaction. Each adapter implements it
 * for one request (a Slack command, a Teams turn, a playground call) and translates each call into
 * its platform's API; the adapter decides nothing else.
 */
import type { Form } from '../forms/form.js';
import type { Message } from '../messages.js';
import type { ConfidentialDelivery, FormState, PostTarget, PostedMessage } from './interaction.js';

export interface Surface {
  /**
   * True where a private reply is seen by the person alone (Slack's ephemeral messages, the
   * playground). Read-only answers there get a "Share in channel" button; on Teams a reply is
   * already seen by the conversation.
   */
  readonly privateRepliesAreHidden: boolean;
  /**
   * Posts a new message for everyone in the conversation (in the thread when given), and says how
   * to address it later (the platform may need more than the channel to find it again).
   */
  post(target: PostTarget, message: Message): Promise<PostedMessage>;
  /** Redraws a message the bot posted earlier. */
  replace(target: PostedMessage, message: Message): Promise<void>;
  /** Answers the person who acted, as privately as the platform allows where they acted. */
  replyPrivately(message: Message): Promise<void>;
  /** Answers in the conversation where the person acted, for everyone there. */
  replyPublicly(message: Message): Promise<void>;
  /** Answers that only this person may ever see (signed links): here, their own chat, or nowhere. */
  replyConfidentially(message: Message): Promise<ConfidentialDelivery>;
  /** Shows a form to the person (again, with errors, when `state` says so). */
  openForm(form: Form, state?: FormState): Promise<void>;
}

/**
 * A platform call that did not go through. `permanent` failures (the bot was removed from the
 * channel, the conversation no longer exists) will fail again on a retry; the others may not.
 */
export class SurfaceError extends Error {
  override readonly name = 'SurfaceError';
  constructor(
    message: string,
    readonly permanent: boolean,
    /** The platform's own error code, for the log. */
    readonly code?: string,
  ) {
    super(message);
  }
}
