/**
 * Recording and changing customer requirements. Every change is saved with its evidence entry in
 * one unit of work (both or neither), checked like a compare-and-set (no lost updates between
 * instances), before anything is shown.
 */
import type { Fields, RequirementField } from '../domain/input-fields.js';
import { addDays, dateInZone } from '../domain/dates.js';
import { parsePerson, personLabel, samePerson } from '../domain/person.js';
import {
  REVIEW_OUTCOMES,
  type Requirement,
  type RequirementReview,
  parseRequirementId,
  requirementId,
  statusAfterReview,
} from '../domain/requirement.js';
import {
  type RequirementValues,
  applyRequirementChanges,
  ownerFromField,
  requirementValuesForCreate,
} from '../domain/requirement-input.js';
import type { Actor, Person, PersonRef } from '../domain/shared.js';
import { cleanOptionalText, oneOf } from '../domain/text.js';
import { DomainError } from '../errors.js';
import { FieldChecks } from '../domain/field-checks.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from './access.js';
import { requireChecksExist } from './check-refs.js';
import { requireKnowledgeExists } from './knowledge.js';
import { refuseDuplicate } from './duplicates.js';
import { personId, recordIn } from './record-evidence.js';
import { workspaceTimeZone } from './workspaces.js';

/** The ports the requirement use cases use. */
export type RequirementDeps = Pick<
  CoreDeps,
  'clock' | 'ids' | 'roles' | 'adminUsers' | 'workspaces' | 'defaultTimeZone' | 'requirements' | 'knowledge' | 'checks' | 'unitOfWork'
>;

const author = (actor: Actor): Person => (actor.name ? { id: actor.id, name: actor.name } : { id: actor.id });

/** Canonical id, or a not-found error that says how ids look. */
export function requireRequirementId(raw: string): string {
  const id = parseRequirementId(raw);
  if (!id) {
    throw new DomainError('requirement.not_found', `"${raw}" is not a requirement id. Ids look like REQ-12.`);
  }
  return id;
}

export async function loadRequirement(deps: Pick<CoreDeps, 'requirements'>, actor: Actor, raw: string): Promise<Requirement> {
  const id = requireRequirementId(raw);
  const requirement = await deps.requirements.get(actor.workspaceId, id);
  if (!requirement) {
    throw new DomainError(
      'requirement.not_found',
      `There is no ${id} in this workspace. "{requirement} list" shows the requirements there are.`,
    );
  }
  return requirement;
}

const valuesOf = (requirement: Requirement): RequirementValues => ({
  statement: requirement.statement,
  customer: requirement.customer,
  type: requirement.type,
  ...(requirement.reference ? { reference: requirement.reference } : {}),
  category: requirement.category,
  ...(requirement.source ? { source: requirement.source } : {}),
  ...(requirement.knowledgeIds?.length ? { knowledgeIds: [...requirement.knowledgeIds] } : {}),
  ...(requirement.checkRefs?.length ? { checkRefs: [...requirement.checkRefs] } : {}),
  horizon: requirement.horizon,
  ...(requirement.owner ? { owner: requirement.owner } : {}),
  reviewIntervalDays: requirement.reviewIntervalDays,
});

/** Facts about a requirement for the evidence log (personal and free text kept apart). */
function requirementEvidence(requirement: Requirement) {
  return {
    data: {
      type: requirement.type,
      category: requirement.category,
      horizon: requirement.horizon,
      status: requirement.status,
      reviewIntervalDays: requirement.reviewIntervalDays,
      nextReviewOn: requirement.nextReviewOn,
      ownerId: personId(requirement.owner),
      knowledgeIds: [...(requirement.knowledgeIds ?? [])],
      checkRefs: [...(requirement.checkRefs ?? [])],
      version: requirement.version,
    },
    personal: {
      statement: requirement.statement,
      customer: requirement.customer,
      reference: requirement.reference,
      source: requirement.source?.text,
      sourceLink: requirement.source?.link,
      ownerName: requirement.owner?.name,
    },
  };
}

export interface AddOptions {
  /** The person confirmed that this is a second, separate requirement (`duplicate:ok`); imports check duplicates themselves. */
  readonly allowDuplicate?: boolean;
}

export async function addRequirement(
  deps: RequirementDeps,
  actor: Actor,
  fields: Fields<RequirementField>,
  options: AddOptions = {},
): Promise<Requirement> {
  await requirePermission(deps, actor, 'requirement.record');
  const now = deps.clock.now();
  const timeZone = await workspaceTimeZone(deps, actor.workspaceId);
  // Validate everything before taking a number, so a refused command uses up nothing.
  const values = requirementValuesForCreate(fields, actor, dateInZone(now, timeZone));
  await requireKnowledgeExists(deps, actor.workspaceId, values.knowledgeIds ?? []);
  await requireChecksExist(deps, actor.workspaceId, values.checkRefs ?? []);
  if (!options.allowDuplicate) await refuseDuplicate(deps, actor.workspaceId, values);
  const number = await deps.requirements.allocateNumber(actor.workspaceId);
  const requirement: Requirement = {
    workspaceId: actor.workspaceId,
    id: requirementId(number),
    number,
    ...values,
    status: 'open',
    nextReviewOn: addDays(dateInZone(now, timeZone), values.reviewIntervalDays),
    createdBy: author(actor),
    createdAt: now.toISOString(),
    updatedBy: author(actor),
    updatedAt: now.toISOString(),
    version: 1,
  };
  await deps.unitOfWork.run(async (tx) => {
    await tx.requirements.create(requirement);
    recordIn(tx, actor, now, {
      type: 'requirement.created',
      subject: { kind: 'requirement', id: requirement.id },
      ...requirementEvidence(requirement),
    });
  });
  return requirement;
}

export async function editRequirement(
  deps: RequirementDeps,
  actor: Actor,
  rawId: string,
  fields: Fields<RequirementField>,
): Promise<Requirement> {
  await requirePermission(deps, actor, 'requirement.record');
  const existing = await loadRequirement(deps, actor, rawId);
  if (existing.status === 'retired') {
    throw new DomainError('requirement.retired', `${existing.id} is retired and can no longer be changed.`);
  }
  const now = deps.clock.now();
  const timeZone = await workspaceTimeZone(deps, actor.workspaceId);
  const today = dateInZone(now, timeZone);
  // Checked before the permission question, so a mistyped owner is named as such; and against the
  // record as it is now, so a refused edit (an unknown knowledge record) writes nothing.
  const checked = applyRequirementChanges(valuesOf(existing), fields, actor, today);
  await requireKnowledgeExists(deps, actor.workspaceId, checked.knowledgeIds ?? []);
  await requireChecksExist(deps, actor.workspaceId, checked.checkRefs ?? []);
  if (fields.owner !== undefined && existing.owner) {
    const owner = ownerFromField(fields.owner, actor);
    if (!owner || !samePerson(existing.owner, owner)) await requirePermission(deps, actor, 'requirement.reassign');
  }
  const { result: updated } = await deps.unitOfWork.run(async (tx) => {
    const changed = await tx.requirements.update(actor.workspaceId, existing.id, (current) => {
      const values = applyRequirementChanges(valuesOf(current), fields, actor, today);
      const intervalChanged = values.reviewIntervalDays !== current.reviewIntervalDays;
      return {
        ...current,
        ...values,
        ...(values.reference ? {} : { reference: undefined }),
        ...(values.source ? {} : { source: undefined }),
        ...(values.knowledgeIds ? {} : { knowledgeIds: undefined }),
        ...(values.checkRefs ? {} : { checkRefs: undefined }),
        ...(values.owner ? {} : { owner: undefined }),
        nextReviewOn: intervalChanged ? addDays(today, values.reviewIntervalDays) : current.nextReviewOn,
        updatedBy: author(actor),
        updatedAt: now.toISOString(),
      };
    });
    if (!changed) throw new DomainError('requirement.not_found', `${existing.id} no longer exists.`);
    recordIn(tx, actor, now, {
      type: 'requirement.changed',
      subject: { kind: 'requirement', id: changed.id },
      ...requirementEvidence(changed),
      data: { ...requirementEvidence(changed).data, changedFields: Object.keys(fields).sort() },
    });
    return changed;
  });
  return updated;
}

export interface ReviewResult {
  readonly requirement: Requirement;
  readonly review: RequirementReview;
}

export async function reviewRequirement(
  deps: RequirementDeps,
  actor: Actor,
  rawId: string,
  rawOutcome: string,
  rawNote?: string,
): Promise<ReviewResult> {
  await requirePermission(deps, actor, 'requirement.record');
  const checks = new FieldChecks();
  const outcome = checks.run(() => oneOf(rawOutcome, REVIEW_OUTCOMES, 'review outcome'));
  const note = checks.run(() => cleanOptionalText(rawNote, { field: 'note', multiline: true }));
  checks.throwIfAny();
  if (!outcome) throw new Error('unreachable: a refused outcome was thrown above');
  if (outcome === 'retire') await requirePermission(deps, actor, 'requirement.retire');
  const existing = await loadRequirement(deps, actor, rawId);
  if (existing.status === 'retired') {
    throw new DomainError('requirement.retired', `${existing.id} is retired; there is nothing left to review.`);
  }
  const now = deps.clock.now();
  const today = dateInZone(now, await workspaceTimeZone(deps, actor.workspaceId));
  const reviewId = deps.ids.newId();
  const { result } = await deps.unitOfWork.run(async (tx) => {
    const updated = await tx.requirements.update(actor.workspaceId, existing.id, (current) => ({
      ...current,
      status: statusAfterReview(current.status, outcome),
      nextReviewOn: addDays(today, current.reviewIntervalDays),
      updatedBy: author(actor),
      updatedAt: now.toISOString(),
    }));
    if (!updated) throw new DomainError('requirement.not_found', `${existing.id} no longer exists.`);
    const review: RequirementReview = {
      workspaceId: actor.workspaceId,
      requirementId: updated.id,
      id: reviewId,
      outcome,
      ...(note ? { note } : {}),
      by: author(actor),
      at: now.toISOString(),
    };
    await tx.requirements.addReview(review);
    recordIn(tx, actor, now, {
      type: outcome === 'retire' ? 'requirement.retired' : 'requirement.reviewed',
      subject: { kind: 'requirement', id: updated.id },
      data: { reviewId: review.id, outcome, status: updated.status, nextReviewOn: updated.nextReviewOn },
      personal: { note },
    });
    return { requirement: updated, review };
  });
  return result;
}

export async function retireRequirement(deps: RequirementDeps, actor: Actor, rawId: string, note?: string) {
  return reviewRequirement(deps, actor, rawId, 'retire', note);
}

/** Gives one requirement a new owner. */
export async function reassignRequirement(deps: RequirementDeps, actor: Actor, rawId: string, rawOwner: string): Promise<Requirement> {
  await requirePermission(deps, actor, 'requirement.reassign');
  const owner = parsePerson(rawOwner, actor, 'owner');
  const existing = await loadRequirement(deps, actor, rawId);
  return setOwner(deps, actor, existing, owner);
}

/** Moves every requirement of one owner to another, e.g. when someone leaves. */
export async function reassignOwner(deps: RequirementDeps, actor: Actor, rawFrom: string, rawTo: string): Promise<Requirement[]> {
  await requirePermission(deps, actor, 'requirement.reassign');
  // Lookup: an owner recorded before owners were checked may be a plain name.
  const from = parsePerson(rawFrom, actor, 'current owner', { lookup: true });
  const to = parsePerson(rawTo, actor, 'new owner');
  const owned = (await deps.requirements.list(actor.workspaceId)).filter(
    (requirement) => requirement.status !== 'retired' && samePerson(requirement.owner, from),
  );
  if (owned.length === 0) {
    throw new DomainError('input.invalid', `${personLabel(from)} owns no active requirements, so there is nothing to reassign.`);
  }
  const moved: Requirement[] = [];
  for (const requirement of owned) moved.push(await setOwner(deps, actor, requirement, to));
  return moved;
}

async function setOwner(deps: RequirementDeps, actor: Actor, existing: Requirement, owner: PersonRef): Promise<Requirement> {
  if (existing.status === 'retired') {
    throw new DomainError('requirement.retired', `${existing.id} is retired and can no longer be changed.`);
  }
  const now = deps.clock.now();
  const previous = existing.owner;
  const { result: updated } = await deps.unitOfWork.run(async (tx) => {
    const changed = await tx.requirements.update(actor.workspaceId, existing.id, (current) => ({
      ...current,
      owner,
      updatedBy: author(actor),
      updatedAt: now.toISOString(),
    }));
    if (!changed) throw new DomainError('requirement.not_found', `${existing.id} no longer exists.`);
    recordIn(tx, actor, now, {
      type: 'requirement.reassigned',
      subject: { kind: 'requirement', id: changed.id },
      data: { fromId: personId(previous), toId: personId(owner) },
      personal: { fromName: previous?.name, toName: owner.name },
    });
    return changed;
  });
  return updated;
}
