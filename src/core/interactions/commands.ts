/**
 * Command lines, the same on every surface: parsed by the one grammar, run as the person, and
 * shown where they belong (a private answer with a Share button where private answers are hidden,
 * a form, a new decision check in the channel, or a confidential answer in the person's own chat).
 */
import { type CommandOutcome, executeCommand } from '../commands/execute.js';
import { parseCommand } from '../commands/grammar.js';
import { DomainError } from '../errors.js';
import { type Message, textMessage } from '../messages.js';
import { loadCheck } from '../use-cases/decision-checks.js';
import { openForm } from './forms.js';
import type { Handling } from './handling.js';
import type { Place } from './interaction.js';
import { postCheck } from './prompt-protocol.js';
import { TEXTS } from './texts.js';

/** Longest command a Share button carries (Slack's limit for a button's value). */
export const MAX_SHARED_COMMAND = 2000;

/** Parses and runs a command line; a DomainError for lines the grammar or the use case refuses. */
export async function runCommandLine(handling: Handling, line: string, place: Place | undefined): Promise<CommandOutcome> {
  const parsed = parseCommand(line);
  if (!parsed.ok) throw parsed.error;
  return executeCommand(handling.deps, handling.actor, parsed.value, place ? { place } : {});
}

export async function showCommandOutcome(handling: Handling, outcome: CommandOutcome, line: string): Promise<void> {
  const { surface } = handling;
  switch (outcome.kind) {
    case 'message':
      if (outcome.confidential) return answerConfidentially(handling, outcome.message);
      return surface.replyPrivately(
        outcome.shareable && surface.privateRepliesAreHidden ? withShareButton(outcome.message, line) : outcome.message,
      );
    case 'form':
      return openForm(handling, outcome.request);
    case 'check-started':
      return postCheck(handling, await loadCheck(handling.deps, handling.actor, outcome.checkId));
  }
}

/** Read-only answers can be shown to the channel: the click runs the command again as the clicker. */
function withShareButton(message: Message, line: string): Message {
  const command = line.trim();
  if (command.length > MAX_SHARED_COMMAND) return message;
  return {
    ...message,
    blocks: [...message.blocks, { kind: 'actions', buttons: [{ label: 'Share in channel', action: { kind: 'command.share', command } }] }],
  };
}

/** Signed links and the digest preview: for this person alone, never in a shared conversation. */
async function answerConfidentially(handling: Handling, message: Message): Promise<void> {
  const delivery = await handling.surface.replyConfidentially(message);
  if (delivery === 'elsewhere') await handling.surface.replyPrivately(textMessage(TEXTS.sentToPersonalChat));
  if (delivery === 'unreachable') await handling.surface.replyPrivately(textMessage(TEXTS.personalChatUnreachable));
}

/** Whether a refusal means "this is no command at all", so the text may be something else. */
export const isUnknownCommand = (error: unknown): boolean => error instanceof DomainError && error.code === 'command.unknown';
