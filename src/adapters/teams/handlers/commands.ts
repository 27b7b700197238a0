/**
 * Commands typed to the bot: the core's grammar without the slash (`requirement add …`,
 * `settings`, `role @Dana manager`). Answers go to the conversation the command came from, except
 * those meant for one person (signed links, the digest preview), which go to their personal chat.
 */
import type { TurnContext } from 'botbuilder';
import type { CommandOutcome } from '../../../core/commands/execute.js';
import type { Actor } from '../../../core/domain/shared.js';
import type { Result } from '../../../core/errors.js';
import type { Message } from '../../../core/messages.js';
import { messageActivity, replyText, replyWith } from '../replies.js';
import type { TeamsRuntime } from '../runtime.js';
import type { TeamsWhere } from '../teams-activity.js';
import { postCheck } from './decisions.js';
import { sendForm } from './forms.js';

export function runTeamsCommand(runtime: TeamsRuntime, actor: Actor, where: TeamsWhere, text: string): Promise<Result<CommandOutcome>> {
  const place = {
    platform: 'teams' as const,
    channelId: where.channelId,
    ...(where.channelName ? { channelName: where.channelName } : {}),
  };
  return runtime.core.runCommand(actor, text, { place });
}

/** Shows what a command produced: a message, a form card, or a new decision check. */
export async function showOutcome(
  runtime: TeamsRuntime,
  context: TurnContext,
  actor: Actor,
  where: TeamsWhere,
  result: Result<CommandOutcome>,
): Promise<void> {
  if (!result.ok) {
    await replyText(context, result.error.message);
    return;
  }
  const outcome = result.value;
  switch (outcome.kind) {
    case 'message':
      if (outcome.confidential && where.kind !== 'personal') await answerPrivately(runtime, context, where, outcome.message);
      else await replyWith(context, outcome.message);
      return;
    case 'form':
      await sendForm(runtime, context, actor, outcome.request);
      return;
    case 'check-started': {
      const check = await runtime.core.getCheck(actor, outcome.checkId);
      if (check.ok) await postCheck(runtime, context, where, actor, check.value);
      return;
    }
  }
}

/**
 * A signed link or the digest preview asked for in a channel or group chat: everyone there could
 * read it, so it goes to the person's personal chat and the conversation only hears where it went.
 */
async function answerPrivately(runtime: TeamsRuntime, context: TurnContext, where: TeamsWhere, message: Message): Promise<void> {
  if (await runtime.privateChat.send(context, where, messageActivity(message))) {
    await replyText(context, 'I sent you the answer in our personal chat: it is for you alone.');
    return;
  }
  await replyText(
    context,
    'That answer is for you alone, and I could not open a personal chat with you. Open a chat with me (select my name, then Chat) and type the command there.',
  );
}
