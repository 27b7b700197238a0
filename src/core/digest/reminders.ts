/**
 * Owner reminders: on a requirement's review date and on a follow-up action's due date, its owner
 * gets one direct message with buttons to act. No nagging: an item gets at most one reminder for
 * the ISO week of its date (a claim, taken before sending, so two instances never both send), and
 * an item stays eligible for seven days so a reminder missed while the bot was down still goes
 * out once. What stays overdue after that is the digest's business, not another reminder.
 * A kind of customer knowledge that goes stale (its latest record older than the kind's review
 * period) is an item like these: its owner is reminded once, from the day it goes stale.
 */
import { addDays, isoWeek } from '../domain/dates.js';
import type { IsoDate, WorkspaceId } from '../domain/shared.js';
import type { Message } from '../messages.js';
import type { CoreDeps } from '../ports.js';
import { REMINDER_CLAIM_TTL_MS, digestKeys } from './claim-keys.js';
import { type DeliveryReport, deliver, reportOf } from './deliver.js';
import type { Recipient } from './recipients.js';
import { loadCoverage } from '../knowledge/load-coverage.js';
import { actionReminder, knowledgeReminder, requirementReminder } from './reminder-messages.js';
import { wallClock } from './slots.js';

/** Local hour from which an item due today is reminded: the start of a working day. */
export const REMINDER_HOUR = 9;
/** Days an item stays eligible for its reminder, counting its due date. */
export const REMINDER_WINDOW_DAYS = 7;

export interface ReminderReport {
  readonly item: { readonly kind: 'requirement' | 'action' | 'knowledge'; readonly id: string; readonly due: IsoDate };
  readonly delivery: DeliveryReport;
}

interface DueItem {
  readonly kind: 'requirement' | 'action' | 'knowledge';
  readonly id: string;
  readonly due: IsoDate;
  readonly ownerId: string;
  message(): Promise<Message>;
}

export interface ReminderOptions {
  /** Who holds the claims (the instance id). */
  readonly owner: string;
}

export async function sendDueReminders(deps: CoreDeps, workspaceId: WorkspaceId, options: ReminderOptions): Promise<ReminderReport[]> {
  const workspace = await deps.workspaces.get(workspaceId);
  const messengers = deps.messengers;
  // Direct messages go through the workspace's own platform; without it there is no one to tell.
  if (!workspace || !messengers.for(workspace.platform)) return [];
  const clock = wallClock(deps.clock.now(), workspace.settings.timeZone);
  const today = clock.date;
  const latestDue = clock.hour >= REMINDER_HOUR ? today : addDays(today, -1);
  const earliestDue = addDays(today, -(REMINDER_WINDOW_DAYS - 1));
  const inWindow = (due: IsoDate | undefined): due is IsoDate => due !== undefined && due >= earliestDue && due <= latestDue;

  const [requirements, actions, coverage] = await Promise.all([
    deps.requirements.listReviewDue(workspaceId, latestDue),
    deps.actions.listOpen(workspaceId),
    loadCoverage(deps, workspace, deps.clock.now()),
  ]);
  const items: DueItem[] = [
    ...requirements
      .filter((requirement) => inWindow(requirement.nextReviewOn) && requirement.owner?.id)
      .map((requirement): DueItem => ({
        kind: 'requirement',
        id: requirement.id,
        due: requirement.nextReviewOn,
        ownerId: requirement.owner?.id ?? '',
        message: async () => requirementReminder(requirement, today),
      })),
    ...actions
      .filter((action) => inWindow(action.dueOn) && action.owner?.id)
      .map((action): DueItem => ({
        kind: 'action',
        id: action.id,
        due: action.dueOn ?? today,
        ownerId: action.owner?.id ?? '',
        message: async () => actionReminder(action, today, await deps.checks.get(workspaceId, action.checkId)),
      })),
    ...coverage.kinds
      .filter((row) => inWindow(row.dueOn) && row.responsible?.id)
      .map((row): DueItem => ({
        kind: 'knowledge',
        id: row.kind,
        due: row.dueOn ?? today,
        ownerId: row.responsible?.id ?? '',
        message: async () => knowledgeReminder(row, today),
      })),
  ];

  const reports: ReminderReport[] = [];
  for (const item of items) {
    const key = digestKeys.reminder(workspaceId, item.kind, item.id, isoWeek(item.due));
    // Claimed before sending: if this instance stops right after, the reminder is skipped, never doubled.
    if (!(await deps.claims.claim(key, options.owner, REMINDER_CLAIM_TTL_MS))) continue;
    const recipient: Recipient = { platform: workspace.platform, destination: { kind: 'person', userId: item.ownerId } };
    const result = await deliver(messengers, workspaceId, recipient, await item.message());
    // A failure that may pass (rate limit, outage) frees the claim so the next run tries again.
    if (!result.ok && result.retryable) await deps.claims.release(key, options.owner);
    reports.push({ item: { kind: item.kind, id: item.id, due: item.due }, delivery: reportOf(recipient, result) });
  }
  return reports;
}
