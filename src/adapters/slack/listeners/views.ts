/**
 * Modal submits. The core validates; field errors go back in the acknowledgement so Slack shows
 * them next to their fields and the modal stays open with what was typed. Otherwise the modal is
 * acknowledged (and closes) before the confirmation is posted.
 */
import type { App, ViewSubmitAction } from '@slack/bolt';
import { spellCommands } from '../../../core/commands/usage.js';
import { FORM_KINDS, type FieldError } from '../../../core/forms/form.js';
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
    const kind = FORM_KINDS.find((known) => `form:${known}` === view.callback_id);
    if (!kind) {
      await ack({ response_action: 'errors', errors: {} });
      return;
    }
    let acknowledged = false;
    const settle = async (errors?: readonly FieldError[]): Promise<void> => {
      if (acknowledged) return;
      acknowledged = true;
      if (errors?.length) {
        await ack({
          response_action: 'errors',
          errors: Object.fromEntries(errors.map((error) => [error.field, spellCommands(error.message, 'slack')])),
        });
      } else await ack();
    };
    const { channel: channelId, thread: threadId, ...formContext } = readMetadata(view.private_metadata);
    const place = channelId ? { platform: 'slack' as const, channelId, ...(threadId ? { threadId } : {}) } : undefined;
    try {
      await runtime.handleUntilDone(
        context,
        { id: body.user.id, name: body.user.name },
        {
          kind: 'form.submit',
          form: { kind, context: formContext },
          values: formValuesFromState(view.state.values),
          ...(place ? { place } : {}),
        },
        { client, settle, ...(channelId ? { channelId } : {}), ...(threadId ? { threadId } : {}) },
      );
    } finally {
      await settle();
    }
  });
}
