/**
 * The one entry point for everything a person does in chat, on every surface. It dispatches the
 * interaction, and owns what happens when something fails: a refusal is answered politely, and
 * anything else is logged with a reference the person is given too, with the truth about their
 * work ("saved" or "nothing was saved").
 */
import { DomainError } from '../errors.js';
import type { Actor } from '../domain/shared.js';
import { textMessage } from '../messages.js';
import type { CoreDeps } from '../ports.js';
import type { SeenMessage } from '../use-cases/prompts.js';
import { threadCheckId } from '../use-cases/prompts.js';
import { press } from './buttons.js';
import { isUnknownCommand, runCommandLine, showCommandOutcome } from './commands.js';
import { type CoreLog, apology, describeError, referenceFrom } from './failures.js';
import { openForm, submit } from './forms.js';
import { type Handling, startHandling } from './handling.js';
import { installed } from './install.js';
import type { Interaction } from './interaction.js';
import { type AskResult, askOnce } from './prompt-protocol.js';
import { SurfaceError } from './surface.js';
import type { Surface } from './surface.js';
import { TEXTS } from './texts.js';

/** What the surface may want to know afterwards: whether a prompt was asked (the playground explains silence). */
export type HandleResult = { readonly prompt?: AskResult };

export async function handleInteraction(
  deps: CoreDeps,
  log: CoreLog,
  actor: Actor,
  interaction: Interaction,
  surface: Surface,
  registerWorkspace?: () => Promise<void>,
): Promise<HandleResult> {
  const handling = startHandling(deps, actor, surface, log);
  try {
    await registerWorkspace?.();
    return await dispatch(handling, interaction);
  } catch (error) {
    if (error instanceof DomainError) {
      await tell(handling, textMessage(error.message));
      return {};
    }
    // A prompt that could not be posted for a passing reason: the thread is free again, and the
    // platform's redelivery (Teams retries a failed turn) asks once more.
    if (interaction.kind === 'message' && error instanceof SurfaceError) throw error;
    const reference = referenceFrom(deps.ids.newId());
    log.error(
      {
        reference,
        interaction: interaction.kind,
        workspaceId: actor.workspaceId,
        progress: handling.progress,
        error: describeError(error),
      },
      'interaction failed',
    );
    await tell(handling, apology(handling.progress, reference));
    return {};
  }
}

/** A last word to the person; if even that fails, the log has it. */
async function tell(handling: Handling, message: Parameters<Surface['replyPrivately']>[0]): Promise<void> {
  try {
    await handling.surface.replyPrivately(message);
  } catch (error) {
    handling.log.warn(
      { workspaceId: handling.actor.workspaceId, error: describeError(error) },
      'could not tell the person how their request went',
    );
  }
}

async function dispatch(handling: Handling, interaction: Interaction): Promise<HandleResult> {
  const { deps, actor, surface } = handling;
  switch (interaction.kind) {
    case 'command': {
      let outcome;
      try {
        outcome = await runCommandLine(handling, interaction.line, interaction.place);
      } catch (error) {
        if (!interaction.orDecision || !isUnknownCommand(error)) throw error;
        return notACommand(handling, interaction.orDecision);
      }
      await showCommandOutcome(handling, outcome, interaction.line);
      return {};
    }
    case 'button':
      await press(handling, interaction.action, interaction.place);
      return {};
    case 'button.unreadable':
      await surface.replyPrivately(textMessage(TEXTS.outOfDate));
      return {};
    case 'form.open':
      await openForm(handling, interaction.request);
      return {};
    case 'form.submit':
      await submit(handling, interaction.form, interaction.values, interaction.place);
      return {};
    case 'message': {
      if (interaction.onlyIfDecision && !deps.detect(interaction.seen.text).decision) {
        handling.log.debug({ workspaceId: actor.workspaceId, channel: interaction.seen.place.channelId }, 'mention without a decision');
        return { prompt: { kind: 'skipped', reason: 'not-a-decision' } };
      }
      return { prompt: await ask(handling, interaction.seen) };
    }
    case 'thread.check': {
      const asked = await deps.checks.get(actor.workspaceId, threadCheckId(interaction.place));
      await surface.replyPrivately(textMessage(asked ? TEXTS.threadAlreadyAsked : TEXTS.threadNeedsText));
      return {};
    }
    case 'installed':
      await installed(handling, interaction.scope, interaction.place);
      return {};
  }
}

/** Asks about a message; someone who asked explicitly hears when the thread was asked already. */
async function ask(handling: Handling, seen: SeenMessage): Promise<AskResult> {
  const result = await askOnce(handling, seen);
  if (result.kind === 'skipped' && seen.origin !== 'detected' && (result.reason === 'already-asked' || result.reason === 'being-asked')) {
    await handling.surface.replyPrivately(textMessage(TEXTS.alreadyAsked));
  }
  return result;
}

/** Text addressed to the bot that is no command: a decision to ask about, or a hint. */
async function notACommand(handling: Handling, orDecision: SeenMessage | 'help'): Promise<HandleResult> {
  if (orDecision !== 'help' && handling.deps.detect(orDecision.text).decision) return { prompt: await ask(handling, orDecision) };
  await handling.surface.replyPrivately(textMessage(TEXTS.notUnderstood));
  return {};
}
