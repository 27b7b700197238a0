/**
 * Redaction without breaking verification: a redacted personal field becomes null in its evidence
 * entry, and its hash stays, so the entry (and every seal over it) still verifies.
 *
 * - Snapshot retention (per workspace, default keep): decision-message text older than the period.
 * - Erasure of one person (a data-protection request): their names and the text they wrote, in the
 *   evidence log and in the stored records.
 */
import type { DecisionCheck } from '../domain/decision-check.js';
import type { EvidenceEntry } from '../domain/evidence.js';
import type { Actor, Person, PersonRef, WorkspaceId } from '../domain/shared.js';
import { SYSTEM_ACTOR_ID } from '../domain/shared.js';
import type { CoreDeps, PersonalRewrite } from '../ports.js';
import { requirePermission } from '../use-cases/access.js';
import { recordEvidence } from '../use-cases/record-evidence.js';
import { requireWorkspace } from '../use-cases/workspaces.js';
import { PersonTraces, fieldsOfPerson, quotingFieldsOf, snapshotFieldsOf } from './personal-fields.js';

/** What redacted text reads as in stored records (the evidence log holds null instead). */
export const REDACTED_TEXT = '[redacted]';
export const SNAPSHOT_REMOVED_TEXT = '[message text removed after the retention period]';

const DAY_MS = 86_400_000;
/** Retention walks the log a week at a time, so a first run over years of history stays small. */
const RETENTION_WINDOW_MS = 7 * DAY_MS;
const READ_BATCH = 1000;

export interface RetentionOutcome {
  readonly entries: number;
  readonly checks: number;
  /** Snapshots older than this were redacted; undefined when the workspace keeps them. */
  readonly before?: string;
}

/** Redacts decision-message snapshots older than the workspace's retention period. Idempotent. */
export async function applyRetention(deps: CoreDeps, workspaceId: WorkspaceId): Promise<RetentionOutcome> {
  const workspace = await requireWorkspace(deps, workspaceId);
  const days = workspace.settings.snapshotRetentionDays;
  if (!days) return { entries: 0, checks: 0 };
  const now = deps.clock.now();
  const cutoff = now.getTime() - days * DAY_MS;
  const mark = await deps.privacy.retainedUntil(workspaceId);
  // The first run starts a day before the workspace was registered: first-contact entries may be
  // timed a little earlier than the workspace record.
  let from = mark ? Date.parse(mark) : Date.parse(workspace.createdAt) - DAY_MS;
  let entries = 0;
  const checks = new Set<string>();
  while (from < cutoff) {
    const to = Math.min(cutoff, from + RETENTION_WINDOW_MS);
    for (const entry of await deps.evidence.listBetween(workspaceId, { from: new Date(from), to: new Date(to) })) {
      const fields = snapshotFieldsOf(entry);
      if (fields.length === 0) continue;
      await deps.privacy.redact(workspaceId, entry.seq, fields);
      entries += 1;
      if (entry.subject.kind === 'check') checks.add(entry.subject.id);
    }
    await deps.privacy.setRetainedUntil(workspaceId, new Date(to).toISOString());
    from = to;
  }
  for (const checkId of checks) {
    await deps.checks.update(workspaceId, checkId, (check) =>
      check.text === SNAPSHOT_REMOVED_TEXT ? check : { ...check, text: SNAPSHOT_REMOVED_TEXT },
    );
  }
  const before = new Date(cutoff).toISOString();
  if (entries > 0) {
    await recordEvidence(deps, { id: SYSTEM_ACTOR_ID, workspaceId }, now, {
      type: 'evidence.redacted',
      subject: { kind: 'workspace', id: workspaceId },
      data: { reason: 'retention', retentionDays: days, before, entries, checks: checks.size },
    });
  }
  return { entries, checks: checks.size, before };
}

export interface ErasureOutcome {
  readonly userId: string;
  /** Evidence entries with at least one field redacted, and how many fields in all. */
  readonly entries: number;
  readonly fields: number;
  /** Stored records changed, per kind. */
  readonly records: Readonly<Record<keyof PersonalRewrite, number>>;
}

/**
 * Redacts one person's personal fields everywhere: their names and the text they wrote, in every
 * evidence entry and every stored record, and the text of every digest that quotes them. Ids stay
 * (they are what the log is organised by); the erasure itself is recorded as evidence. Admins only.
 */
export async function erasePerson(deps: CoreDeps, actor: Actor, rawUserId: string): Promise<ErasureOutcome> {
  await requirePermission(deps, actor, 'settings.change');
  const userId = rawUserId.trim();
  const workspaceId = actor.workspaceId;
  await requireWorkspace(deps, workspaceId);
  const lastSeq = await deps.evidence.lastSeq(workspaceId);
  const changed = new Set<number>();
  let fields = 0;
  const traces = new PersonTraces(userId);
  // Digests may quote the person before (or after) the entries their traces are collected from.
  const quoting: number[] = [];
  for (let start = 1; start <= lastSeq; start += READ_BATCH) {
    const slots = await deps.evidence.slots(workspaceId, start, Math.min(lastSeq, start + READ_BATCH - 1));
    for (const entry of slots) {
      if (!entry) continue;
      if (safeQuotingFieldsOf(entry).length > 0) quoting.push(entry.seq);
      const owned = safeFieldsOfPerson(entry, userId);
      if (owned.length === 0) continue;
      for (const field of owned) traces.addField(entry, field);
      await deps.privacy.redact(workspaceId, entry.seq, owned);
      changed.add(entry.seq);
      fields += owned.length;
    }
  }
  for (const seq of quoting) {
    const [entry] = await deps.evidence.slots(workspaceId, seq, seq);
    const mentioning = entry ? safeQuotingFieldsOf(entry).filter((field) => traces.foundIn(entry.personal[field] ?? '')) : [];
    if (mentioning.length === 0) continue;
    await deps.privacy.redact(workspaceId, seq, mentioning);
    changed.add(seq);
    fields += mentioning.length;
  }
  const records = await deps.privacy.rewriteRecords(workspaceId, eraseFromRecords(userId));
  const entries = changed.size;
  await recordEvidence(deps, actor, deps.clock.now(), {
    type: 'person.erased',
    subject: { kind: 'person', id: userId },
    data: { entries, fields, records },
  });
  return { userId, entries, fields, records };
}

// An entry damaged beyond reading is left alone; verify reports it.
function safeFieldsOfPerson(entry: EvidenceEntry, userId: string): string[] {
  try {
    return fieldsOfPerson(entry, userId);
  } catch {
    return [];
  }
}

function safeQuotingFieldsOf(entry: EvidenceEntry): string[] {
  try {
    return quotingFieldsOf(entry);
  } catch {
    return [];
  }
}

const isPerson = (ref: PersonRef | undefined, userId: string): boolean => ref?.id === userId;

/** The person without their name; the same object when there is nothing to remove. */
function nameless<T extends PersonRef | Person>(ref: T, userId: string): T;
function nameless<T extends PersonRef | Person>(ref: T | undefined, userId: string): T | undefined;
function nameless<T extends PersonRef | Person>(ref: T | undefined, userId: string): T | undefined {
  if (!ref || ref.id !== userId || ref.name === undefined) return ref;
  const { name: _name, ...rest } = ref;
  return rest as T;
}

/** Returns `changed` unless it equals `original` field by field (so unchanged records are not rewritten). */
function same<T extends object>(original: T, changed: T): T {
  const keys = new Set([...Object.keys(original), ...Object.keys(changed)]);
  for (const key of keys) {
    if ((original as Record<string, unknown>)[key] !== (changed as Record<string, unknown>)[key]) return changed;
  }
  return original;
}

/** Only defined keys, so removed optional fields do not linger as `undefined`. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

export function eraseFromRecords(userId: string): PersonalRewrite {
  const redactIf = (condition: boolean, text: string | undefined): string | undefined =>
    condition && text !== undefined ? REDACTED_TEXT : text;
  return {
    requirement: (r) =>
      same(
        r,
        defined({
          ...r,
          owner: nameless(r.owner, userId),
          createdBy: nameless(r.createdBy, userId),
          updatedBy: nameless(r.updatedBy, userId),
        }),
      ),
    review: (review) =>
      same(review, defined({ ...review, by: nameless(review.by, userId), note: redactIf(isPerson(review.by, userId), review.note) })),
    check: (check) => {
      const theirs = isPerson(check.decidedBy ?? check.startedBy, userId);
      const place: DecisionCheck['place'] =
        theirs && check.place.permalink !== undefined ? defined({ ...check.place, permalink: undefined }) : check.place;
      return same(
        check,
        defined({
          ...check,
          text: theirs ? REDACTED_TEXT : check.text,
          place,
          startedBy: nameless(check.startedBy, userId),
          decidedBy: nameless(check.decidedBy, userId),
          dismissedBy: nameless(check.dismissedBy, userId),
        }),
      );
    },
    answer: (answer) => {
      const theirs = isPerson(answer.by, userId);
      return same(
        answer,
        defined({
          ...answer,
          by: nameless(answer.by, userId),
          explanation: redactIf(theirs, answer.explanation),
          affectedCustomers: theirs && answer.affectedCustomers.length > 0 ? [] : answer.affectedCustomers,
        }),
      );
    },
    action: (action) => {
      const created = isPerson(action.createdBy, userId);
      return same(
        action,
        defined({
          ...action,
          description: created ? REDACTED_TEXT : action.description,
          acceptedReason: redactIf(created, action.acceptedReason),
          closingNote: redactIf(isPerson(action.closedBy, userId), action.closingNote),
          owner: nameless(action.owner, userId),
          createdBy: nameless(action.createdBy, userId),
          closedBy: nameless(action.closedBy, userId),
        }),
      );
    },
    feedback: (feedback) => same(feedback, defined({ ...feedback, recordedBy: nameless(feedback.recordedBy, userId) })),
    // The sources themselves are the organisation's, not the person's: only their name goes.
    knowledge: (record) =>
      same(record, defined({ ...record, owner: nameless(record.owner, userId), recordedBy: nameless(record.recordedBy, userId) })),
    responsibility: (responsibility) =>
      same(
        responsibility,
        defined({ ...responsibility, person: nameless(responsibility.person, userId), setBy: nameless(responsibility.setBy, userId) }),
      ),
  };
}
