/**
 * Tables for export, in the product's one CSV format (see csv.ts). Columns are stable: auditors'
 * spreadsheets and scripts depend on them.
 */
import { toCsv } from './csv.js';
import type { EvidenceEntry } from './domain/evidence.js';
import { personLabel } from './domain/person.js';
import type { Requirement } from './domain/requirement.js';

export const REQUIREMENT_COLUMNS = [
  'id',
  'statement',
  'customer',
  'type',
  'reference',
  'category',
  'status',
  'horizon',
  'owner',
  'owner_id',
  'review_interval_days',
  'next_review_on',
  'source',
  'source_link',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
];

export function requirementsToCsv(requirements: readonly Requirement[]): string {
  return toCsv(
    REQUIREMENT_COLUMNS,
    requirements.map((r) => [
      r.id,
      r.statement,
      r.customer,
      r.type,
      r.reference,
      r.category,
      r.status,
      r.horizon,
      r.owner?.name ?? r.owner?.id,
      r.owner?.id,
      r.reviewIntervalDays,
      r.nextReviewOn,
      r.source?.text,
      r.source?.link,
      r.createdAt,
      personLabel(r.createdBy),
      r.updatedAt,
      personLabel(r.updatedBy),
    ]),
  );
}

export const EVIDENCE_COLUMNS = ['seq', 'at', 'type', 'actor_id', 'subject_kind', 'subject_id', 'data', 'personal', 'hash'];

/** Structured fields are JSON inside their cell, so nothing is lost in the export. */
export function evidenceToCsv(entries: readonly EvidenceEntry[]): string {
  return toCsv(
    EVIDENCE_COLUMNS,
    entries.map((entry) => [
      entry.seq,
      entry.at,
      entry.type,
      entry.actorId,
      entry.subject.kind,
      entry.subject.id,
      JSON.stringify(entry.data),
      JSON.stringify(entry.personal),
      entry.hash,
    ]),
  );
}
