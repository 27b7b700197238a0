/**
 * Named responsibilities: who determines customer requirements per category, for obligatory
 * requirements and for future needs. Admins set them; each change is evidence before it is shown.
 */
import { parsePerson } from '../domain/person.js';
import { RESPONSIBILITY_AREAS, type Responsibility, type ResponsibilityArea, areaLabel } from '../domain/responsibility.js';
import type { Actor } from '../domain/shared.js';
import { oneOf } from '../domain/text.js';
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from './access.js';
import { recordIn } from './record-evidence.js';

export interface ResponsibilityChange {
  readonly area: ResponsibilityArea;
  /** The person now named; absent when the area was left with nobody (`… none`). */
  readonly responsibility?: Responsibility;
  readonly previous?: Responsibility;
}

/** What an admin types to leave an area with nobody named: `{focus}responsible category:delivery none`. */
const NOBODY = new Set(['none', 'nobody', 'remove', '-']);

export async function setResponsible(deps: CoreDeps, actor: Actor, rawArea: string, rawPerson: string): Promise<ResponsibilityChange> {
  await requirePermission(deps, actor, 'responsibility.set');
  const area: ResponsibilityArea = oneOf(rawArea.replace(/^category:/i, ''), RESPONSIBILITY_AREAS, 'area');
  if (NOBODY.has(rawPerson.trim().toLowerCase())) return removeResponsible(deps, actor, area);
  const person = parsePerson(rawPerson, actor, 'person');
  if (!person.id) {
    throw new DomainError(
      'input.invalid',
      `"${rawPerson.trim()}" is not a person I can reach. Mention a real member of this workspace with @, e.g. "{focus}responsible category:${area} @dana".`,
      'person',
    );
  }
  const previous = await deps.responsibilities.get(actor.workspaceId, area);
  const now = deps.clock.now();
  const responsibility: Responsibility = {
    workspaceId: actor.workspaceId,
    area,
    person: person.name ? { id: person.id, name: person.name } : { id: person.id },
    setBy: actor.name ? { id: actor.id, name: actor.name } : { id: actor.id },
    setAt: now.toISOString(),
  };
  await deps.unitOfWork.run(async (tx) => {
    await tx.responsibilities.set(responsibility);
    recordIn(tx, actor, now, {
      type: 'responsibility.set',
      subject: { kind: 'responsibility', id: area },
      data: { area, ownerId: responsibility.person.id, fromId: previous?.person.id ?? null },
      personal: { ownerName: person.name, fromName: previous?.person.name },
    });
  });
  return { area, responsibility, ...(previous ? { previous } : {}) };
}

/** Leaves an area with nobody named (someone left, or the area is not used); evidence before it is shown. */
async function removeResponsible(deps: CoreDeps, actor: Actor, area: ResponsibilityArea): Promise<ResponsibilityChange> {
  const previous = await deps.responsibilities.get(actor.workspaceId, area);
  if (!previous) {
    throw new DomainError(
      'input.invalid',
      `Nobody is named for ${areaLabel(area)}, so there is nobody to remove. "{focus}responsible" lists who is named where.`,
      'person',
    );
  }
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (tx) => {
    await tx.responsibilities.remove(actor.workspaceId, area);
    recordIn(tx, actor, now, {
      type: 'responsibility.set',
      subject: { kind: 'responsibility', id: area },
      // The same entry type as naming someone, with nobody named: the log reads as one history per area.
      data: { area, ownerId: null, fromId: previous.person.id },
      personal: { fromName: previous.person.name },
    });
  });
  return { area, previous };
}

/** Every area with its responsible person, or none; in RESPONSIBILITY_AREAS order. */
export async function listResponsibilities(
  deps: CoreDeps,
  actor: Actor,
): Promise<{ area: ResponsibilityArea; responsibility?: Responsibility }[]> {
  await requirePermission(deps, actor, 'requirement.read');
  return responsibilityTable(deps, actor.workspaceId);
}

/** The same table without a permission check, for the digest, the dashboard and the pack. */
export async function responsibilityTable(
  deps: Pick<CoreDeps, 'responsibilities'>,
  workspaceId: string,
): Promise<{ area: ResponsibilityArea; responsibility?: Responsibility }[]> {
  const byArea = new Map((await deps.responsibilities.list(workspaceId)).map((r) => [r.area, r]));
  return RESPONSIBILITY_AREAS.map((area) => {
    const responsibility = byArea.get(area);
    return responsibility ? { area, responsibility } : { area };
  });
}
