/** This week's figures for `status` and the App Home. Reads only this week's records. */
import { addDays, dateInZone, dayRangeInZone } from '../domain/dates.js';
import type { Actor } from '../domain/shared.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from './access.js';
import { workspaceTimeZone } from './workspaces.js';

export interface WeekFigures {
  readonly from: string;
  readonly to: string;
  readonly checksStarted: number;
  readonly checksAnswered: number;
  readonly checksDismissed: number;
  readonly checksAwaiting: number;
  readonly openActions: number;
  readonly overdueActions: number;
  readonly reviewsDue: number;
  readonly feedbackReceived: number;
}

/** Monday to Sunday of the current week in the workspace's time zone. */
export async function currentWeek(deps: CoreDeps, workspaceId: string) {
  const timeZone = await workspaceTimeZone(deps, workspaceId);
  const today = dateInZone(deps.clock.now(), timeZone);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const from = addDays(today, -weekday);
  const to = addDays(from, 6);
  return { from, to, today, range: dayRangeInZone(from, to, timeZone) };
}

export async function weekFigures(deps: CoreDeps, actor: Actor): Promise<WeekFigures> {
  await requirePermission(deps, actor, 'check.read');
  const week = await currentWeek(deps, actor.workspaceId);
  const [checks, actions, due, feedback] = await Promise.all([
    deps.checks.listStarted(actor.workspaceId, week.range),
    deps.actions.listOpen(actor.workspaceId),
    deps.requirements.listReviewDue(actor.workspaceId, week.today),
    deps.feedback.listReceived(actor.workspaceId, week.range),
  ]);
  return {
    from: week.from,
    to: week.to,
    checksStarted: checks.length,
    checksAnswered: checks.filter((check) => check.status === 'answered').length,
    checksDismissed: checks.filter((check) => check.status === 'dismissed').length,
    checksAwaiting: checks.filter((check) => check.status === 'awaiting').length,
    openActions: actions.length,
    overdueActions: actions.filter((action) => action.dueOn !== undefined && action.dueOn < week.today).length,
    reviewsDue: due.length,
    feedbackReceived: feedback.length,
  };
}
