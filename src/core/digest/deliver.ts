/** One send through the platform's messenger, never throwing for a delivery that failed. */
import type { WorkspaceId } from '../domain/shared.js';
import type { Message } from '../messages.js';
import type { DeliveryResult, Messengers } from '../ports.js';
import type { Recipient } from './recipients.js';

export async function deliver(
  messengers: Messengers,
  workspaceId: WorkspaceId,
  recipient: Recipient,
  message: Message,
): Promise<DeliveryResult> {
  const messenger = messengers.for(recipient.platform);
  if (!messenger) return { ok: false, retryable: false, reason: `the bot is not connected to ${recipient.platform} here` };
  try {
    return await messenger.send(workspaceId, recipient.destination, message);
  } catch (error) {
    // Messengers report delivery failures as results; anything thrown is unexpected (a bug or an
    // outage), so it is worth another try on the next run rather than a lost recipient.
    return { ok: false, retryable: true, reason: `sending failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** What happened for one recipient, for the log and the sender's confirmation. */
export type DeliveryReport =
  | { readonly recipient: Recipient; readonly outcome: 'sent' }
  | { readonly recipient: Recipient; readonly outcome: 'failed'; readonly retryable: boolean; readonly reason: string }
  | {
      readonly recipient: Recipient;
      readonly outcome: 'skipped';
      readonly why: 'already delivered or given up' | 'another instance is sending';
    };

export const reportOf = (recipient: Recipient, result: DeliveryResult): DeliveryReport =>
  result.ok ? { recipient, outcome: 'sent' } : { recipient, outcome: 'failed', retryable: result.retryable, reason: result.reason };
