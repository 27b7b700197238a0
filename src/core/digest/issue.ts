/**
 * Building a digest and recording it as evidence. The evidence entry is written before anything is
 * posted and says what was sent (the text, and its hash), to whom (recipient ids) and when: an
 * auditor's record that the management-review input existed (ISO 9001 9.3.2).
 */
import { spellCommands } from '../commands/usage.js';
import { type EvidenceEntry, sha256 } from '../domain/evidence.js';
import type { Actor } from '../domain/shared.js';
import type { Workspace } from '../domain/workspace.js';
import { type Message, messageToPlain } from '../messages.js';
import type { CoreDeps } from '../ports.js';
import { recordEvidence } from '../use-cases/record-evidence.js';
import { digestKeys } from './claim-keys.js';
import { type DigestContent, gatherDigest } from './content.js';
import { type DigestPeriod, weekEndingAt } from './period.js';
import { type Recipient, recipientFact } from './recipients.js';
import { digestMessage } from './render.js';

export interface BuiltDigest {
  readonly content: DigestContent;
  readonly message: Message;
}

/** The digest of the seven days up to `end`, with the *Reviewed* button when it has an id. */
export async function buildDigest(deps: CoreDeps, workspace: Workspace, end: Date, digestId?: string): Promise<BuiltDigest> {
  const period = weekEndingAt(end, workspace.settings.timeZone);
  const content = await gatherDigest(deps, workspace, period);
  return { content, message: digestMessage(content, digestId ? { digestId } : {}) };
}

/** How a digest came to be sent. */
export type DigestKind = 'scheduled' | 'catch-up' | 'manual';

export interface IssueFacts {
  readonly digestId: string;
  readonly kind: DigestKind;
  readonly period: DigestPeriod;
  /** The schedule's slot a scheduled digest belongs to. */
  readonly slot?: Date;
  readonly week?: string;
  readonly recipients: readonly Recipient[];
  readonly built: BuiltDigest;
}

/** Appends the `digest.sent` entry; called before the first recipient is posted to. */
export async function recordIssue(
  deps: CoreDeps,
  actor: Pick<Actor, 'id' | 'name' | 'workspaceId'>,
  at: Date,
  facts: IssueFacts,
): Promise<EvidenceEntry> {
  const text = spellCommands(messageToPlain(facts.built.message), 'teams');
  const { content } = facts.built;
  const entry = await recordEvidence(deps, actor, at, {
    type: 'digest.sent',
    subject: { kind: 'digest', id: facts.digestId },
    data: {
      kind: facts.kind,
      week: facts.week ?? null,
      slot: facts.slot?.toISOString() ?? null,
      periodFrom: facts.period.from.toISOString(),
      periodTo: facts.period.to.toISOString(),
      recipients: facts.recipients.map(recipientFact),
      contentHash: sha256(text),
      // The reviews it reported, so a requirement's reviews can be followed to this digest and back.
      reviewIds: content.register.reviews.map((review) => review.reviewId),
      reviewedRequirementIds: [...new Set(content.register.reviews.map((review) => review.requirementId))],
      figures: {
        obligatoryAtRisk: content.obligatoryAtRisk.length,
        openActions: content.openActions.length,
        overdueActions: content.openActions.filter((item) => item.overdue).length,
        reviewsDue: content.reviewsDue.length,
        checksStarted: content.checks.started,
        checksAnswered: content.checks.answered,
        feedbackReceived: content.feedback.total,
        requirementsAdded: content.register.added,
        requirementsChanged: content.register.changed,
        sealNumber: content.seal?.number ?? null,
      },
    },
    // The text quotes requirements and decisions people wrote: a personal field, redactable.
    personal: { content: text },
  });
  // After the entry, never before: the claim says "this digest's digest.sent entry exists".
  await deps.claims.claim(digestKeys.sent(actor.workspaceId, facts.digestId), String(entry.seq), 0);
  return entry;
}
