/**
 * Coverage and freshness of customer knowledge (ISO 9001 5.1.2), computed once for the digest,
 * the dashboard and the audit pack: per kind the latest record and its age, the kinds never
 * recorded or older than their review period, the share of requirements traced to a source and
 * the share about future needs, and who is responsible for each area. Pure: no I/O.
 */
import { KNOWLEDGE_KINDS, type KnowledgeKind, type KnowledgeRecord } from '../domain/knowledge.js';
import type { Requirement } from '../domain/requirement.js';
import type { Responsibility, ResponsibilityArea } from '../domain/responsibility.js';
import type { IsoDate, PersonRef } from '../domain/shared.js';

/** How often each kind should be renewed unless an admin says otherwise. */
export const DEFAULT_KNOWLEDGE_REVIEW_MONTHS = 12;
export const MAX_KNOWLEDGE_REVIEW_MONTHS = 120;

/** Kinds whose absence is worth a flag: "other" is a catch-all nobody is expected to hold. */
export const EXPECTED_KINDS: readonly KnowledgeKind[] = KNOWLEDGE_KINDS.filter((kind) => kind !== 'other');

export interface KindCoverage {
  readonly kind: KnowledgeKind;
  readonly latest?: KnowledgeRecord;
  readonly count: number;
  /** Whole calendar months since the latest record's date. */
  readonly ageMonths?: number;
  readonly reviewMonths: number;
  /** The day the kind becomes stale: the latest record's date plus the review period. */
  readonly dueOn?: IsoDate;
  readonly stale: boolean;
  /** Whom to ask about it: the latest record's owner, or for regulatory watch whoever watches obligatory requirements. */
  readonly responsible?: PersonRef;
}

export interface KnowledgeCoverage {
  readonly kinds: readonly KindCoverage[];
  /** Expected kinds with no record at all. */
  readonly neverRecorded: readonly KnowledgeKind[];
  readonly stale: readonly KindCoverage[];
  readonly requirements: {
    /** Requirements that are not retired. */
    readonly active: number;
    /** Of those, traced to a source: a knowledge record (either way round) or a stated source. */
    readonly traced: number;
    readonly future: number;
  };
  readonly responsibilities: readonly { readonly area: ResponsibilityArea; readonly responsibility?: Responsibility }[];
  readonly unassigned: readonly ResponsibilityArea[];
}

/** `date` plus whole months, clamped to the month's last day (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole calendar months from `from` to `to` (0 within the first month). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0));
}

export function knowledgeCoverage(input: {
  readonly records: readonly KnowledgeRecord[];
  readonly requirements: readonly Requirement[];
  readonly responsibilities: readonly { readonly area: ResponsibilityArea; readonly responsibility?: Responsibility }[];
  readonly today: IsoDate;
  readonly reviewMonths?: Readonly<Partial<Record<KnowledgeKind, number>>>;
}): KnowledgeCoverage {
  const { records, today } = input;
  const watcher = input.responsibilities.find((row) => row.area === 'obligatory')?.responsibility?.person;
  const kinds = KNOWLEDGE_KINDS.map((kind): KindCoverage => {
    const ofKind = records.filter((record) => record.kind === kind && record.date <= today);
    const latest = ofKind.reduce<KnowledgeRecord | undefined>(
      (best, record) => (!best || record.date > best.date || (record.date === best.date && record.number > best.number) ? record : best),
      undefined,
    );
    const reviewMonths = input.reviewMonths?.[kind] ?? DEFAULT_KNOWLEDGE_REVIEW_MONTHS;
    const dueOn = latest ? addMonths(latest.date, reviewMonths) : undefined;
    const responsible = latest?.owner ?? (kind === 'regulatory-watch' ? watcher : undefined);
    return {
      kind,
      count: ofKind.length,
      reviewMonths,
      stale: dueOn !== undefined && dueOn <= today,
      ...(latest ? { latest, ageMonths: monthsBetween(latest.date, today) } : {}),
      ...(dueOn ? { dueOn } : {}),
      ...(responsible ? { responsible } : {}),
    };
  });
  const informed = new Set(records.flatMap((record) => record.requirementIds));
  const active = input.requirements.filter((requirement) => requirement.status !== 'retired');
  const traced = active.filter(
    (requirement) =>
      informed.has(requirement.id) ||
      (requirement.knowledgeIds?.length ?? 0) > 0 ||
      (requirement.checkRefs?.length ?? 0) > 0 ||
      requirement.source !== undefined,
  );
  return {
    kinds,
    neverRecorded: EXPECTED_KINDS.filter((kind) => !kinds.find((row) => row.kind === kind)?.latest),
    stale: kinds.filter((row) => row.stale),
    requirements: {
      active: active.length,
      traced: traced.length,
      future: active.filter((requirement) => requirement.horizon === 'future').length,
    },
    responsibilities: input.responsibilities,
    unassigned: input.responsibilities.filter((row) => !row.responsibility).map((row) => row.area),
  };
}

/** A share as a whole percentage, or a dash when there is nothing to count. */
export const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);
