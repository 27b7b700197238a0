/**
 * Commands typed to the bot: the core's grammar without the slash (`requirement add …`,
 * `settings`, `role @Dana manager`). Answers go to the conversation the command came from.
 */
import type { TurnContext } from 'botbuilder';
import type { CommandOutcome } from '../../../core/commands/execute.js';
import type { Actor } from '../../../core/domain/shared.js';
import type { Result } from '../../../core/errors.js';
import { replyText, replyWith } from '../replies.js';
import type { TeamsRuntime } from '../runtime.js';
import type { TeamsWhere } from '../teams-activity.js';
import { postCheck } from './decisions.js';
import { sendForm } from './forms.js';

export function runTeamsCommand(runtime: TeamsRuntime, actor: Actor, where: TeamsWhere, text: string): Promise<Result<CommandOutcome>> {
  const place = { platform: 'teams' as const, channelId: where.channelId, ...(where.channelName ? { channelName: where.channelName } : {}) };
  return runtime.core.runCommand(actor, text, { place });
}

/** Shows what a command produced: a message, a form card, or a new decision check. */
export async function showOutcome(runtime: TeamsRuntime, context: TurnContext, actor: Actor, where: TeamsWhere, result: Result<CommandOutcome>): Promise<void> {
  if (!result.ok) {
    await replyText(context, result.error.message);
    return;
  }
  const outcome = result.value;
  switch (outcome.kind) {
    case 'message':
      await replyWith(context, outcome.message);
      return;
    case 'form':
      await sendForm(runtime, context, actor, outcome.request);
      return;
    case 'check-started': {
      const check = await runtime.core.getCheck(actor, outcome.checkId);
      if (check.ok) await postCheck(runtime, context, where, actor, check.value);
      return;
    }
    case 'delegated':
      await replyText(context, 'The weekly digest preview and manual send are not available yet: they arrive with the weekly digest.');
      return;
  }
}
