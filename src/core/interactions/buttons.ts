/**
 * Buttons in our messages, the same on every surface. One click records "Positive"; the answers
 * that need words open the answer form first; the prompt is redrawn in place after the answer is
 * stored; reviews and the management-review click are evidence before anything is shown.
 */
import { markDigestReviewed } from '../digest/on-demand.js';
import { digestReviewed } from '../digest/replies.js';
import { type CoreAction, textMessage } from '../messages.js';
import { answerCheck, closeAction, dismissCheck } from '../use-cases/decision-checks.js';
import { reviewRequirement } from '../use-cases/requirements.js';
import { reviewRecorded } from '../views.js';
import { runCommandLine, showCommandOutcome } from './commands.js';
import type { Handling } from './handling.js';
import type { Place } from './interaction.js';
import { openForm } from './forms.js';
import { refreshPrompt } from './prompt-protocol.js';
import { TEXTS } from './texts.js';

export async function press(handling: Handling, action: CoreAction, place: Place | undefined): Promise<void> {
  const { deps, actor, surface } = handling;
  switch (action.kind) {
    case 'check.answer': {
      if (action.impact !== 'positive')
        return openForm(handling, { form: 'check.answer', context: { checkId: action.checkId, impact: action.impact } });
      const { check } = await answerCheck(deps, actor, action.checkId, { impact: 'positive' });
      return refreshPrompt(handling, check);
    }
    case 'check.details':
      return openForm(handling, { form: 'check.answer', context: { checkId: action.checkId } });
    case 'check.dismiss': {
      const check = await dismissCheck(deps, actor, action.checkId);
      return refreshPrompt(handling, check);
    }
    case 'action.close':
      await closeAction(deps, actor, action.actionId);
      return surface.replyPrivately(textMessage(TEXTS.actionClosed));
    case 'requirement.review':
      return openForm(handling, { form: 'requirement.review', requirementId: action.requirementId });
    // Still valid / Retire under a requirement in the digest or a reminder: the review is evidence.
    case 'requirement.keep':
    case 'requirement.retire': {
      const outcome = action.kind === 'requirement.keep' ? 'still_valid' : 'retire';
      const { requirement, review } = await reviewRequirement(deps, actor, action.requirementId, outcome);
      return surface.replyPrivately(reviewRecorded(requirement, review));
    }
    case 'digest.reviewed': {
      const firstTime = await markDigestReviewed(deps, actor, action.digestId);
      return surface.replyPrivately(digestReviewed(firstTime));
    }
    // "Record anyway" under a duplicate warning: the command again, as the person who clicked.
    case 'command.confirm':
      return showCommandOutcome(handling, await runCommandLine(handling, action.command, place), action.command);
    case 'command.share': {
      // Run again as the person who clicked, so sharing never shows more than they may see.
      const outcome = await runCommandLine(handling, action.command, place);
      if (outcome.kind !== 'message' || !outcome.shareable) return surface.replyPrivately(textMessage(TEXTS.notShareable));
      const shared = outcome.message;
      return surface.replyPublicly({
        fallback: shared.fallback,
        blocks: [
          { kind: 'context', parts: ['Shared by ', { person: { id: actor.id, ...(actor.name ? { name: actor.name } : {}) } }] },
          ...shared.blocks,
        ],
      });
    }
  }
}
