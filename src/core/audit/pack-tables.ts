/**
 * The audit pack's CSV tables, in the product's one CSV format (csv.ts). Columns are stable:
 * auditors' spreadsheets depend on them. Structured values are JSON inside their cell.
 */
import { toCsv } from '../csv.js';
import type { DecisionCheck, FollowUpAction, ImpactAnswer } from '../domain/decision-check.js';
import type { EvidenceEntry, EvidenceType } from '../domain/evidence.js';
import type { CustomerFeedback } from '../domain/feedback.js';
import type { KnowledgeRecord } from '../domain/knowledge.js';
import type { Responsibility, ResponsibilityArea } from '../domain/responsibility.js';
import { personLabel } from '../domain/person.js';
import type { RequirementReview } from '../domain/requirement.js';
import type { RoleAssignment } from '../domain/workspace.js';

export function checksToCsv(checks: readonly DecisionCheck[]): string {
  return toCsv(
    [
      'id',
      'started_at',
      'origin',
      'platform',
      'channel_id',
      'channel_name',
      'thread_id',
      'message_id',
      'permalink',
      'decision_text',
      'decided_by',
      'decided_by_id',
      'started_by',
      'started_by_id',
      'status',
      'dismissed_at',
      'dismissed_by',
    ],
    checks.map((c) => [
      c.id,
      c.startedAt,
      c.origin,
      c.place.platform,
      c.place.channelId,
      c.place.channelName,
      c.place.threadId,
      c.place.messageId,
      c.place.permalink,
      c.text,
      personLabel(c.decidedBy),
      c.decidedBy?.id,
      personLabel(c.startedBy),
      c.startedBy.id,
      c.status,
      c.dismissedAt,
      personLabel(c.dismissedBy),
    ]),
  );
}

export function answersToCsv(answers: readonly ImpactAnswer[]): string {
  return toCsv(
    [
      'check_id',
      'answer_id',
      'at',
      'by',
      'by_id',
      'impact',
      'affected_customers',
      'requirement_ids',
      'explanation',
      'supersedes',
      'action_id',
    ],
    answers.map((a) => [
      a.checkId,
      a.id,
      a.at,
      personLabel(a.by),
      a.by.id,
      a.impact,
      a.affectedCustomers.join('; '),
      a.requirementIds.join(' '),
      a.explanation,
      a.supersedes,
      a.actionId,
    ]),
  );
}

export function actionsToCsv(actions: readonly FollowUpAction[]): string {
  return toCsv(
    [
      'id',
      'check_id',
      'answer_id',
      'status',
      'description',
      'owner',
      'owner_id',
      'due_on',
      'accepted_reason',
      'created_at',
      'created_by',
      'closed_at',
      'closed_by',
      'closing_note',
    ],
    actions.map((a) => [
      a.id,
      a.checkId,
      a.answerId,
      a.status,
      a.description,
      personLabel(a.owner),
      a.owner?.id,
      a.dueOn,
      a.acceptedReason,
      a.createdAt,
      personLabel(a.createdBy),
      a.closedAt,
      personLabel(a.closedBy),
      a.closingNote,
    ]),
  );
}

export function feedbackToCsv(feedback: readonly CustomerFeedback[]): string {
  return toCsv(
    ['id', 'received_at', 'customer', 'kind', 'sentiment', 'summary', 'source_link', 'requirement_ids', 'recorded_at', 'recorded_by'],
    feedback.map((f) => [
      f.id,
      f.receivedAt,
      f.customer,
      f.kind,
      f.sentiment,
      f.summary,
      f.sourceLink,
      f.requirementIds.join(' '),
      f.recordedAt,
      personLabel(f.recordedBy),
    ]),
  );
}

/** Customer-knowledge records (ISO 9001 5.1.2): the sources requirements were determined from. */
export function knowledgeToCsv(records: readonly KnowledgeRecord[]): string {
  return toCsv(
    [
      'id',
      'date',
      'kind',
      'title',
      'link',
      'file_name',
      'customers',
      'horizon',
      'owner',
      'owner_id',
      'requirement_ids',
      'summary',
      'recorded_at',
      'recorded_by',
    ],
    records.map((k) => [
      k.id,
      k.date,
      k.kind,
      k.title,
      k.link,
      k.fileName,
      k.customers,
      k.horizon,
      personLabel(k.owner),
      k.owner?.id,
      k.requirementIds.join(' '),
      k.summary,
      k.recordedAt,
      personLabel(k.recordedBy),
    ]),
  );
}

export function responsibilitiesToCsv(
  rows: readonly { readonly area: ResponsibilityArea; readonly responsibility?: Responsibility }[],
): string {
  return toCsv(
    ['area', 'responsible', 'responsible_id', 'set_by', 'set_by_id', 'set_at'],
    rows.map(({ area, responsibility: r }) => [area, personLabel(r?.person), r?.person.id, personLabel(r?.setBy), r?.setBy.id, r?.setAt]),
  );
}

/** Review id → the digests of the period whose `digest.sent` entry says they reported it. */
export function digestsByReview(entries: readonly EvidenceEntry[]): Map<string, string[]> {
  const digests = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.type !== 'digest.sent' || !Array.isArray(entry.data.reviewIds)) continue;
    for (const reviewId of entry.data.reviewIds) {
      if (typeof reviewId === 'string') digests.set(reviewId, [...(digests.get(reviewId) ?? []), entry.subject.id]);
    }
  }
  return digests;
}

/** The reviews, each with the digests that reported it (the chain requirement → review → digest). */
export function reviewsToCsv(reviews: readonly RequirementReview[], entries: readonly EvidenceEntry[] = []): string {
  const digests = digestsByReview(entries);
  return toCsv(
    ['requirement_id', 'review_id', 'at', 'outcome', 'note', 'by', 'by_id', 'reported_in_digests'],
    reviews.map((r) => [r.requirementId, r.id, r.at, r.outcome, r.note, personLabel(r.by), r.by.id, (digests.get(r.id) ?? []).join(' ')]),
  );
}

export function rolesToCsv(roles: readonly RoleAssignment[]): string {
  return toCsv(
    ['user_id', 'role', 'assigned_by', 'assigned_at'],
    roles.map((r) => [r.userId, r.role, r.assignedBy, r.assignedAt]),
  );
}

/** Evidence entries of the given types as a trail: who did what, when, with the change as JSON. */
export function trailToCsv(entries: readonly EvidenceEntry[], types: ReadonlySet<EvidenceType>): string {
  return toCsv(
    ['seq', 'at', 'type', 'actor_id', 'actor_name', 'subject_kind', 'subject_id', 'details', 'entry_hash'],
    entries
      .filter((entry) => types.has(entry.type))
      .map((e) => [
        e.seq,
        e.at,
        e.type,
        e.actorId,
        e.personal.actorName ?? '',
        e.subject.kind,
        e.subject.id,
        JSON.stringify(e.data),
        e.hash,
      ]),
  );
}

export const DIGEST_TYPES: ReadonlySet<EvidenceType> = new Set(['digest.sent', 'digest.reviewed']);
export const SETTINGS_TRAIL_TYPES: ReadonlySet<EvidenceType> = new Set([
  'settings.changed',
  'role.changed',
  'responsibility.set',
  'link.issued',
  'link.revoked',
  'evidence.exported',
  'evidence.redacted',
  'person.erased',
]);
