/** What one person sees on the bot's home page: what waits for them, and this week's figures. */
import { addDays, dayRangeInZone } from '../domain/dates.js';
import type { DecisionCheck, FollowUpAction } from '../domain/decision-check.js';
import type { Requirement } from '../domain/requirement.js';
import type { Actor } from '../domain/shared.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from './access.js';
import { type WeekFigures, currentWeek, weekFigures } from './workspace-status.js';

export interface HomeData {
  readonly awaitingChecks: DecisionCheck[];
  readonly myActions: FollowUpAction[];
  readonly myReviews: Requirement[];
  readonly figures: WeekFigures;
}

/** Checks from the last two weeks that nobody has answered yet. */
const AWAITING_WINDOW_DAYS = 14;

export async function homeFor(deps: CoreDeps, actor: Actor): Promise<HomeData> {
  await requirePermission(deps, actor, 'check.read');
  const week = await currentWeek(deps, actor.workspaceId);
  const { timeZone } = (await deps.workspaces.get(actor.workspaceId))?.settings ?? { timeZone: deps.defaultTimeZone };
  const recent = dayRangeInZone(addDays(week.today, -AWAITING_WINDOW_DAYS), week.today, timeZone);
  const [checks, actions, reviews, figures] = await Promise.all([
    deps.checks.listStarted(actor.workspaceId, recent),
    deps.actions.listOpen(actor.workspaceId),
    deps.requirements.listReviewDue(actor.workspaceId, addDays(week.today, 7)),
    weekFigures(deps, actor),
  ]);
  return {
    awaitingChecks: checks.filter((check) => check.status === 'awaiting').reverse(),
    myActions: actions.filter((action) => action.owner?.id === actor.id),
    myReviews: reviews.filter((requirement) => requirement.owner?.id === actor.id),
    figures,
  };
}
