/**
 * Named responsibilities: who determines customer requirements per category, for obligatory
 * requirements and for future needs. Admins set them; each change is evidence before it is shown.
 */
import { parsePerson } from '../domain/person.js';
import { RESPONSIBILITY_AREAS, type Responsibility, type ResponsibilityArea } from '../domain/responsibility.js';
import type { Actor } from '../domain/shared.js';
import { oneOf } from '../domain/text.js';
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from './access.js';
import { recordIn } from './record-evidence.js';

export interface ResponsibilityChange {
  readonly responsibility: Responsibility;
  readonly previous?: Responsibility;
}

export async function setResponsible(deps: CoreDeps, actor: Actor, rawArea: string, rawPerson: string): Promise<ResponsibilityChange> {
  await requirePermission(deps, actor, 'responsibility.set');
  const area: ResponsibilityArea = oneOf(rawArea.replace(/^category:/i, ''), RESPONSIBILITY_AREAS, 'area');
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
  return { responsibility, ...(previous ? { previous } : {}) };
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
