/**
 * "Ask once per thread", the same on every surface: plan (detect, claim the thread, record the
 * check), post the prompt, then mark the thread as asked. A post that fails lets go of the thread
 * at once so a redelivery can ask; a permanent failure (the bot is not in the channel) is logged
 * and the check is kept as evidence that the question could not be asked there.
 */
import type { DecisionCheck } from '../domain/decision-check.js';
import { type SeenMessage, attachPrompt, currentPrompt, planPrompt, promptFailed, promptPosted } from '../use-cases/prompts.js';
import { describeError } from './failures.js';
import type { Handling } from './handling.js';
import type { PromptPlan } from '../use-cases/prompts.js';
import { SurfaceError } from './surface.js';

export type AskResult =
  | { readonly kind: 'asked'; readonly check: DecisionCheck }
  | { readonly kind: 'skipped'; readonly reason: Extract<PromptPlan, { kind: 'skip' }>['reason'] }
  | { readonly kind: 'failed' };

export async function askOnce(handling: Handling, seen: SeenMessage): Promise<AskResult> {
  const { deps, surface, log } = handling;
  const workspaceId = handling.actor.workspaceId;
  const plan = await planPrompt(deps, workspaceId, seen);
  if (plan.kind === 'skip') {
    log.debug({ workspaceId, channel: seen.place.channelId, reason: plan.reason }, 'no prompt');
    return { kind: 'skipped', reason: plan.reason };
  }
  let posted;
  try {
    posted = await surface.post({ channelId: seen.place.channelId, threadId: seen.place.threadId }, plan.message);
  } catch (error) {
    await promptFailed(deps, plan.check, plan.lease);
    if (error instanceof SurfaceError && error.permanent) {
      log.warn(
        { workspaceId, channel: seen.place.channelId, error: describeError(error) },
        'could not post the decision prompt; the check is kept',
      );
      return { kind: 'failed' };
    }
    // Worth a redelivery: the thread is free again, and the check is found again by its thread id.
    throw error;
  }
  await promptPosted(deps, plan.check, plan.lease, posted);
  return { kind: 'asked', check: plan.check };
}

/** A check started by command or form: its own message, whose thread holds the answers. */
export async function postCheck(handling: Handling, check: DecisionCheck): Promise<void> {
  const posted = await handling.surface.post({ channelId: check.place.channelId }, await currentPrompt(handling.deps, check));
  await attachPrompt(handling.deps, check, posted);
}

/** Redraws a check's prompt in place; the answer is stored either way, so failure is only logged. */
export async function refreshPrompt(handling: Handling, check: DecisionCheck): Promise<void> {
  if (!check.prompt?.messageId) return;
  try {
    await handling.surface.replace(check.prompt, await currentPrompt(handling.deps, check));
  } catch (error) {
    handling.log.warn({ checkId: check.id, error: describeError(error) }, 'could not update the decision prompt');
  }
}
