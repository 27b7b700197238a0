import { createHash } from 'node:crypto';
import type { IsoTimestamp, WorkspaceId } from './shared.js';

export const EVIDENCE_TYPES = [
  'requirement.created',
  'requirement.changed',
  'requirement.reviewed',
  'requirement.reassigned',
  'requirement.retired',
  'check.started',
  'check.answered',
  'check.dismissed',
  'action.created',
  'action.closed',
  'feedback.recorded',
  'knowledge.recorded',
  'responsibility.set',
  'digest.sent',
  'digest.reviewed',
  'settings.changed',
  'role.changed',
  'link.issued',
  'link.revoked',
  'evidence.exported',
  'evidence.redacted',
  'person.erased',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What a use case hands to the evidence log; the log adds the sequence number and hashes. */
export interface EvidenceDraft {
  readonly workspaceId: WorkspaceId;
  readonly type: EvidenceType;
  readonly at: IsoTimestamp;
  readonly actorId: string;
  /** What the entry is about, e.g. `{ kind: 'requirement', id: 'REQ-4' }`. */
  readonly subject: { readonly kind: string; readonly id: string };
  /** Facts that are neither personal nor free text: ids, types, statuses, dates. */
  readonly data: { readonly [key: string]: JsonValue };
  /**
   * Personal and free-text fields (names, message snapshots, quotes). They enter the entry's hash
   * only through their own SHA-256, so they can be redacted later without breaking verification.
   */
  readonly personal: { readonly [key: string]: string };
}

export interface EvidenceEntry {
  readonly workspaceId: WorkspaceId;
  /** Per-workspace sequence number from the store's atomic counter, starting at 1. */
  readonly seq: number;
  readonly type: EvidenceType;
  readonly at: IsoTimestamp;
  readonly actorId: string;
  readonly subject: { readonly kind: string; readonly id: string };
  readonly data: { readonly [key: string]: JsonValue };
  /** Field → text, or `null` once redacted. */
  readonly personal: { readonly [key: string]: string | null };
  readonly personalHashes: { readonly [key: string]: string };
  /** SHA-256 over the canonical serialisation of every field above except `personal`. */
  readonly hash: string;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The entry's own hash: over every field but the personal texts, which enter through their hashes. */
export function entryHash(entry: Omit<EvidenceEntry, 'hash' | 'personal'>): string {
  return sha256(
    canonicalJson({
      workspaceId: entry.workspaceId,
      seq: entry.seq,
      type: entry.type,
      at: entry.at,
      actorId: entry.actorId,
      subject: entry.subject,
      data: entry.data,
      personalHashes: entry.personalHashes,
    }),
  );
}

/** Turns a draft into a sealed-ready entry once the log has given it its sequence number. */
export function toEvidenceEntry(draft: EvidenceDraft, seq: number): EvidenceEntry {
  const personalHashes = Object.fromEntries(Object.entries(draft.personal).map(([field, text]) => [field, sha256(text)]));
  const body = {
    workspaceId: draft.workspaceId,
    seq,
    type: draft.type,
    at: draft.at,
    actorId: draft.actorId,
    subject: draft.subject,
    data: draft.data,
    personalHashes,
  };
  return { ...body, personal: { ...draft.personal }, hash: entryHash(body) };
}
