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
 * - The digest's text quotes many people at once (names, decision and action excerpts). It is
 *   nobody's in particular, so erasure redacts it whole wherever it shows one of the person's
 *   traces (their id, a name of theirs, the start of a text of theirs).
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
  'knowledge.recorded': new Set(['title', 'summary', 'customers', 'link', 'fileName']),
};

/** Fields that quote several people's names and words, per entry type (see `PersonTraces`). */
export const QUOTING_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'digest.sent': ['content'],
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
  else if (QUOTING_FIELDS[entry.type]?.includes(field)) owner = undefined;
  else if (KEPT_ON_ERASURE[entry.type]?.has(field)) owner = undefined;
  else if (entry.type === 'check.started' && (field === 'text' || field === 'permalink')) owner = decisionOwner(entry);
  else owner = entry.actorId;
  return typeof owner === 'string' && owner !== '' ? owner : undefined;
}

/** The still-present personal fields of `entry` that belong to `userId`. */
export function fieldsOfPerson(entry: EvidenceEntry, userId: string): string[] {
  return Object.keys(entry.personalHashes).filter(
    (field) => typeof entry.personal[field] === 'string' && fieldOwner(entry, field) === userId,
  );
}

/** The still-present snapshot fields of `entry`. */
export function snapshotFieldsOf(entry: EvidenceEntry): string[] {
  return (SNAPSHOT_FIELDS[entry.type] ?? []).filter((field) => typeof entry.personal[field] === 'string');
}

/** The still-present quoting fields of `entry`. */
export function quotingFieldsOf(entry: EvidenceEntry): string[] {
  return (QUOTING_FIELDS[entry.type] ?? []).filter((field) => typeof entry.personal[field] === 'string');
}

/** The texts, besides names, that the digest quotes: decisions (with their link) and follow-up actions. */
const QUOTED_TEXTS: Readonly<Record<string, readonly string[]>> = {
  'check.started': ['text', 'permalink'],
  'action.created': ['description'],
};
/**
 * The digest quotes a text as its first 119 characters or more (src/core/digest/render.ts
 * `excerpt`), so this much of the start of a text is always shown verbatim.
 */
const QUOTED_PREFIX = 100;
const WORD = '[\\p{L}\\p{N}_]';
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a quoting text may show of one person: their id (shown when no name is known), their names
 * and the start of the decisions and actions they wrote, each matched as whole words so that "Al"
 * does not match "All". Collected from the person's own fields before those are redacted.
 */
export class PersonTraces {
  private readonly patterns = new Map<string, RegExp>();

  constructor(userId: string) {
    this.add(userId, true);
  }

  /** Adds field `field` of `entry`, one of the person's own, if the digest could quote it. */
  addField(entry: EvidenceEntry, field: string): void {
    const value = entry.personal[field];
    if (typeof value !== 'string') return;
    const text = value.trim();
    if (field in NAME_OWNERS) this.add(text, true);
    else if (QUOTED_TEXTS[entry.type]?.includes(field)) {
      if (text.length <= QUOTED_PREFIX) this.add(text, true);
      else this.add(text.slice(0, QUOTED_PREFIX), false);
    }
  }

  foundIn(text: string): boolean {
    for (const pattern of this.patterns.values()) if (pattern.test(text)) return true;
    return false;
  }

  private add(text: string, whole: boolean): void {
    if (text === '' || this.patterns.has(text)) return;
    this.patterns.set(text, new RegExp(`(?<!${WORD})${escapeRegExp(text)}${whole ? `(?!${WORD})` : ''}`, 'u'));
  }
}
