import type { IsoDate, IsoTimestamp, Person, PersonRef, Platform, WorkspaceId } from './shared.js';

export const CHECK_ORIGINS = ['detected', 'reaction', 'shortcut', 'command', 'mention'] as const;
export type CheckOrigin = (typeof CHECK_ORIGINS)[number];

export const CHECK_STATUSES = ['awaiting', 'answered', 'dismissed'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const IMPACTS = ['positive', 'negative', 'none', 'unknown'] as const;
export type Impact = (typeof IMPACTS)[number];

/** Impacts that need an explanation, and impacts that need a follow-up action (or accepted risk). */
export const IMPACTS_NEEDING_EXPLANATION: ReadonlySet<Impact> = new Set(['negative', 'none']);
export const IMPACTS_NEEDING_ACTION: ReadonlySet<Impact> = new Set(['negative', 'unknown']);

/** Where a decision was said. Chat history expires, so the text itself is kept in the check. */
export interface ConversationPlace {
  readonly platform: Platform;
  readonly channelId: string;
  readonly channelName?: string;
  /** Root of the thread the decision is in (Slack `thread_ts` or `ts`; Teams reply-chain id). */
  readonly threadId?: string;
  readonly messageId?: string;
  readonly permalink?: string;
}

export interface DecisionCheck {
  readonly workspaceId: WorkspaceId;
  readonly id: string;
  /**
   * Per-workspace number, shown as `D-<n>` so a requirement the decision gave rise to can name it
   * as its source (`source:D-12`). Checks started before numbering have none.
   */
  readonly number?: number;
  /** Snapshot of the decision's text as it was announced. */
  readonly text: string;
  readonly place: ConversationPlace;
  readonly decidedBy?: Person;
  readonly origin: CheckOrigin;
  readonly startedBy: Person;
  readonly startedAt: IsoTimestamp;
  readonly status: CheckStatus;
  readonly dismissedBy?: Person;
  readonly dismissedAt?: IsoTimestamp;
  /** The bot's prompt message, once posted, so it can be updated in place as answers come in. */
  readonly prompt?: { readonly channelId: string; readonly messageId: string };
  readonly version: number;
}

/** One person's customer-impact answer. A correction is a new answer that supersedes the old. */
export interface ImpactAnswer {
  readonly workspaceId: WorkspaceId;
  readonly checkId: string;
  readonly id: string;
  readonly impact: Impact;
  readonly affectedCustomers: readonly string[];
  readonly requirementIds: readonly string[];
  readonly explanation?: string;
  readonly by: Person;
  readonly at: IsoTimestamp;
  /** The earlier answer by the same person that this one replaces. */
  readonly supersedes?: string;
  /** The follow-up action recorded with this answer, if any. */
  readonly actionId?: string;
}

export const ACTION_STATUSES = ['open', 'done', 'accepted'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * What will be done about a negative or uncertain impact, by whom and by when; or the explicit
 * acceptance of the risk with its reason (status `accepted`, no owner or due date needed).
 */
export interface FollowUpAction {
  readonly workspaceId: WorkspaceId;
  readonly id: string;
  readonly checkId: string;
  readonly answerId: string;
  readonly description: string;
  readonly owner?: PersonRef;
  readonly dueOn?: IsoDate;
  readonly status: ActionStatus;
  /** Why the risk is accepted without action (status `accepted`). */
  readonly acceptedReason?: string;
  readonly createdBy: Person;
  readonly createdAt: IsoTimestamp;
  readonly closedBy?: Person;
  readonly closedAt?: IsoTimestamp;
  readonly closingNote?: string;
  readonly version: number;
}

/** The answers that count: each person's latest answer, oldest first. */
export function currentAnswers(answers: readonly ImpactAnswer[]): ImpactAnswer[] {
  const superseded = new Set(answers.map((answer) => answer.supersedes).filter(Boolean));
  return answers.filter((answer) => !superseded.has(answer.id)).sort((a, b) => a.at.localeCompare(b.at));
}

/** The reference people type for a numbered check: `D-12`. */
export const checkRef = (n: number): string => `D-${n}`;

/** Accepts `D-12`, `d12`; returns the canonical reference or undefined. */
export function parseCheckRef(raw: string): string | undefined {
  const match = /^d-?(\d{1,9})$/i.exec(raw.trim());
  return match ? checkRef(Number(match[1])) : undefined;
}

/** The reference of a check, when it has a number. */
export const refOfCheck = (check: Pick<DecisionCheck, 'number'>): string | undefined =>
  check.number === undefined ? undefined : checkRef(check.number);
