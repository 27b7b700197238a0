/**
 * What the seeded history looks like: one workspace, three years of history before a measured
 * week, a register of 10,000 requirements, and evidence spread over those years. The last 13
 * weeks before the measured week (the "recent band", which covers the dashboard's 12-week trend)
 * hold the same records and entries whatever the history size; only the older years grow. So a
 * query over a fixed window meets the same data at every size, and any growth in its cost comes
 * from the size of the history around that window.
 */
import type { EvidenceType } from '../../../src/core/domain/evidence.js';

export const WORKSPACE = 'slack:TBENCH';
export const TIME_ZONE = 'Europe/Oslo';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** The measured week: Monday 16 to Monday 23 November 2026, 09:00 in Oslo; the digest is built at its end. */
export const WEEK_START = Date.parse('2026-11-16T08:00:00Z');
export const DIGEST_AT = Date.parse('2026-11-23T08:00:00Z');
/** The history's first entry, three years before the week. */
export const HISTORY_START = WEEK_START - 3 * 365 * DAY_MS;
/** The recent band: the 13 weeks before the measured week. */
export const RECENT_START = WEEK_START - 13 * WEEK_MS;
/** The history's last entry, an hour before the week. */
export const HISTORY_END = WEEK_START - HOUR_MS;

/** The recent band, identical at every size. */
const RECENT_ENTRIES_PER_WEEK = 300;
export const CHECKS_PER_WEEK = 60;
export const FEEDBACK_PER_WEEK = 25;
export const DEFAULT_REQUIREMENTS = 10_000;

/** The kinds of entry a workspace records over the years, and how often. */
export const EVIDENCE_MIX: readonly (readonly [EvidenceType, number])[] = [
  ['check.started', 20],
  ['check.answered', 30],
  ['action.created', 8],
  ['action.closed', 6],
  ['requirement.created', 6],
  ['requirement.changed', 8],
  ['requirement.reviewed', 12],
  ['feedback.recorded', 6],
  ['link.issued', 2],
  ['settings.changed', 1],
  ['digest.sent', 1],
];
/** Older checks and feedback come at the rate the evidence mix implies: a check starts for one entry in five. */
const CHECKS_PER_ENTRY = 0.2;
const FEEDBACK_PER_ENTRY = 0.06;

export interface HistoryPlan {
  /** Evidence entries seeded before the measured week. */
  readonly entries: number;
  /** Of those, the entries in the recent band (the rest are older). */
  readonly recentEntries: number;
  readonly requirements: number;
  readonly recentChecks: number;
  readonly olderChecks: number;
  readonly recentFeedback: number;
  readonly olderFeedback: number;
}

export function historyPlan(entries: number, requirements = DEFAULT_REQUIREMENTS): HistoryPlan {
  const recentWeeks = (WEEK_START - RECENT_START) / WEEK_MS;
  const recentEntries = Math.min(entries, recentWeeks * RECENT_ENTRIES_PER_WEEK);
  const older = entries - recentEntries;
  return {
    entries,
    recentEntries,
    requirements,
    recentChecks: recentWeeks * CHECKS_PER_WEEK,
    olderChecks: Math.round(older * CHECKS_PER_ENTRY),
    recentFeedback: recentWeeks * FEEDBACK_PER_WEEK,
    olderFeedback: Math.round(older * FEEDBACK_PER_ENTRY),
  };
}

/** When entry `seq` (1-based) was written: evenly spaced, the older ones before the recent band, the rest inside it. */
export function entryTime(plan: HistoryPlan, seq: number): number {
  const older = plan.entries - plan.recentEntries;
  if (seq <= older) return HISTORY_START + Math.floor(((seq - 1) * (RECENT_START - HISTORY_START)) / older);
  return RECENT_START + Math.floor(((seq - older - 1) * (HISTORY_END - RECENT_START)) / plan.recentEntries);
}

export const CUSTOMERS = Array.from({ length: 40 }, (_, i) => `Customer ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''} AS`);
export const PEOPLE = Array.from({ length: 50 }, (_, i) => ({ id: `U${String(i).padStart(8, '0')}`, name: `Person ${i}` }));
export const CHANNELS = Array.from({ length: 12 }, (_, i) => `C${String(i).padStart(8, '0')}`);

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoDate = (ms: number): string => iso(ms).slice(0, 10);
