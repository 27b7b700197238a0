/**
 * Customer knowledge: a source the organisation used to learn what customers need (market
 * research, end-user surveys, design briefs, regulatory watch…). Auditors ask for these under
 * ISO 9001 5.1.2 ("how do you determine customer requirements?"); requirements name them as
 * their sources (`source:K-3`), so the chain source → requirement → review → digest can be followed.
 */
import { parseCheckRef } from './decision-check.js';
import type { Horizon } from './requirement.js';
import type { IsoDate, IsoTimestamp, Person, PersonRef, WorkspaceId } from './shared.js';

export const KNOWLEDGE_KINDS = [
  'market-research',
  'end-user-survey',
  'customer-profile',
  'design-brief',
  'trade-press',
  'independent-review',
  'marketing-plan',
  'sales-procedure',
  'regulatory-watch',
  'other',
] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** Kinds as people read them: "market research", "end-user survey". */
export const knowledgeKindLabel = (kind: KnowledgeKind): string => kind.replace(/-/g, ' ').replace('end user', 'end-user');

export interface KnowledgeRecord {
  readonly workspaceId: WorkspaceId;
  /** `K-<number>`, unique per workspace. */
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly kind: KnowledgeKind;
  /** When the study was finished or the document published (never in the future). */
  readonly date: IsoDate;
  readonly link?: string;
  readonly fileName?: string;
  /** The customers or segments it is about. */
  readonly customers?: string;
  readonly horizon: Horizon;
  readonly owner?: PersonRef;
  /** Requirements it informed, as said when it was recorded. */
  readonly requirementIds: readonly string[];
  /** What it found, in a few sentences. */
  readonly summary?: string;
  readonly recordedBy: Person;
  readonly recordedAt: IsoTimestamp;
}

export const knowledgeId = (n: number): string => `K-${n}`;

/** Accepts `K-3`, `k3`; returns the canonical id or undefined. */
export function parseKnowledgeId(raw: string): string | undefined {
  const match = /^k-?(\d{1,9})$/i.exec(raw.trim());
  return match ? knowledgeId(Number(match[1])) : undefined;
}

/** Sources a requirement names by reference: customer-knowledge records and decision checks. */
export interface SourceRefs {
  readonly knowledgeIds: string[];
  readonly checkRefs: string[];
}

/**
 * The references in a requirement's `source:` value, when the value is nothing but references
 * (`K-3`, `K-3,D-12`); undefined when it is a description such as "contract §4".
 */
export function sourceRefsIn(text: string): SourceRefs | undefined {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const knowledgeIds: string[] = [];
  const checkRefs: string[] = [];
  for (const part of parts) {
    const knowledge = parseKnowledgeId(part);
    const check = knowledge ? undefined : parseCheckRef(part);
    if (knowledge) knowledgeIds.push(knowledge);
    else if (check) checkRefs.push(check);
    else return undefined;
  }
  return { knowledgeIds: [...new Set(knowledgeIds)], checkRefs: [...new Set(checkRefs)] };
}
