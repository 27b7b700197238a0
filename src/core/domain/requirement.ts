import type { IsoDate, IsoTimestamp, Person, PersonRef, WorkspaceId } from './shared.js';

/** ISO 9000's three kinds of requirement. */
export const REQUIREMENT_TYPES = ['stated', 'implied', 'obligatory'] as const;
export type RequirementType = (typeof REQUIREMENT_TYPES)[number];

export const REQUIREMENT_CATEGORIES = ['product', 'price', 'delivery', 'communication', 'service', 'support', 'other'] as const;
export type RequirementCategory = (typeof REQUIREMENT_CATEGORIES)[number];

export const REQUIREMENT_STATUSES = ['open', 'met', 'at_risk', 'not_met', 'retired'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export const HORIZONS = ['current', 'future'] as const;
export type Horizon = (typeof HORIZONS)[number];

/** Outcomes of a requirement review: the status it confirms or moves to. */
/**
 * One notion of "the same requirement" for chat, forms, the command line and imports: the same
 * statement for the same customer, ignoring case and surrounding space.
 */
export const duplicateKey = (statement: string, customer: string): string =>
  `${statement.trim().toLowerCase()}\u0000${customer.trim().toLowerCase()}`;

export const REVIEW_OUTCOMES = ['still_valid', 'met', 'at_risk', 'not_met', 'retire'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const DEFAULT_REVIEW_INTERVAL_DAYS = 90;
export const MAX_REVIEW_INTERVAL_DAYS = 3650;

export interface RequirementSource {
  /** Where the requirement came from: contract, order, survey, complaint, regulation… */
  readonly text?: string;
  readonly link?: string;
}

export interface Requirement {
  readonly workspaceId: WorkspaceId;
  /** `REQ-<number>`, unique per workspace. */
  readonly id: string;
  readonly number: number;
  readonly statement: string;
  /** A named customer, a segment, or end users. */
  readonly customer: string;
  readonly type: RequirementType;
  /** For obligatory requirements: the law, regulation or standard. */
  readonly reference?: string;
  readonly category: RequirementCategory;
  readonly source?: RequirementSource;
  /** Customer-knowledge records it came from (`source:K-3`), see domain/knowledge.ts. */
  readonly knowledgeIds?: readonly string[];
  /** Decision checks it came from (`source:D-12`), see domain/decision-check.ts. */
  readonly checkRefs?: readonly string[];
  readonly horizon: Horizon;
  readonly owner?: PersonRef;
  readonly status: RequirementStatus;
  readonly reviewIntervalDays: number;
  readonly nextReviewOn: IsoDate;
  readonly createdBy: Person;
  readonly createdAt: IsoTimestamp;
  readonly updatedBy: Person;
  readonly updatedAt: IsoTimestamp;
  /** Bumped on every change; storage uses it to refuse lost updates. */
  readonly version: number;
}

export interface RequirementReview {
  readonly workspaceId: WorkspaceId;
  readonly requirementId: string;
  readonly id: string;
  readonly outcome: ReviewOutcome;
  readonly note?: string;
  readonly by: Person;
  readonly at: IsoTimestamp;
}

/** Builds `REQ-n` from the workspace's counter value. */
export const requirementId = (n: number): string => `REQ-${n}`;

/** Accepts `REQ-12`, `req-12`, `req12` or `12`; returns the canonical id or undefined. */
export function parseRequirementId(raw: string): string | undefined {
  const match = /^(?:req-?)?(\d{1,9})$/i.exec(raw.trim());
  return match ? requirementId(Number(match[1])) : undefined;
}

/** The status a review outcome leaves the requirement in. */
export function statusAfterReview(current: RequirementStatus, outcome: ReviewOutcome): RequirementStatus {
  switch (outcome) {
    case 'still_valid':
      return current;
    case 'retire':
      return 'retired';
    default:
      return outcome;
  }
}
