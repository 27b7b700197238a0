/**
 * What reaches the core from any chat surface (Slack, Teams, the playground), in the core's own
 * terms. Adapters decode platform payloads into an Interaction and implement a Surface for the
 * platform calls the core asks for; everything in between is decided once, here in the core.
 */
import type { FormRequest } from '../commands/execute.js';
import type { ConversationPlace } from '../domain/decision-check.js';
import type { FormKind, FormValues } from '../forms/form.js';
import type { CoreAction } from '../messages.js';
import type { SeenMessage } from '../use-cases/prompts.js';

/** Where in a conversation something happened; `threadId` is the thread's root when in one. */
export type Place = ConversationPlace;

export type Interaction =
  /** A command line: a slash command, a command typed to the bot, a playground `/…` line. */
  | {
      readonly kind: 'command';
      readonly line: string;
      readonly place?: Place;
      /**
       * Text addressed to the bot that may be no command at all (Teams: "@bot we've decided to …"):
       * when it is not a command, ask about it if it reads as a decision, otherwise give help.
       */
      readonly orDecision?: SeenMessage | 'help';
    }
  /** A button in one of our messages. `place` is where that message is. */
  | { readonly kind: 'button'; readonly action: CoreAction; readonly place?: Place }
  /** A button payload no message of ours carries (an old message, or a forged payload). */
  | { readonly kind: 'button.unreadable' }
  /** A shortcut or link that opens a form, possibly prefilled from a message. */
  | { readonly kind: 'form.open'; readonly request: FormRequest; readonly place?: Place }
  /** A submitted form: its kind and context as we sent them, and the values typed. */
  | {
      readonly kind: 'form.submit';
      readonly form: { readonly kind: FormKind; readonly context: Readonly<Record<string, string>> };
      readonly values: FormValues;
      readonly place?: Place;
    }
  /**
   * A message seen in a conversation, or an explicit request to check one (mention, reaction,
   * shortcut). `onlyIfDecision` asks about an explicit request only when it reads as a decision
   * (a mention outside a thread: "@bot hi" is not a request to check anything).
   */
  | { readonly kind: 'message'; readonly seen: SeenMessage; readonly onlyIfDecision?: boolean }
  /** "@bot check this" in a thread whose first message the platform does not send along. */
  | { readonly kind: 'thread.check'; readonly place: Place & { readonly threadId: string } }
  /** The bot was added to a conversation: a team or channel, a group chat, or a personal chat. */
  | { readonly kind: 'installed'; readonly scope: InstallScope; readonly place: Place };

/** Only a team install may make the installer the first admin (see use-cases/first-admin.ts). */
export type InstallScope = 'team' | 'channel' | 'groupChat' | 'personal';

/** Where a new message goes: a conversation, and the thread in it when there is one. */
export interface PostTarget {
  readonly channelId: string;
  readonly threadId?: string;
}

/** A message the bot posted earlier, to be redrawn in place. */
export interface PostedMessage {
  readonly channelId: string;
  readonly messageId: string;
}

/** A form shown again with what was typed and what is wrong with it. */
export interface FormState {
  readonly values?: FormValues;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

/** Where an answer meant for one person went. */
export type ConfidentialDelivery = 'here' | 'elsewhere' | 'unreachable';

/**
 * Whether handling an interaction needs more of the person than their id: their name and whether
 * the platform calls them an admin. A message seen in a conversation does not (the prompt
 * protocol works per workspace and thread, and names people by id), so an adapter that must ask
 * its platform for those details skips the call for the busiest kind of traffic.
 */
export function needsPersonDetails(interaction: Interaction): boolean {
  return interaction.kind !== 'message';
}
