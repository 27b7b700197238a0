import { RESPONSIBILITY_AREAS, type Responsibility, type ResponsibilityArea } from '../../../core/domain/responsibility.js';
import type { WorkspaceId } from '../../../core/domain/shared.js';
import type { ResponsibilityRepository } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { keys } from './keys.js';

/**
 * One key per area, written whole: naming someone is a plain put (the last admin to name someone
 * wins, and each change is in the evidence log), and the list is one read of the fixed keys.
 */
export class KeyvResponsibilityRepository implements ResponsibilityRepository {
  constructor(private readonly backend: Backend) {}

  set(responsibility: Responsibility): Promise<void> {
    return this.backend.records.put(keys.responsibility(responsibility.workspaceId, responsibility.area), responsibility);
  }

  get(workspaceId: WorkspaceId, area: ResponsibilityArea): Promise<Responsibility | undefined> {
    return this.backend.records.get<Responsibility>(keys.responsibility(workspaceId, area));
  }

  async list(workspaceId: WorkspaceId): Promise<Responsibility[]> {
    const values = await this.backend.records.getMany<Responsibility>(
      RESPONSIBILITY_AREAS.map((area) => keys.responsibility(workspaceId, area)),
    );
    return values.filter((value): value is Responsibility => value !== undefined);
  }
}
