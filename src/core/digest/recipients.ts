/**
 * Who receives a workspace's digest: the conversations where someone ran `digest here`, and a
 * direct message to everyone with the manager role (on the workspace's own platform).
 */
import type { Platform } from '../domain/shared.js';
import type { Workspace } from '../domain/workspace.js';
import type { CoreDeps, Destination } from '../ports.js';

export interface Recipient {
  readonly platform: Platform;
  readonly destination: Destination;
}

/** A recipient as stored in the digest's evidence entry: plain facts (ids), no names. */
export interface RecipientFact {
  readonly platform: Platform;
  readonly kind: Destination['kind'];
  readonly id: string;
  [key: string]: string;
}

export const destinationId = (destination: Destination): string =>
  destination.kind === 'conversation' ? destination.conversationId : destination.userId;

export const recipientFact = (recipient: Recipient): RecipientFact => ({
  platform: recipient.platform,
  kind: recipient.destination.kind,
  id: destinationId(recipient.destination),
});

export function recipientFromFact(fact: RecipientFact): Recipient {
  const destination: Destination =
    fact.kind === 'conversation' ? { kind: 'conversation', conversationId: fact.id } : { kind: 'person', userId: fact.id };
  return { platform: fact.platform, destination };
}

/** A stable key per recipient, for claims: `slack:conversation:C123`. */
export const recipientKey = (recipient: Recipient): string =>
  `${recipient.platform}:${recipient.destination.kind}:${destinationId(recipient.destination)}`;

/** How the log and the confirmation name a recipient, without looking anyone up. */
export const recipientLabel = (recipient: Recipient): string =>
  recipient.destination.kind === 'conversation'
    ? `conversation ${recipient.destination.conversationId}`
    : `manager ${recipient.destination.userId}`;

export async function digestRecipients(deps: Pick<CoreDeps, 'roles'>, workspace: Workspace): Promise<Recipient[]> {
  const conversations: Recipient[] = (workspace.settings.digestTargets ?? []).map((target) => ({
    platform: target.platform,
    destination: { kind: 'conversation', conversationId: target.channelId },
  }));
  const managers: Recipient[] = (await deps.roles.listByRole(workspace.id, 'manager')).map((assignment) => ({
    platform: workspace.platform,
    destination: { kind: 'person', userId: assignment.userId },
  }));
  const seen = new Set<string>();
  return [...conversations, ...managers].filter((recipient) => {
    const key = recipientKey(recipient);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
