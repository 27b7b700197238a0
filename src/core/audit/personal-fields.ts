/**
 * Whose personal data each personal field of an evidence entry is, and which text is a message
 * snapshot. Used by erasure (one person's fields everywhere) and retention (snapshot text).
 *
 * - Names belong to the person they name: `actorName` to the actor, `ownerName` to `data.ownerId`…
 * - A decision's text (and its permalink) belongs to whoever made the decision, else to the actor.
 * - Other free text belongs to whoever wrote it, the actor: answers' explanations, action
 *   descriptions, review and closing notes.
 * - Requirement statements and customer feedback are the organisation's register and the
 *   customer's words, not the recording person's: erasing that person keeps them (their name goes).
 */
import type { EvidenceEntry } from '../domain/evidence.js';

type Owner = (entry: EvidenceEntry) => unknown;

const NAME_OWNERS: Readonly<Record<string, Owner>> = {
  actorName: (entry) => entry.actorId,
  decidedByName: (entry) => entry.data.decidedById,
  ownerName: (entry) => entry.data.ownerId,
  fromName: (entry) => entry.data.fromId,
  toName: (entry) => entry.data.toId,
  personName: (entry) => (entry.subject.kind === 'person' ? entry.subject.id : undefined),
};

const KEPT_ON_ERASURE: Readonly<Record<string, ReadonlySet<string>>> = {
  'requirement.created': new Set(['statement', 'customer', 'reference', 'source', 'sourceLink']),
  'requirement.changed': new Set(['statement', 'customer', 'reference', 'source', 'sourceLink']),
  'feedback.recorded': new Set(['summary', 'customer', 'sourceLink']),
};

/** The message snapshot fields that snapshot retention removes, per entry type. */
export const SNAPSHOT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'check.started': ['text'],
};

const decisionOwner = (entry: EvidenceEntry): unknown => entry.data.decidedById ?? entry.actorId;

/** The person a personal field of `entry` belongs to (a platform user id), or undefined when nobody's. */
export function fieldOwner(entry: EvidenceEntry, field: string): string | undefined {
  const named = NAME_OWNERS[field];
  let owner: unknown;
  if (named) owner = named(entry);
  else if (KEPT_ON_ERASURE[entry.type]?.has(field)) owner = undefined;
  else if (entry.type === 'check.started' && (field === 'text' || field === 'permalink')) owner = decisionOwner(entry);
  else owner = entry.actorId;
  return typeof owner === 'string' && owner !== '' ? owner : undefined;
}

/** The still-present personal fields of `entry` that belong to `userId`. */
export function fieldsOfPerson(entry: EvidenceEntry, userId: string): string[] {
  return Object.keys(entry.personalHashes).filter((field) => typeof entry.personal[field] === 'string' && fieldOwner(entry, field) === userId);
}

/** The still-present snapshot fields of `entry`. */
export function snapshotFieldsOf(entry: EvidenceEntry): string[] {
  return (SNAPSHOT_FIELDS[entry.type] ?? []).filter((field) => typeof entry.personal[field] === 'string');
}
