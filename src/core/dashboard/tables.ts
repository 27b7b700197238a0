/**
 * The dashboard's tables: requirements, decision checks, open follow-up actions, feedback and
 * evidence, each with filters and search, read through one bounded window and cut into pages.
 * Filters arrive as typed (query strings) and are checked here, so every adapter refuses a bad
 * value with the same polite message. The CSV download uses the same query without the paging.
 */
import {
  CHECK_ORIGINS,
  CHECK_STATUSES,
  type CheckOrigin,
  type CheckStatus,
  type DecisionCheck,
  type FollowUpAction,
  IMPACTS,
  type Impact,
  currentAnswers,
  parseCheckRef,
  refOfCheck,
} from '../domain/decision-check.js';
import { EVIDENCE_TYPES, type EvidenceEntry, type EvidenceType } from '../domain/evidence.js';
import { FEEDBACK_KINDS, type CustomerFeedback, type FeedbackKind, SENTIMENTS, type Sentiment } from '../domain/feedback.js';
import { addDays, dateInZone } from '../domain/dates.js';
import { personLabel } from '../domain/person.js';
import {
  REQUIREMENT_CATEGORIES,
  REQUIREMENT_STATUSES,
  REQUIREMENT_TYPES,
  type Requirement,
  type RequirementCategory,
  type RequirementStatus,
  type RequirementType,
} from '../domain/requirement.js';
import type { IsoDate, WorkspaceId } from '../domain/shared.js';
import { MAX_SHORT_TEXT_LENGTH, cleanOptionalText, oneOf } from '../domain/text.js';
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';
import { checksByRef } from '../use-cases/check-refs.js';
import { workspaceTimeZone } from '../use-cases/workspaces.js';
import { mapBounded } from './bounded.js';
import { ACTION_SOON_DAYS } from './figures.js';
import { type DashboardViewer, requireViewerPermission } from './viewer.js';
import { type DayWindow, type DayWindowRule, TREND_WEEKS, dayWindow, mondayOf } from './windows.js';

export const TABLES = ['requirements', 'knowledge', 'checks', 'actions', 'feedback', 'evidence'] as const;
export type TableName = (typeof TABLES)[number];

/** Filters as typed: query-string values by name; unknown names are ignored. */
export type RawFilter = Readonly<Record<string, string | undefined>>;

export const PAGE_SIZE = 50;

export interface TablePage<T> {
  readonly rows: readonly T[];
  /** Rows matching the filter, all pages together. */
  readonly total: number;
  /** 1-based; a page past the end shows the last one. */
  readonly page: number;
  readonly pages: number;
  readonly pageSize: number;
}

/** Windows of the tables that read by date; evidence is the largest history, so its pages are short. */
export const WINDOWS: Record<'checks' | 'feedback' | 'evidence', DayWindowRule> = {
  checks: { what: 'decision check', defaultDays: TREND_WEEKS * 7, maxDays: 366 },
  feedback: { what: 'feedback', defaultDays: TREND_WEEKS * 7, maxDays: 366 },
  evidence: { what: 'evidence', defaultDays: 7, maxDays: 31 },
};

/** Case-insensitive search text, or undefined when none was typed. */
function searchText(raw: string | undefined): string | undefined {
  return cleanOptionalText(raw, { field: 'search', max: MAX_SHORT_TEXT_LENGTH })?.toLocaleLowerCase('en');
}

const matches = (needle: string | undefined, ...haystack: (string | null | undefined)[]): boolean =>
  needle === undefined || haystack.some((text) => typeof text === 'string' && text.toLocaleLowerCase('en').includes(needle));

/** `all` (or nothing) means no filter; anything else must be one of `allowed`. */
function choice<T extends string>(raw: string | undefined, allowed: readonly T[], field: string): T | undefined {
  if (raw === undefined || raw.trim() === '' || raw.trim().toLowerCase() === 'all') return undefined;
  return oneOf(raw, allowed, field);
}

export function pageOf<T>(rows: readonly T[], rawPage: string | undefined, pageSize = PAGE_SIZE): TablePage<T> {
  let page = 1;
  if (rawPage !== undefined && rawPage.trim() !== '') {
    if (!/^\d{1,6}$/.test(rawPage.trim()) || Number(rawPage) < 1) {
      throw new DomainError('input.invalid', `"${rawPage.trim().slice(0, 20)}" is not a page number. Use 1, 2, 3…`, 'page');
    }
    page = Number(rawPage);
  }
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages);
  return { rows: rows.slice((current - 1) * pageSize, current * pageSize), total: rows.length, page: current, pages, pageSize };
}

async function today(
  deps: Pick<CoreDeps, 'clock' | 'workspaces' | 'defaultTimeZone'>,
  workspaceId: WorkspaceId,
): Promise<{ today: IsoDate; timeZone: string }> {
  const timeZone = await workspaceTimeZone(deps, workspaceId);
  return { today: dateInZone(deps.clock.now(), timeZone), timeZone };
}

// --- Requirements --------------------------------------------------------------------------

export interface RequirementFilter {
  /** `active` (default) leaves out retired ones; `all` shows every status. */
  readonly status: RequirementStatus | 'active' | 'all';
  readonly type?: RequirementType;
  readonly category?: RequirementCategory;
  readonly q?: string;
}

export async function queryRequirements(
  deps: CoreDeps,
  viewer: DashboardViewer,
  raw: RawFilter,
): Promise<{ filter: RequirementFilter; rows: Requirement[] }> {
  requireViewerPermission(viewer, 'requirement.read');
  const rawStatus = raw.status?.trim().toLowerCase();
  const status: RequirementFilter['status'] =
    !rawStatus || rawStatus === 'active' ? 'active' : rawStatus === 'all' ? 'all' : oneOf(rawStatus, REQUIREMENT_STATUSES, 'status');
  const type = choice(raw.type, REQUIREMENT_TYPES, 'type');
  const category = choice(raw.category, REQUIREMENT_CATEGORIES, 'category');
  const q = searchText(raw.q);
  // Sources both ways round: the records a requirement names and the records that name it.
  const informedBy = new Map<string, string[]>();
  for (const record of await deps.knowledge.list(viewer.workspaceId)) {
    for (const id of record.requirementIds) informedBy.set(id, [...(informedBy.get(id) ?? []), record.id]);
  }
  const withSources = (await deps.requirements.list(viewer.workspaceId)).map((requirement) => {
    const knowledgeIds = [...new Set([...(requirement.knowledgeIds ?? []), ...(informedBy.get(requirement.id) ?? [])])];
    return knowledgeIds.length ? { ...requirement, knowledgeIds } : requirement;
  });
  const rows = withSources.filter(
    (requirement) =>
      (status === 'all' || (status === 'active' ? requirement.status !== 'retired' : requirement.status === status)) &&
      (!type || requirement.type === type) &&
      (!category || requirement.category === category) &&
      matches(
        q,
        requirement.id,
        requirement.statement,
        requirement.customer,
        requirement.reference,
        personLabel(requirement.owner),
        requirement.source?.text,
        ...(requirement.knowledgeIds ?? []),
        ...(requirement.checkRefs ?? []),
      ),
  );
  return { filter: { status, ...(type ? { type } : {}), ...(category ? { category } : {}), ...(q ? { q } : {}) }, rows };
}

// --- Decision checks -----------------------------------------------------------------------

export interface CheckFilter {
  readonly window: DayWindow;
  readonly status?: CheckStatus;
  readonly origin?: CheckOrigin;
  readonly q?: string;
}

/** A check's current answers (one per person), counted by impact, for the rows of one page. */
export interface AnswerSummary {
  readonly answers: number;
  readonly byImpact: Readonly<Record<Impact, number>>;
}

/** Checks started in the window, newest first. */
export async function queryChecks(
  deps: CoreDeps,
  viewer: DashboardViewer,
  raw: RawFilter,
): Promise<{ filter: CheckFilter; rows: DecisionCheck[] }> {
  requireViewerPermission(viewer, 'check.read');
  const { today: day, timeZone } = await today(deps, viewer.workspaceId);
  const window = dayWindow(raw, day, timeZone, sinceTrendStart(day, WINDOWS.checks));
  const status = choice(raw.status, CHECK_STATUSES, 'status');
  const origin = choice(raw.origin, CHECK_ORIGINS, 'origin');
  const q = searchText(raw.q);
  // A reference (`D-12`, from a requirement's sources) names one check, whenever it was made.
  const ref = raw.q ? parseCheckRef(raw.q) : undefined;
  const source = ref
    ? [...(await checksByRef(deps, viewer.workspaceId, [ref])).values()]
    : await deps.checks.listStarted(viewer.workspaceId, window.range);
  const rows = source
    .filter(
      (check) =>
        (!status || check.status === status) &&
        (!origin || check.origin === origin) &&
        matches(
          q,
          refOfCheck(check),
          check.text,
          check.place.channelName,
          check.place.channelId,
          check.startedBy.name,
          check.decidedBy?.name,
        ),
    )
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return { filter: { window, ...(status ? { status } : {}), ...(origin ? { origin } : {}), ...(q ? { q } : {}) }, rows };
}

/**
 * The checks and feedback tables default to the trend's twelve weeks (from a Monday to today), so
 * their rows add up to the charts.
 */
function sinceTrendStart(day: IsoDate, rule: DayWindowRule): DayWindowRule {
  const from = addDays(mondayOf(day), -7 * (TREND_WEEKS - 1));
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  return { ...rule, defaultDays: days };
}

export async function answerSummaries(
  deps: CoreDeps,
  workspaceId: WorkspaceId,
  checks: readonly DecisionCheck[],
): Promise<Map<string, AnswerSummary>> {
  const lists = await mapBounded(checks, 16, (check) =>
    check.status === 'answered' ? deps.checks.listAnswers(workspaceId, check.id) : Promise.resolve([]),
  );
  const summaries = new Map<string, AnswerSummary>();
  checks.forEach((check, index) => {
    const current = currentAnswers(lists[index] ?? []);
    const byImpact = Object.fromEntries(
      IMPACTS.map((impact) => [impact, current.filter((answer) => answer.impact === impact).length]),
    ) as Record<Impact, number>;
    summaries.set(check.id, { answers: current.length, byImpact });
  });
  return summaries;
}

// --- Follow-up actions ---------------------------------------------------------------------

export const ACTION_DUE_FILTERS = ['overdue', 'soon', 'undated'] as const;
export type ActionDueFilter = (typeof ACTION_DUE_FILTERS)[number];

export interface ActionFilter {
  readonly due?: ActionDueFilter;
  readonly q?: string;
  readonly today: IsoDate;
}

export interface ActionRow {
  readonly action: FollowUpAction;
  readonly overdue: boolean;
}

/** Open actions, earliest due first (undated last), as the store keeps them. */
export async function queryActions(
  deps: CoreDeps,
  viewer: DashboardViewer,
  raw: RawFilter,
): Promise<{ filter: ActionFilter; rows: ActionRow[] }> {
  requireViewerPermission(viewer, 'check.read');
  const { today: day } = await today(deps, viewer.workspaceId);
  const due = choice(raw.due, ACTION_DUE_FILTERS, 'due');
  const q = searchText(raw.q);
  const soon = addDays(day, ACTION_SOON_DAYS);
  const rows = (await deps.actions.listOpen(viewer.workspaceId))
    .filter((action) => {
      if (due === 'overdue' && !(action.dueOn !== undefined && action.dueOn < day)) return false;
      if (due === 'soon' && !(action.dueOn !== undefined && action.dueOn >= day && action.dueOn <= soon)) return false;
      if (due === 'undated' && action.dueOn !== undefined) return false;
      return matches(q, action.description, personLabel(action.owner), action.checkId);
    })
    .map((action) => ({ action, overdue: action.dueOn !== undefined && action.dueOn < day }));
  return { filter: { today: day, ...(due ? { due } : {}), ...(q ? { q } : {}) }, rows };
}

// --- Customer feedback ---------------------------------------------------------------------

export interface FeedbackFilter {
  readonly window: DayWindow;
  readonly sentiment?: Sentiment;
  readonly kind?: FeedbackKind;
  readonly q?: string;
}

/** Feedback received in the window, newest first. */
export async function queryFeedback(
  deps: CoreDeps,
  viewer: DashboardViewer,
  raw: RawFilter,
): Promise<{ filter: FeedbackFilter; rows: CustomerFeedback[] }> {
  requireViewerPermission(viewer, 'feedback.read');
  const { today: day, timeZone } = await today(deps, viewer.workspaceId);
  const window = dayWindow(raw, day, timeZone, sinceTrendStart(day, WINDOWS.feedback));
  const sentiment = choice(raw.sentiment, SENTIMENTS, 'sentiment');
  const kind = choice(raw.kind, FEEDBACK_KINDS, 'kind');
  const q = searchText(raw.q);
  const rows = (await deps.feedback.listReceived(viewer.workspaceId, window.range))
    .filter(
      (item) =>
        (!sentiment || item.sentiment === sentiment) &&
        (!kind || item.kind === kind) &&
        matches(q, item.customer, item.summary, item.requirementIds.join(' ')),
    )
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  return { filter: { window, ...(sentiment ? { sentiment } : {}), ...(kind ? { kind } : {}), ...(q ? { q } : {}) }, rows };
}

// --- Evidence ------------------------------------------------------------------------------

export interface EvidenceFilter {
  readonly window: DayWindow;
  readonly type?: EvidenceType;
  readonly q?: string;
}

/**
 * Evidence entries of a window of days (a week by default, a month at most), newest first. The
 * log can hold millions of entries; reading one window keeps a page as cheap as that window.
 */
export async function queryEvidence(
  deps: CoreDeps,
  viewer: DashboardViewer,
  raw: RawFilter,
): Promise<{ filter: EvidenceFilter; rows: EvidenceEntry[] }> {
  requireViewerPermission(viewer, 'evidence.read');
  const { today: day, timeZone } = await today(deps, viewer.workspaceId);
  const window = dayWindow(raw, day, timeZone, WINDOWS.evidence);
  const type = choice(raw.type, EVIDENCE_TYPES, 'type');
  const q = searchText(raw.q);
  const rows = (await deps.evidence.listBetween(viewer.workspaceId, window.range))
    .filter(
      (entry) =>
        (!type || entry.type === type) &&
        matches(q, entry.type, entry.actorId, entry.subject.kind, entry.subject.id, entry.personal.actorName, String(entry.seq)),
    )
    .reverse();
  return { filter: { window, ...(type ? { type } : {}), ...(q ? { q } : {}) }, rows };
}
