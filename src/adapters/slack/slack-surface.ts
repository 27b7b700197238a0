/**
 * The core's Surface for one Slack request: posts and redraws through the Web API, private replies
 * through `response_url` (or `chat.postEphemeral` when that is missing or unreachable), forms as
 * modals. A modal submit's field errors go back in its acknowledgement, which the view listener
 * sends once the core has decided.
 */
import type { WebClient } from '@slack/web-api';
import type { FieldError, Form } from '../../core/forms/form.js';
import { type FormState, type PostTarget, type PostedMessage, type Surface, SurfaceError } from '../../core/index.js';
import type { Message } from '../../core/messages.js';
import type { Logger } from '../logging/logger.js';
import { toSlackMessage, toSlackModal } from './block-kit.js';
import type { Respond } from './response-url.js';

/** Slack error codes that mean "this conversation can't take our message": a retry would fail too. */
const UNDELIVERABLE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'token_revoked',
  'invalid_auth',
  'restricted_action',
  'user_not_in_channel',
]);

export const slackErrorCode = (error: unknown): string | undefined =>
  (error as { data?: { error?: string } } | undefined)?.data?.error ?? (error as { code?: string } | undefined)?.code;

/** A Web API failure in the core's terms. */
function surfaceError(error: unknown, what: string): SurfaceError {
  const code = slackErrorCode(error);
  return new SurfaceError(`Slack refused to ${what}`, code !== undefined && UNDELIVERABLE.has(code), code);
}

export interface SlackRequest {
  readonly client: WebClient;
  readonly logger: Logger;
  /** The person acting. */
  readonly userId: string;
  /** Where they acted, when in a conversation. */
  readonly channelId?: string;
  readonly threadId?: string;
  /** Replies through the request's `response_url`, when it carries one. */
  readonly respond?: Respond;
  /** For opening a modal (valid for three seconds after the request). */
  readonly triggerId?: string;
  /**
   * A modal submit's acknowledgement, sent once: with field errors (the modal stays open and shows
   * them), or without before anything else is said (the modal closes).
   */
  readonly settle?: (errors?: readonly FieldError[]) => Promise<void>;
}

export function slackSurface(request: SlackRequest): Surface {
  const { client, userId, channelId, respond, logger } = request;

  const settled = async (): Promise<void> => {
    await request.settle?.();
  };

  const privately = async (message: Message): Promise<void> => {
    await settled();
    const rendered = toSlackMessage(message);
    if (respond) {
      try {
        await respond({ response_type: 'ephemeral', replace_original: false, ...rendered });
        return;
      } catch (error) {
        // response_url failed (it may be unreachable or expired): the work is done either way,
        // so say the same thing another way rather than let the person think nothing happened.
        logger.warn({ slackError: slackErrorCode(error) }, 'response_url did not take the reply; sending it as an ephemeral message');
      }
    }
    try {
      if (channelId)
        await client.chat.postEphemeral({
          channel: channelId,
          user: userId,
          ...(request.threadId ? { thread_ts: request.threadId } : {}),
          ...rendered,
        });
      else await client.chat.postMessage({ channel: userId, ...rendered });
    } catch (error) {
      throw surfaceError(error, 'show a private reply');
    }
  };

  return {
    privateRepliesAreHidden: true,
    async post(target: PostTarget, message: Message): Promise<PostedMessage> {
      await settled();
      try {
        const posted = await client.chat.postMessage({
          channel: target.channelId,
          ...(target.threadId ? { thread_ts: target.threadId } : {}),
          ...toSlackMessage(message),
        });
        if (!posted.ts) throw new SurfaceError('Slack did not say which message it posted', false);
        return { channelId: target.channelId, messageId: posted.ts };
      } catch (error) {
        throw error instanceof SurfaceError ? error : surfaceError(error, 'post a message');
      }
    },
    async replace(target: PostedMessage, message: Message): Promise<void> {
      await settled();
      try {
        await client.chat.update({ channel: target.channelId, ts: target.messageId, ...toSlackMessage(message) });
      } catch (error) {
        throw surfaceError(error, 'update a message');
      }
    },
    replyPrivately: privately,
    async replyPublicly(message: Message): Promise<void> {
      if (respond) {
        await respond({ response_type: 'in_channel', replace_original: false, ...toSlackMessage(message) });
        return;
      }
      if (!channelId) return privately(message);
      await client.chat.postMessage({ channel: channelId, ...toSlackMessage(message) });
    },
    async replyConfidentially(message: Message) {
      // Ephemeral replies are seen by the person alone.
      await privately(message);
      return 'here' as const;
    },
    async openForm(form: Form, state?: FormState): Promise<void> {
      if (state?.errors && request.settle) {
        await request.settle(state.errors);
        return;
      }
      if (!request.triggerId) throw new SurfaceError('A form can only be opened in answer to a click or a command', true);
      await client.views.open({
        trigger_id: request.triggerId,
        view: toSlackModal(form, { channel: channelId, thread: request.threadId }),
      });
    },
  };
}
