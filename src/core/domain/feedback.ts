import type { IsoTimestamp, Person, WorkspaceId } from './shared.js';

export const FEEDBACK_KINDS = ['complaint', 'compliment', 'survey', 'review', 'other'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** What a customer actually said: the evidence of customer perception (ISO 9001 9.1.2). */
export interface CustomerFeedback {
  readonly workspaceId: WorkspaceId;
  readonly id: string;
  readonly customer: string;
  readonly kind: FeedbackKind;
  readonly sentiment: Sentiment;
  /** A quote or a summary of what the customer said. */
  readonly summary: string;
  readonly sourceLink?: string;
  readonly requirementIds: readonly string[];
  readonly receivedAt: IsoTimestamp;
  readonly recordedBy: Person;
  readonly recordedAt: IsoTimestamp;
}
