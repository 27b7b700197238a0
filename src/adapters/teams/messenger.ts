/**
 * Sends outside a turn (digest, reminders) through stored conversation references and
 * `continueConversationAsync`; a person who never wrote to the bot gets a personal chat opened
 * through the tenant's service. Connector errors become DeliveryResults, never exceptions:
 * - 403 BotNotInConversationRoster: the bot was removed; the stale reference is deleted.
 * - 403 other (BotDisabledByAdmin…) and 401: not worth retrying until someone acts.
 * - 429, 412 and 5xx: the connector's HTTP pipeline already retried them with back-off
 *   (honouring Retry-After); one more try here after a pause, then "retry on the next run".
 */
import type { CloudAdapter } from 'botbuilder';
import type { WorkspaceId } from '../../core/domain/shared.js';
import type { Message } from '../../core/messages.js';
import type { DeliveryResult, Destination, Messenger } from '../../core/ports.js';
import type { Logger } from '../logging/logger.js';
import type { ConversationReferences, StoredReference } from './conversation-references.js';
import { describeConnectorError } from './messenger-errors.js';
import { openPersonalChat } from './private-chat.js';
import { messageActivity } from './replies.js';

export interface TeamsMessengerOptions {
  readonly adapter: CloudAdapter;
  /** The real app id when authentication is on, '' when it is off (what the adapter expects). */
  readonly botAppId: string;
  readonly references: ConversationReferences;
  readonly logger: Logger;
  /** Pause before the one extra attempt after a transient failure; tests pass 0. */
  readonly retryDelayMs?: number;
}

const TRANSIENT = (status: number | undefined) => status === undefined || status === 429 || status === 412 || status >= 500;

export function createTeamsMessenger(options: TeamsMessengerOptions): Messenger {
  const { adapter, botAppId, references, logger } = options;
  const delay = options.retryDelayMs ?? 2_000;

  async function deliver(reference: StoredReference, message: Message): Promise<string | undefined> {
    let id: string | undefined;
    let failure: unknown;
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      // Caught here: an error escaping the callback would go to the adapter's onTurnError,
      // and the caller would never learn that this conversation failed.
      try {
        id = (await context.sendActivity(messageActivity(message)))?.id;
      } catch (error) {
        failure = error ?? new Error('the connector failed without saying why');
      }
    });
    if (failure !== undefined) throw failure;
    return id;
  }

  /**
   * How to reach the destination: its stored conversation, or for a person without one, a
   * personal chat opened through the tenant's service; when neither, the reason, as a string.
   */
  async function routeTo(
    workspaceId: WorkspaceId,
    destination: Destination,
    message: Message,
  ): Promise<{ send: () => Promise<string | undefined>; stored: boolean } | string> {
    const reference =
      destination.kind === 'conversation'
        ? await references.conversation(workspaceId, destination.conversationId)
        : await references.personal(workspaceId, destination.userId);
    if (reference) return { send: () => deliver(reference, message), stored: true };
    if (destination.kind === 'conversation')
      return 'the bot has no record of this Teams conversation (it was removed, or never installed there)';
    const service = await references.service(workspaceId);
    if (!service) return 'the bot has not been used in this Teams tenant yet, so it cannot open a personal chat';
    const target = { workspaceId, service, person: { id: destination.userId } };
    return { send: () => openPersonalChat(options, target, messageActivity(message)), stored: false };
  }

  return {
    async send(workspaceId: WorkspaceId, destination: Destination, message: Message): Promise<DeliveryResult> {
      const route = await routeTo(workspaceId, destination, message);
      if (typeof route === 'string') return { ok: false, retryable: false, reason: route };
      for (let attempt = 1; ; attempt++) {
        try {
          const messageId = await route.send();
          return { ok: true, ...(messageId ? { messageId } : {}) };
        } catch (error) {
          const { statusCode, code, message: text } = describeConnectorError(error);
          if (route.stored && statusCode === 403 && code === 'BotNotInConversationRoster') {
            if (destination.kind === 'conversation') await references.forgetConversation(workspaceId, destination.conversationId);
            else await references.forgetPersonal(workspaceId, destination.userId);
            logger.info(
              { workspaceId, destination: destination.kind },
              'Teams says the bot is no longer in this conversation; its reference is deleted',
            );
            return { ok: false, retryable: false, reason: 'the bot is no longer in this conversation (BotNotInConversationRoster)' };
          }
          if (!TRANSIENT(statusCode) || attempt >= 2) {
            const what = route.stored
              ? 'Teams answered'
              : 'Teams would not open a personal chat with this person (is the app installed where they are?) and answered';
            return {
              ok: false,
              retryable: TRANSIENT(statusCode),
              reason: `${what} ${statusCode ?? 'with an error'}${code ? ` ${code}` : ''}: ${text ?? 'no details'}`,
            };
          }
          if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random())));
        }
      }
    },
  };
}
