import type { Role } from '../../../core/domain/roles.js';
import { ROLES } from '../../../core/domain/roles.js';
import type { WorkspaceId } from '../../../core/domain/shared.js';
import type { RoleAssignment } from '../../../core/domain/workspace.js';
import type { RoleRepository } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { EVERYTHING, instant, keys, loadAll } from './keys.js';

export class KeyvRoleRepository implements RoleRepository {
  constructor(private readonly backend: Backend) {}

  get(workspaceId: WorkspaceId, userId: string): Promise<RoleAssignment | undefined> {
    return this.backend.records.get<RoleAssignment>(keys.role(workspaceId, userId));
  }

  async set(assignment: RoleAssignment): Promise<void> {
    const { records, index } = this.backend;
    const { workspaceId, userId } = assignment;
    await records.put(keys.role(workspaceId, userId), assignment);
    const score = instant(assignment.assignedAt);
    await index.add(keys.rolesIndex(workspaceId), userId, score);
    await index.add(keys.roleIndex(workspaceId, assignment.role), userId, score);
    for (const other of ROLES.filter((role) => role !== assignment.role)) {
      await index.remove(keys.roleIndex(workspaceId, other), userId);
    }
  }

  async list(workspaceId: WorkspaceId): Promise<RoleAssignment[]> {
    const users = await this.backend.index.range(keys.rolesIndex(workspaceId), EVERYTHING.min, EVERYTHING.max);
    return loadAll<RoleAssignment>(
      this.backend.records,
      users.map((user) => keys.role(workspaceId, user)),
    );
  }

  async listByRole(workspaceId: WorkspaceId, role: Role): Promise<RoleAssignment[]> {
    const users = await this.backend.index.range(keys.roleIndex(workspaceId, role), EVERYTHING.min, EVERYTHING.max);
    const assignments = await loadAll<RoleAssignment>(
      this.backend.records,
      users.map((user) => keys.role(workspaceId, user)),
    );
    // The record is the truth; the per-role index may briefly lag a concurrent change.
    return assignments.filter((assignment) => assignment.role === role);
  }
}
