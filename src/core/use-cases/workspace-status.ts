/** This week's figures for `status` and the App Home. Reads only this week's records. */
import { addDays, dateInZone, dayRangeInZone } from '../domain/dates.js';
import type { Actor } from '../domain/shared.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from './access.js';
import { workspaceTimeZone } from './workspaces.js';

/** How the bot's unasked prompts were received in one channel (the noise budget). */
export interface ChannelNoise {
  readonly channelId: string;
  readonly sent: number;
  readonly answered: number;
  readonly dismissed: number;
  /** Still unanswered a day after the prompt. */
  readonly ignored: number;
}

export const NOISE_WINDOW_DAYS = 30;
const IGNORED_AFTER_MS = 86_400_000;

/** Unasked (detected) prompts of the last 30 days, per channel, most prompts first. */
export async function noiseFigures(deps: CoreDeps, workspaceId: string): Promise<ChannelNoise[]> {
  const now = deps.clock.now();
  const checks = await deps.checks.listStarted(workspaceId, {
    from: new Date(now.getTime() - NOISE_WINDOW_DAYS * 86_400_000),
    to: new Date(now.getTime() + 1),
  });
  const byChannel = new Map<string, { sent: number; answered: number; dismissed: number; ignored: number }>();
  for (const check of checks) {
    if (check.origin !== 'detected' || !check.prompt) continue;
    const figures = byChannel.get(check.place.channelId) ?? { sent: 0, answered: 0, dismissed: 0, ignored: 0 };
    figures.sent += 1;
    if (check.status === 'answered') figures.answered += 1;
    else if (check.status === 'dismissed') figures.dismissed += 1;
    else if (now.getTime() - Date.parse(check.startedAt) > IGNORED_AFTER_MS) figures.ignored += 1;
    byChannel.set(check.place.channelId, figures);
  }
  return [...byChannel].map(([channelId, figures]) => ({ channelId, ...figures })).sort((a, b) => b.sent - a.sent);
}

export interface WeekFigures {
  /** Monday and Sunday of the calendar week, in `timeZone`. */
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly checksStarted: number;
  readonly checksAnswered: number;
  readonly checksDismissed: number;
  readonly checksAwaiting: number;
  readonly openActions: number;
  readonly overdueActions: number;
  readonly reviewsDue: number;
  readonly feedbackReceived: number;
  readonly noise: readonly ChannelNoise[];
}

/** Monday to Sunday of the current week in the workspace's time zone. */
export async function currentWeek(deps: CoreDeps, workspaceId: string) {
  const timeZone = await workspaceTimeZone(deps, workspaceId);
  const today = dateInZone(deps.clock.now(), timeZone);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const from = addDays(today, -weekday);
  const to = addDays(from, 6);
  return { from, to, today, timeZone, range: dayRangeInZone(from, to, timeZone) };
}

export async function weekFigures(deps: CoreDeps, actor: Actor): Promise<WeekFigures> {
  await requirePermission(deps, actor, 'check.read');
  const week = await currentWeek(deps, actor.workspaceId);
  const [checks, actions, due, feedback, noise] = await Promise.all([
    deps.checks.listStarted(actor.workspaceId, week.range),
    deps.actions.listOpen(actor.workspaceId),
    deps.requirements.listReviewDue(actor.workspaceId, week.today),
    deps.feedback.listReceived(actor.workspaceId, week.range),
    noiseFigures(deps, actor.workspaceId),
  ]);
  return {
    from: week.from,
    to: week.to,
    timeZone: week.timeZone,
    checksStarted: checks.length,
    checksAnswered: checks.filter((check) => check.status === 'answered').length,
    checksDismissed: checks.filter((check) => check.status === 'dismissed').length,
    checksAwaiting: checks.filter((check) => check.status === 'awaiting').length,
    openActions: actions.length,
    overdueActions: actions.filter((action) => action.dueOn !== undefined && action.dueOn < week.today).length,
    reviewsDue: due.length,
    feedbackReceived: feedback.length,
    noise,
  };
}
