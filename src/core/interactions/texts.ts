/** The words the core says about interactions themselves, written once for every surface. */
import type { PromptPlan } from '../use-cases/prompts.js';

export const TEXTS = {
  outOfDate: 'That button is out of date or was not made by me. Please use the newest message, or type `{focus}help`.',
  actionClosed: 'Marked as done, and kept as evidence.',
  notShareable: 'That answer cannot be shared.',
  alreadyAsked: 'I have already asked about the decision in that thread; the answers are there.',
  threadAlreadyAsked: "I have already asked about this thread's decision: answer on the prompt in this thread.",
  threadNeedsText: 'Say what was decided, e.g. `{check} We move support hours to 9-17`, and I will ask about it here.',
  notUnderstood: "I didn't understand that. Type `help` to see what I can do, or `{check} <the decision>` to ask about a decision.",
  sentToPersonalChat: 'I sent you the answer in our personal chat: it is for you alone.',
  personalChatUnreachable:
    'That answer is for you alone, and I could not open a personal chat with you. Open a chat with me (select my name, then Chat) and type the command there.',
  checkNeedsChannel: 'Start the check from a channel, so I know where to ask.',
} as const;

/**
 * Why the bot stayed quiet about a message, in words for someone trying it out (the playground
 * shows these as notes; the chat platforms stay silent).
 */
export const SILENCE_REASONS: Record<Extract<PromptPlan, { kind: 'skip' }>['reason'], string> = {
  'not-a-decision':
    'The bot stayed quiet: this does not read as a team decision. Try "We have decided to move support hours to 9–17 from January", or start a check by hand with /customer-check <decision>.',
  'too-old': 'The bot stayed quiet: the message is too old to ask about.',
  'detection-off': 'The bot stayed quiet: decision detection is off in this channel (/customer-focus detection auto turns it on).',
  'mention-only': 'The bot stayed quiet: in this channel it asks only when asked (/customer-focus detection auto changes that).',
  snoozed: 'The bot stayed quiet: detection is snoozed in this channel.',
  'quiet-hours': 'The bot stayed quiet: it is quiet hours for this workspace.',
  'daily-cap':
    'The bot stayed quiet: it already asked as often today as this channel allows (/customer-focus settings cap:… changes that).',
  'already-asked': 'The bot already asked in this thread; it asks once per thread.',
  'being-asked': 'The bot is asking in this thread right now.',
};
