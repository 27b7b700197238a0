/** What the person who sent a digest or clicked *Reviewed* is told. Pure. */
import { type Message, textMessage } from '../messages.js';
import type { SentDigest } from './on-demand.js';
import { recipientLabel } from './recipients.js';
import { plural } from '../wording.js';

export function digestSent(sent: SentDigest): Message {
  const total = sent.deliveries.length;
  const failed = sent.deliveries.filter((report) => report.outcome === 'failed');
  const recipients = plural(total, 'recipient');
  if (failed.length === 0) return textMessage(`Sent the digest to ${recipients}, and kept it as evidence.`);
  const reasons = failed
    .map((report) => `${recipientLabel(report.recipient)}: ${report.outcome === 'failed' ? report.reason : ''}`)
    .join('; ');
  return textMessage(
    `Sent the digest to ${total - failed.length} of ${recipients}, and kept it as evidence. Not delivered to ${reasons}. ` +
      'Check that the bot is still in those conversations, then send again.',
  );
}

export function digestReviewed(firstTime: boolean): Message {
  return textMessage(
    firstTime
      ? 'Recorded: you reviewed this digest. That is the management-review record (ISO 9001 9.3.2).'
      : 'Your review of this digest was already recorded; nothing more to do.',
  );
}
