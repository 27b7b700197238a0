/**
 * Decision prompts in Teams: one card per thread (in a group chat, a reply to the message), updated
 * in place as answers arrive. The core decides and claims the thread; the card is posted after the
 * check is stored, and a failed post lets go of the thread so a redelivery can ask.
 */
import type { TurnContext } from 'botbuilder';
import type { DecisionCheck } from '../../../core/domain/decision-check.js';
import type { SeenMessage } from '../../../core/use-cases/prompts.js';
import { describeConnectorError } from '../messenger-errors.js';
import { messageActivity, replace, reply } from '../replies.js';
import type { TeamsRuntime } from '../runtime.js';
import type { TeamsWhere } from '../teams-activity.js';

export async function askAbout(
  runtime: TeamsRuntime,
  context: TurnContext,
  where: TeamsWhere,
  seen: SeenMessage,
): Promise<'asked' | 'skipped'> {
  const plan = await runtime.core.planPrompt(where.workspaceId, seen);
  if (plan.kind === 'skip') {
    runtime.logger.debug({ workspaceId: where.workspaceId, reason: plan.reason }, 'no prompt');
    return 'skipped';
  }
  let messageId: string | undefined;
  try {
    messageId = await reply(context, messageActivity(plan.message));
  } catch (error) {
    await runtime.core.promptFailed(plan.check, plan.lease);
    throw error;
  }
  await runtime.core.promptPosted(plan.check, plan.lease, { channelId: where.conversationId, messageId: messageId ?? '' });
  return 'asked';
}

/** A check started by command or form: its own card, whose thread holds the answers. */
export async function postCheck(
  runtime: TeamsRuntime,
  context: TurnContext,
  where: TeamsWhere,
  requester: { id: string; name?: string },
  check: DecisionCheck,
): Promise<void> {
  const prompt = await runtime.core.currentPrompt(check);
  const header = { kind: 'text' as const, parts: ['Decision check from ', { person: requester }, ': ', { user: check.text }] };
  const messageId = await reply(
    context,
    messageActivity({ fallback: `Decision check: ${check.text}`, blocks: [header, ...prompt.blocks] }),
  );
  if (messageId) await runtime.core.attachPrompt(check, { channelId: where.conversationId, messageId });
}

/** Redraws a check's card in place; the answer is stored either way, so failure is only logged. */
export async function refreshPrompt(runtime: TeamsRuntime, context: TurnContext, check: DecisionCheck): Promise<void> {
  if (!check.prompt?.messageId) return;
  try {
    await replace(context, check.prompt.messageId, messageActivity(await runtime.core.currentPrompt(check)), check.prompt.channelId);
  } catch (error) {
    runtime.logger.warn({ checkId: check.id, connector: describeConnectorError(error) }, 'could not update the decision card');
  }
}
