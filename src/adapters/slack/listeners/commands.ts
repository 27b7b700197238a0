/**
 * The four slash commands. Each is acknowledged at once; the core parses and runs the command
 * (the same grammar as on Teams), and the reply goes back privately through `respond`.
 */
import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { FormRequest } from '../../../core/commands/execute.js';
import { checkForm, feedbackForm, knowledgeForm, requirementForm, reviewForm } from '../../../core/forms/catalogue.js';
import type { Actor } from '../../../core/domain/shared.js';
import { textMessage } from '../../../core/messages.js';
import { MAX_VALUE_LENGTH } from '../action-codec.js';
import { toSlackMessage, toSlackModal } from '../block-kit.js';
import type { SlackRuntime } from '../runtime.js';
import { SLASH_COMMANDS } from '../surface.js';

/** A private reply; failures to reach response_url are logged by Bolt and lose no data. */
export async function replyPrivately(respond: RespondFn, text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', ...toSlackMessage(textMessage(text)) });
}

export async function openForm(
  client: WebClient,
  runtime: SlackRuntime,
  actor: Actor,
  triggerId: string,
  request: FormRequest,
  channelId?: string,
): Promise<void> {
  const metadata = { channel: channelId };
  switch (request.form) {
    case 'requirement.add':
      await client.views.open({ trigger_id: triggerId, view: toSlackModal(requirementForm(request.prefill), metadata) });
      return;
    case 'feedback.record':
      await client.views.open({ trigger_id: triggerId, view: toSlackModal(feedbackForm(request.prefill), metadata) });
      return;
    case 'knowledge.record':
      await client.views.open({ trigger_id: triggerId, view: toSlackModal(knowledgeForm(request.prefill), metadata) });
      return;
    case 'check.start':
      await client.views.open({ trigger_id: triggerId, view: toSlackModal(checkForm(), metadata) });
      return;
    case 'requirement.review': {
      const shown = await runtime.core.showRequirement(actor, request.requirementId);
      if (shown.ok) await client.views.open({ trigger_id: triggerId, view: toSlackModal(reviewForm(shown.value.requirement), metadata) });
      return;
    }
  }
}

export function registerCommandListeners(app: App, runtime: SlackRuntime): void {
  for (const name of SLASH_COMMANDS) {
    app.command(name, async ({ command, ack, respond, context, client }) => {
      await ack();
      const workspaceId = await runtime.workspace(context, command.team_domain);
      const actor = await runtime.actor(client, workspaceId, command.user_id, command.user_name);
      const place = {
        platform: 'slack' as const,
        channelId: command.channel_id,
        ...(command.channel_name ? { channelName: command.channel_name } : {}),
      };
      const result = await runtime.core.runCommand(actor, `${name} ${command.text}`, { place });
      if (!result.ok) {
        await replyPrivately(respond, result.error.message);
        return;
      }
      const outcome = result.value;
      switch (outcome.kind) {
        case 'message': {
          // Replies are private; read-only answers get a button to show them to the channel.
          const commandLine = `${name} ${command.text}`.trim();
          const share =
            outcome.shareable && commandLine.length <= MAX_VALUE_LENGTH
              ? [
                  {
                    kind: 'actions' as const,
                    buttons: [{ label: 'Share in channel', action: { kind: 'command.share' as const, command: commandLine } }],
                  },
                ]
              : [];
          await respond({
            response_type: 'ephemeral',
            ...toSlackMessage({ ...outcome.message, blocks: [...outcome.message.blocks, ...share] }),
          });
          return;
        }
        case 'form':
          await openForm(client, runtime, actor, command.trigger_id, outcome.request, command.channel_id);
          return;
        case 'check-started': {
          const check = await runtime.core.getCheck(actor, outcome.checkId);
          if (!check.ok) return;
          await runtime.postCheck(client, command.channel_id, actor.id, check.value);
          return;
        }
      }
    });
  }
}
