/** Read-only questions about the register and the evidence log. */
import type { Fields, ListField } from '../domain/input-fields.js';
import { dateInZone, dayRangeInZone } from '../domain/dates.js';
import type { EvidenceEntry } from '../domain/evidence.js';
import { parsePerson, samePerson } from '../domain/person.js';
import {
  REQUIREMENT_CATEGORIES,
  REQUIREMENT_STATUSES,
  REQUIREMENT_TYPES,
  type Requirement,
  type RequirementReview,
} from '../domain/requirement.js';
import type { Actor, IsoDate } from '../domain/shared.js';
import { oneOf } from '../domain/text.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from './access.js';
import { type RequirementSources, sourcesOfRequirement } from './knowledge.js';
import { loadRequirement } from './requirements.js';
import { type DigestReport, digestsReporting } from './review-digests.js';
import { workspaceTimeZone } from './workspaces.js';
import { MAX_LIST_ITEMS } from '../views.js';

/** The ports the queries read. */
export type QueryDeps = Pick<
  CoreDeps,
  'clock' | 'roles' | 'adminUsers' | 'workspaces' | 'defaultTimeZone' | 'requirements' | 'evidence' | 'knowledge' | 'feedback' | 'checks'
>;

/** Requirements matching the filter; retired ones only when asked for by status. */
export async function listRequirements(deps: QueryDeps, actor: Actor, filter: Fields<ListField> = {}): Promise<Requirement[]> {
  await requirePermission(deps, actor, 'requirement.read');
  const status = filter.status ? oneOf(filter.status, REQUIREMENT_STATUSES, 'status') : undefined;
  const type = filter.type ? oneOf(filter.type, REQUIREMENT_TYPES, 'type') : undefined;
  const category = filter.category ? oneOf(filter.category, REQUIREMENT_CATEGORIES, 'category') : undefined;
  const owner = filter.owner ? parsePerson(filter.owner, actor, 'owner', { lookup: true }) : undefined;
  const customer = filter.customer?.trim().toLowerCase();
  const source = filter.due
    ? await deps.requirements.listReviewDue(
        actor.workspaceId,
        dateInZone(deps.clock.now(), await workspaceTimeZone(deps, actor.workspaceId)),
      )
    : await deps.requirements.list(actor.workspaceId);
  return source.filter(
    (requirement) =>
      (status ? requirement.status === status : requirement.status !== 'retired') &&
      (!type || requirement.type === type) &&
      (!category || requirement.category === category) &&
      (!owner || samePerson(requirement.owner, owner)) &&
      (!customer || requirement.customer.toLowerCase().includes(customer)),
  );
}

export interface RequirementShown {
  readonly requirement: Requirement;
  readonly reviews: RequirementReview[];
  readonly sources: RequirementSources;
  /** The digests that reported each shown review, by review id. */
  readonly digests: ReadonlyMap<string, readonly DigestReport[]>;
}

export async function showRequirement(deps: QueryDeps, actor: Actor, rawId: string): Promise<RequirementShown> {
  await requirePermission(deps, actor, 'requirement.read');
  const requirement = await loadRequirement(deps, actor, rawId);
  const reviews = await deps.requirements.listReviews(actor.workspaceId, requirement.id);
  return {
    requirement,
    reviews,
    sources: await sourcesOfRequirement(deps, requirement),
    // Only the reviews the view shows are followed to their digests.
    digests: await digestsReporting(deps, actor.workspaceId, reviews.slice(-MAX_LIST_ITEMS)),
  };
}

/** Evidence entries between two dates, inclusive, in the workspace's time zone. */
export async function listEvidence(deps: QueryDeps, actor: Actor, from: IsoDate, to: IsoDate): Promise<EvidenceEntry[]> {
  await requirePermission(deps, actor, 'evidence.export');
  const range = dayRangeInZone(from, to, await workspaceTimeZone(deps, actor.workspaceId));
  return deps.evidence.listBetween(actor.workspaceId, range);
}
