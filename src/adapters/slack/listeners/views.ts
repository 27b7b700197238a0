/**
 * Modal submissions. The core validates; a refusal about one field is returned in the ack so
 * Slack shows it inline next to that field, and the modal stays open with what was typed.
 */
import type { App, ViewSubmitAction } from '@slack/bolt';
import { spellCommands } from '../../../core/commands/usage.js';
import { FORM_KINDS, type FormKind } from '../../../core/forms/form.js';
import { toSlackMessage } from '../block-kit.js';
import type { SlackRuntime } from '../runtime.js';
import { formValuesFromState } from '../view-values.js';

function readMetadata(raw: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(raw || '{}');
    if (parsed && typeof parsed === 'object') {
      return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    }
  } catch {
    // Forged or foreign metadata: treat as empty, the core then refuses politely.
  }
  return {};
}

export function registerViewListeners(app: App, runtime: SlackRuntime): void {
  app.view<ViewSubmitAction>(/^form:/, async ({ view, body, ack, context, client }) => {
    const kind = view.callback_id.slice('form:'.length) as FormKind;
    if (!FORM_KINDS.includes(kind)) {
      await ack({ response_action: 'errors', errors: {} });
      return;
    }
    const metadata = readMetadata(view.private_metadata);
    const workspaceId = await runtime.workspace(context);
    const actor = await runtime.actor(client, workspaceId, body.user.id, body.user.name);
    const channelId = metadata.channel;
    const place = channelId ? { platform: 'slack' as const, channelId } : undefined;
    const outcome = await runtime.core.submitForm(actor, { kind, context: metadata }, formValuesFromState(view.state.values), place);
    if (outcome.kind === 'invalid') {
      await ack({
        response_action: 'errors',
        errors: Object.fromEntries(outcome.errors.map((error) => [error.field, spellCommands(error.message, 'slack')])),
      });
      return;
    }
    await ack();
    const text =
      outcome.kind === 'failed'
        ? { ...toSlackMessage({ fallback: outcome.message, blocks: [{ kind: 'text', parts: [outcome.message] }] }) }
        : toSlackMessage(outcome.message);
    if (outcome.kind === 'done' && outcome.checkId) {
      const check = await runtime.core.getCheck(actor, outcome.checkId);
      if (check.ok && check.value.prompt) {
        await runtime.refreshPrompt(client, check.value);
        return;
      }
      if (check.ok && kind === 'check.start' && channelId) {
        await runtime.postCheck(client, channelId, actor.id, check.value);
        return;
      }
    }
    // Confirm privately where the form was opened, or in the app's direct messages.
    if (channelId) await client.chat.postEphemeral({ channel: channelId, user: actor.id, ...text });
    else await client.chat.postMessage({ channel: actor.id, ...text });
  });
}
