/**
 * Buttons: one click records "Positive"; the answers that need words (Negative, No impact,
 * Not sure, Add details) open the answer form first. Every click is acknowledged at once and the
 * prompt is redrawn in place after the answer is stored.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { digestReviewed } from '../../../core/digest/replies.js';
import { answerForm } from '../../../core/forms/catalogue.js';
import type { Message } from '../../../core/messages.js';
import { reviewRecorded } from '../../../core/views.js';
import { toSlackMessage, toSlackModal } from '../block-kit.js';
import { ACTION_ID_PATTERN, decodeAction } from '../action-codec.js';
import type { SlackRuntime } from '../runtime.js';
import { openForm, replyPrivately } from './commands.js';

export function registerActionListeners(app: App, runtime: SlackRuntime): void {
  app.action<BlockButtonAction>(ACTION_ID_PATTERN, async ({ action, body, ack, respond, context, client }) => {
    await ack();
    const decoded = decodeAction(action.action_id, action.value);
    if (!decoded) {
      await replyPrivately(respond, 'That button is out of date. Please use the newest message.');
      return;
    }
    const workspaceId = await runtime.workspace(context);
    const actor = await runtime.actor(client, workspaceId, body.user.id, body.user.name);
    const channelId = body.channel?.id;
    switch (decoded.kind) {
      case 'check.answer':
        if (decoded.impact === 'positive') {
          const result = await runtime.core.answerCheck(actor, decoded.checkId, { impact: 'positive' });
          if (!result.ok) return replyPrivately(respond, result.error.message);
          await runtime.refreshPrompt(client, result.value.check);
          return;
        }
        return openAnswerForm(decoded.checkId, decoded.impact);
      case 'check.details':
        return openAnswerForm(decoded.checkId);
      case 'check.dismiss': {
        const result = await runtime.core.dismissCheck(actor, decoded.checkId);
        if (!result.ok) return replyPrivately(respond, result.error.message);
        await runtime.refreshPrompt(client, result.value);
        return;
      }
      case 'action.close': {
        const result = await runtime.core.closeAction(actor, decoded.actionId);
        return replyPrivately(respond, result.ok ? 'Marked as done, and kept as evidence.' : result.error.message);
      }
      case 'command.share': {
        // Run again as the person who clicked, so sharing never shows more than they may see.
        const result = await runtime.core.runCommand(actor, decoded.command, channelId ? { place: { platform: 'slack', channelId } } : {});
        if (!result.ok) return replyPrivately(respond, result.error.message);
        if (result.value.kind !== 'message' || !result.value.shareable) return replyPrivately(respond, 'That answer cannot be shared.');
        await respond({
          response_type: 'in_channel',
          replace_original: false,
          ...toSlackMessage({
            ...result.value.message,
            blocks: [{ kind: 'context', parts: ['Shared by ', { person: { id: actor.id } }] }, ...result.value.message.blocks],
          }),
        });
        return;
      }
      case 'requirement.review':
        return openForm(
          client,
          runtime,
          actor,
          body.trigger_id,
          { form: 'requirement.review', requirementId: decoded.requirementId },
          channelId,
        );
      // Still valid / Retire under a requirement in the digest or a reminder: the review is evidence.
      case 'requirement.keep':
      case 'requirement.retire': {
        const result = await runtime.core.reviewRequirement(
          actor,
          decoded.requirementId,
          decoded.kind === 'requirement.keep' ? 'still_valid' : 'retire',
        );
        if (!result.ok) return replyPrivately(respond, result.error.message);
        return showPrivately(reviewRecorded(result.value.requirement, result.value.review));
      }
      case 'digest.reviewed': {
        const result = await runtime.core.markDigestReviewed(actor, decoded.digestId);
        if (!result.ok) return replyPrivately(respond, result.error.message);
        return showPrivately(digestReviewed(result.value));
      }
    }

    async function showPrivately(message: Message): Promise<void> {
      await respond({ response_type: 'ephemeral', replace_original: false, ...toSlackMessage(message) });
    }

    async function openAnswerForm(checkId: string, impact?: 'negative' | 'none' | 'unknown'): Promise<void> {
      const check = await runtime.core.getCheck(actor, checkId);
      if (!check.ok) return replyPrivately(respond, check.error.message);
      await client.views.open({ trigger_id: body.trigger_id, view: toSlackModal(answerForm(check.value, impact), { channel: channelId }) });
    }
  });
}
