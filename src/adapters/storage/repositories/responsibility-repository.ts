import { RESPONSIBILITY_AREAS, type Responsibility, type ResponsibilityArea } from '../../../core/domain/responsibility.js';
import type { WorkspaceId } from '../../../core/domain/shared.js';
import type { ResponsibilityRepository } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { keys } from './keys.js';

/** What a removed responsibility leaves: a unit of work writes and never deletes, so removal is a marker. */
interface Removed {
  readonly removed: true;
}
type Stored = Responsibility | Removed;
const present = (value: Stored | undefined): value is Responsibility => value !== undefined && !('removed' in value);

/**
 * One key per area, written whole: naming someone is a plain put (the last admin to name someone
 * wins, and each change is in the evidence log), and the list is one read of the fixed keys.
 */
export class KeyvResponsibilityRepository implements ResponsibilityRepository {
  constructor(private readonly backend: Backend) {}

  set(responsibility: Responsibility): Promise<void> {
    return this.backend.records.put(keys.responsibility(responsibility.workspaceId, responsibility.area), responsibility);
  }

  remove(workspaceId: WorkspaceId, area: ResponsibilityArea): Promise<void> {
    return this.backend.records.put(keys.responsibility(workspaceId, area), { removed: true } satisfies Removed);
  }

  async get(workspaceId: WorkspaceId, area: ResponsibilityArea): Promise<Responsibility | undefined> {
    const value = await this.backend.records.get<Stored>(keys.responsibility(workspaceId, area));
    return present(value) ? value : undefined;
  }

  async list(workspaceId: WorkspaceId): Promise<Responsibility[]> {
    const values = await this.backend.records.getMany<Stored>(RESPONSIBILITY_AREAS.map((area) => keys.responsibility(workspaceId, area)));
    return values.filter(present);
  }
}
