/**
 * What goes into one week's digest, read from the store. Only the period's records are read
 * (checks, feedback and evidence through their time indexes), plus the register and the open
 * actions, which are the current state rather than history. Nothing here formats text.
 */
import { type DecisionCheck, type FollowUpAction, type Impact, IMPACTS_NEEDING_ACTION, currentAnswers } from '../domain/decision-check.js';
import type { EvidenceEntry } from '../domain/evidence.js';
import { type CustomerFeedback, SENTIMENTS, type Sentiment } from '../domain/feedback.js';
import {
  REQUIREMENT_CATEGORIES,
  REQUIREMENT_TYPES,
  type Requirement,
  type RequirementCategory,
  type RequirementType,
} from '../domain/requirement.js';
import type { Workspace } from '../domain/workspace.js';
import type { Seal } from '../audit/seal.js';
import type { KnowledgeCoverage } from '../knowledge/coverage.js';
import { loadCoverage } from '../knowledge/load-coverage.js';
import type { CoreDeps } from '../ports.js';
import { type DigestPeriod, weekBefore } from './period.js';

/** Most items a section lists by name; the rest are counted ("and 4 more"). */
export const SHOWN_PER_SECTION = 5;

/** A share (0–1) this week and last week; undefined when there was nothing to count. */
export interface Share {
  readonly value?: number;
  readonly previous?: number;
}

export interface OpenActionItem {
  readonly action: FollowUpAction;
  readonly overdue: boolean;
  /** The decision the action follows up, loaded for the items the digest shows. */
  readonly decision?: DecisionCheck;
}

/** A requirement review recorded during the period (from its evidence entry). */
export interface ReviewReported {
  readonly requirementId: string;
  readonly reviewId: string;
  readonly outcome: string;
}

export interface ConcerningDecision {
  readonly check: DecisionCheck;
  /** The negative and unknown impacts among the current answers. */
  readonly impacts: readonly Impact[];
}

export interface DigestContent {
  readonly workspaceName: string;
  readonly timeZone: string;
  readonly period: DigestPeriod;
  /** Obligatory requirements whose status is at risk or not met (5.1.2: obligatory requirements are met). */
  readonly obligatoryAtRisk: readonly Requirement[];
  /** Open follow-up actions, overdue first, then by due date. */
  readonly openActions: readonly OpenActionItem[];
  /** Requirements due or overdue for review at the end of the period, most overdue first. */
  readonly reviewsDue: readonly Requirement[];
  readonly checks: {
    readonly started: number;
    readonly answered: number;
    readonly awaiting: number;
    readonly dismissed: number;
    /** Checks of the period nobody answered, oldest first. */
    readonly unanswered: readonly DecisionCheck[];
    /** Decisions answered negative or unknown during the period. */
    readonly concerning: readonly ConcerningDecision[];
  };
  readonly feedback: {
    readonly total: number;
    readonly bySentiment: Readonly<Record<Sentiment, number>>;
    /** Negative feedback of the period, newest first. */
    readonly negative: readonly CustomerFeedback[];
  };
  readonly register: {
    readonly added: number;
    readonly changed: number;
    /** Reviews recorded during the period, oldest first: the digest reports them, and its evidence names them. */
    readonly reviews: readonly ReviewReported[];
    readonly byType: readonly (readonly [RequirementType, number])[];
    readonly byCategory: readonly (readonly [RequirementCategory, number])[];
  };
  readonly habit: {
    /** Checks answered, of the checks that were decisions (dismissed ones left out). */
    readonly answered: Share;
    /** Unasked prompts dismissed as "not a decision", of all unasked prompts (the noise figure). */
    readonly dismissed: Share;
  };
  /** How requirements are determined (5.1.2): sources by kind, their freshness, traceability, responsibilities. */
  readonly knowledge: KnowledgeCoverage;
  /** The evidence log's latest seal when the digest was built (an auditor's anchor), if any. */
  readonly seal?: Seal;
}

const REVIEW_TYPES = new Set(['requirement.reviewed', 'requirement.retired']);
const REGISTER_CHANGES = new Set(['requirement.changed', 'requirement.reassigned', 'requirement.retired']);

function answeredShare(checks: readonly DecisionCheck[]): number | undefined {
  const decisions = checks.filter((check) => check.status !== 'dismissed');
  return decisions.length ? decisions.filter((check) => check.status === 'answered').length / decisions.length : undefined;
}

function dismissedShare(checks: readonly DecisionCheck[]): number | undefined {
  // The same prompts the noise figures count: posted unasked, after detection.
  const prompts = checks.filter((check) => check.origin === 'detected' && check.prompt);
  return prompts.length ? prompts.filter((check) => check.status === 'dismissed').length / prompts.length : undefined;
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): (readonly [K, number])[] {
  return keys.map((key) => [key, values.filter((value) => value === key).length] as const).filter(([, count]) => count > 0);
}

async function concerningDecisions(
  deps: CoreDeps,
  workspaceId: string,
  evidence: readonly EvidenceEntry[],
  started: readonly DecisionCheck[],
): Promise<ConcerningDecision[]> {
  const candidates = [
    ...new Set(
      evidence
        .filter((entry) => entry.type === 'check.answered' && IMPACTS_NEEDING_ACTION.has(entry.data.impact as Impact))
        .map((entry) => entry.subject.id),
    ),
  ];
  const known = new Map(started.map((check) => [check.id, check]));
  const found: ConcerningDecision[] = [];
  for (const checkId of candidates) {
    // A later answer by the same person may have corrected the impact: only current answers count.
    const [check, answers] = await Promise.all([
      known.get(checkId) ?? deps.checks.get(workspaceId, checkId),
      deps.checks.listAnswers(workspaceId, checkId),
    ]);
    const impacts = [
      ...new Set(
        currentAnswers(answers)
          .map((answer) => answer.impact)
          .filter((impact) => IMPACTS_NEEDING_ACTION.has(impact)),
      ),
    ];
    if (check && impacts.length) found.push({ check, impacts });
  }
  return found;
}

/** Reads everything one week's digest shows. */
export async function gatherDigest(deps: CoreDeps, workspace: Workspace, period: DigestPeriod): Promise<DigestContent> {
  const id = workspace.id;
  const timeZone = workspace.settings.timeZone;
  const previous = weekBefore(period, timeZone);
  const [register, open, started, startedBefore, feedback, evidence, seal, knowledge] = await Promise.all([
    deps.requirements.list(id),
    deps.actions.listOpen(id),
    deps.checks.listStarted(id, period),
    deps.checks.listStarted(id, previous),
    deps.feedback.listReceived(id, period),
    deps.evidence.listBetween(id, period),
    deps.seals.latest(id),
    loadCoverage(deps, workspace, period.to),
  ]);
  const active = register.filter((requirement) => requirement.status !== 'retired');

  const byDue = (a: FollowUpAction, b: FollowUpAction) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999');
  const sorted = [...open].sort(byDue).map((action) => ({ action, overdue: action.dueOn !== undefined && action.dueOn < period.endDay }));
  const openActions = await Promise.all(
    [...sorted.filter((item) => item.overdue), ...sorted.filter((item) => !item.overdue)].map(async (item, index) => {
      if (index >= SHOWN_PER_SECTION) return item;
      const decision = await deps.checks.get(id, item.action.checkId);
      return decision ? { ...item, decision } : item;
    }),
  );

  const addedIds = new Set(evidence.filter((entry) => entry.type === 'requirement.created').map((entry) => entry.subject.id));
  const changedIds = new Set(
    evidence.filter((entry) => REGISTER_CHANGES.has(entry.type) && !addedIds.has(entry.subject.id)).map((entry) => entry.subject.id),
  );
  const reviews = evidence
    .filter((entry) => REVIEW_TYPES.has(entry.type) && typeof entry.data.reviewId === 'string')
    .map((entry) => ({ requirementId: entry.subject.id, reviewId: String(entry.data.reviewId), outcome: String(entry.data.outcome) }));
  const touched = register.filter((requirement) => addedIds.has(requirement.id) || changedIds.has(requirement.id));

  return {
    workspaceName: workspace.name,
    timeZone,
    period,
    obligatoryAtRisk: active.filter(
      (requirement) => requirement.type === 'obligatory' && (requirement.status === 'at_risk' || requirement.status === 'not_met'),
    ),
    openActions,
    reviewsDue: active
      .filter((requirement) => requirement.nextReviewOn <= period.endDay)
      .sort((a, b) => a.nextReviewOn.localeCompare(b.nextReviewOn) || a.number - b.number),
    checks: {
      started: started.length,
      answered: started.filter((check) => check.status === 'answered').length,
      awaiting: started.filter((check) => check.status === 'awaiting').length,
      dismissed: started.filter((check) => check.status === 'dismissed').length,
      unanswered: started.filter((check) => check.status === 'awaiting'),
      concerning: await concerningDecisions(deps, id, evidence, started),
    },
    feedback: {
      total: feedback.length,
      bySentiment: Object.fromEntries(
        SENTIMENTS.map((sentiment) => [sentiment, feedback.filter((item) => item.sentiment === sentiment).length]),
      ) as Record<Sentiment, number>,
      negative: feedback.filter((item) => item.sentiment === 'negative').reverse(),
    },
    register: {
      added: addedIds.size,
      changed: changedIds.size,
      reviews,
      byType: countBy(
        REQUIREMENT_TYPES,
        touched.map((requirement) => requirement.type),
      ),
      byCategory: countBy(
        REQUIREMENT_CATEGORIES,
        touched.map((requirement) => requirement.category),
      ),
    },
    habit: {
      answered: { value: answeredShare(started), previous: answeredShare(startedBefore) },
      dismissed: { value: dismissedShare(started), previous: dismissedShare(startedBefore) },
    },
    knowledge,
    ...(seal ? { seal } : {}),
  };
}

/** Nothing happened and nothing waits: the digest says so in one line. */
export function isQuietWeek(content: DigestContent): boolean {
  return (
    content.obligatoryAtRisk.length === 0 &&
    content.openActions.length === 0 &&
    content.reviewsDue.length === 0 &&
    content.checks.started === 0 &&
    content.checks.concerning.length === 0 &&
    content.feedback.total === 0 &&
    content.register.added + content.register.changed === 0 &&
    content.register.reviews.length === 0
  );
}
