/**
 * The dashboard's figures as plain data: what the charts and the headline numbers show. Each
 * figure reads one bounded window: twelve weeks of checks (and their answers), the open actions,
 * the register, twelve weeks of feedback, thirty days of prompts. Nothing reads the evidence log.
 */
import { addDays } from '../domain/dates.js';
import { type DecisionCheck, IMPACTS, type Impact, type ImpactAnswer, currentAnswers } from '../domain/decision-check.js';
import { SENTIMENTS, type Sentiment } from '../domain/feedback.js';
import {
  REQUIREMENT_CATEGORIES,
  REQUIREMENT_STATUSES,
  REQUIREMENT_TYPES,
  type RequirementCategory,
  type RequirementStatus,
  type RequirementType,
} from '../domain/requirement.js';
import type { IsoDate, IsoTimestamp, WorkspaceId } from '../domain/shared.js';
import { type KnowledgeCoverage, knowledgeCoverage } from '../knowledge/coverage.js';
import type { CoreDeps } from '../ports.js';
import { responsibilityTable } from '../use-cases/responsibilities.js';
import { type ChannelNoise, noiseFigures } from '../use-cases/workspace-status.js';
import { requireWorkspace } from '../use-cases/workspaces.js';
import { mapBounded } from './bounded.js';
import { type DashboardViewer, requireViewerPermission } from './viewer.js';
import { trendWindow } from './windows.js';

/** Reviews due within this many days count as "due soon". */
export const REVIEW_SOON_DAYS = 30;
/** Actions due within this many days count as "due soon". */
export const ACTION_SOON_DAYS = 7;
/** How many customers the "most affected" chart names. */
export const TOP_CUSTOMERS = 10;
/** Answer lists read at once; enough to hide round trips without flooding a shared store. */
const ANSWER_READS_IN_FLIGHT = 16;

export interface WeekTrend {
  readonly week: string;
  readonly from: IsoDate;
  readonly started: number;
  readonly answered: number;
  readonly dismissed: number;
  readonly awaiting: number;
}

export interface AffectedCustomer {
  /** As people typed it (user text). */
  readonly name: string;
  /** Current answers that name the customer. */
  readonly answers: number;
  /** Of those, answers with a negative impact. */
  readonly negative: number;
}

export interface DashboardFigures {
  readonly workspace: { readonly id: WorkspaceId; readonly name: string; readonly timeZone: string };
  readonly generatedAt: IsoTimestamp;
  readonly today: IsoDate;
  /** The trend's twelve weeks, Monday of the first to Sunday of the current one. */
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  readonly trend: readonly WeekTrend[];
  /** Current answers (one per person and check) to checks started in the period, by impact. */
  readonly impactMix: Readonly<Record<Impact, number>>;
  readonly actions: { readonly open: number; readonly overdue: number; readonly dueSoon: number; readonly withoutDueDate: number };
  readonly requirements: {
    readonly active: number;
    readonly retired: number;
    /** Active requirements only. */
    readonly byType: Readonly<Record<RequirementType, number>>;
    readonly byCategory: Readonly<Record<RequirementCategory, number>>;
    /** Every requirement, retired ones included. */
    readonly byStatus: Readonly<Record<RequirementStatus, number>>;
  };
  readonly reviews: { readonly overdue: number; readonly dueSoon: number };
  readonly feedback: { readonly total: number; readonly bySentiment: Readonly<Record<Sentiment, number>> };
  readonly affectedCustomers: readonly AffectedCustomer[];
  /** Unasked prompts of the last thirty days, per channel. */
  readonly noise: readonly ChannelNoise[];
  /** How requirements are determined (5.1.2): sources per kind, freshness, traceability, responsibilities. */
  readonly knowledge: KnowledgeCoverage;
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

function weekTrend(checks: readonly DecisionCheck[], weeks: Awaited<ReturnType<typeof trendWindow>>['weeks']): WeekTrend[] {
  return weeks.map((week) => {
    const from = week.range.from.getTime();
    const to = week.range.to.getTime();
    const inWeek = checks.filter((check) => {
      const started = Date.parse(check.startedAt);
      return started >= from && started < to;
    });
    const count = (status: DecisionCheck['status']) => inWeek.filter((check) => check.status === status).length;
    return {
      week: week.week,
      from: week.from,
      started: inWeek.length,
      answered: count('answered'),
      dismissed: count('dismissed'),
      awaiting: count('awaiting'),
    };
  });
}

/** Customers named in answers, most often first; the same name in any letter case counts once. */
function mostAffected(answers: readonly ImpactAnswer[]): AffectedCustomer[] {
  const byName = new Map<string, { name: string; answers: number; negative: number }>();
  for (const answer of answers) {
    for (const name of new Set(answer.affectedCustomers.map((customer) => customer.trim()).filter(Boolean))) {
      const key = name.toLocaleLowerCase('en');
      const tally = byName.get(key) ?? { name, answers: 0, negative: 0 };
      tally.answers += 1;
      if (answer.impact === 'negative') tally.negative += 1;
      byName.set(key, tally);
    }
  }
  return [...byName.values()]
    .sort((a, b) => b.answers - a.answers || b.negative - a.negative || a.name.localeCompare(b.name))
    .slice(0, TOP_CUSTOMERS);
}

export async function dashboardFigures(deps: CoreDeps, viewer: DashboardViewer): Promise<DashboardFigures> {
  requireViewerPermission(viewer, 'check.read');
  const workspaceId = viewer.workspaceId;
  const workspace = await requireWorkspace(deps, workspaceId);
  const window = await trendWindow(deps, workspaceId);
  const [checks, openActions, requirements, feedback, noise, knowledgeRecords, responsibilities] = await Promise.all([
    deps.checks.listStarted(workspaceId, window.range),
    deps.actions.listOpen(workspaceId),
    deps.requirements.list(workspaceId),
    deps.feedback.listReceived(workspaceId, window.range),
    noiseFigures(deps, workspaceId),
    deps.knowledge.list(workspaceId),
    responsibilityTable(deps, workspaceId),
  ]);
  const answered = checks.filter((check) => check.status === 'answered');
  const answerLists = await mapBounded(answered, ANSWER_READS_IN_FLIGHT, (check) => deps.checks.listAnswers(workspaceId, check.id));
  const answers = answerLists.flatMap((list) => currentAnswers(list));

  const impactMix = zeroes(IMPACTS);
  for (const answer of answers) impactMix[answer.impact] += 1;

  const { today } = window;
  const actionSoon = addDays(today, ACTION_SOON_DAYS);
  const reviewSoon = addDays(today, REVIEW_SOON_DAYS);
  const active = requirements.filter((requirement) => requirement.status !== 'retired');
  const byType = zeroes(REQUIREMENT_TYPES);
  const byCategory = zeroes(REQUIREMENT_CATEGORIES);
  const byStatus = zeroes(REQUIREMENT_STATUSES);
  for (const requirement of requirements) byStatus[requirement.status] += 1;
  for (const requirement of active) {
    byType[requirement.type] += 1;
    byCategory[requirement.category] += 1;
  }
  const bySentiment = zeroes(SENTIMENTS);
  for (const item of feedback) bySentiment[item.sentiment] += 1;

  return {
    workspace: { id: workspace.id, name: workspace.name, timeZone: window.timeZone },
    generatedAt: deps.clock.now().toISOString(),
    today,
    period: { from: window.from, to: window.to },
    trend: weekTrend(checks, window.weeks),
    impactMix,
    actions: {
      open: openActions.length,
      overdue: openActions.filter((action) => action.dueOn !== undefined && action.dueOn < today).length,
      dueSoon: openActions.filter((action) => action.dueOn !== undefined && action.dueOn >= today && action.dueOn <= actionSoon).length,
      withoutDueDate: openActions.filter((action) => action.dueOn === undefined).length,
    },
    requirements: { active: active.length, retired: requirements.length - active.length, byType, byCategory, byStatus },
    reviews: {
      overdue: active.filter((requirement) => requirement.nextReviewOn < today).length,
      dueSoon: active.filter((requirement) => requirement.nextReviewOn >= today && requirement.nextReviewOn <= reviewSoon).length,
    },
    feedback: { total: feedback.length, bySentiment },
    affectedCustomers: mostAffected(answers),
    noise,
    knowledge: knowledgeCoverage({
      records: knowledgeRecords,
      requirements,
      responsibilities,
      today,
      ...(workspace.settings.knowledgeReviewMonths ? { reviewMonths: workspace.settings.knowledgeReviewMonths } : {}),
    }),
  };
}
