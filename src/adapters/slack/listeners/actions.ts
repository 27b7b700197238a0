/**
 * Buttons in our messages: acknowledged at once, decoded strictly (anyone can forge a payload),
 * and handed to the core as a button press.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION_ID_PATTERN, decodeAction } from '../action-codec.js';
import { respondVia } from '../response-url.js';
import type { SlackRuntime } from '../runtime.js';

export function registerActionListeners(app: App, runtime: SlackRuntime): void {
  app.action<BlockButtonAction>(ACTION_ID_PATTERN, async ({ action, body, ack, context, client }) => {
    await ack();
    const channelId = body.channel?.id;
    const threadId = (body.message as { thread_ts?: string; ts?: string } | undefined)?.thread_ts ?? body.message?.ts;
    const request = {
      client,
      respond: respondVia(body.response_url),
      triggerId: body.trigger_id,
      ...(channelId ? { channelId } : {}),
      ...(threadId ? { threadId } : {}),
    };
    const decoded = decodeAction(action.action_id, action.value);
    const place = channelId ? { platform: 'slack' as const, channelId, ...(threadId ? { threadId } : {}) } : undefined;
    await runtime.handle(
      context,
      { id: body.user.id, name: body.user.name },
      decoded ? { kind: 'button', action: decoded, ...(place ? { place } : {}) } : { kind: 'button.unreadable' },
      request,
    );
  });
}
