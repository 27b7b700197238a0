import type { WorkspaceId } from '../../../core/domain/shared.js';
import type { Workspace } from '../../../core/domain/workspace.js';
import type { Mutator, WorkspaceRepository } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { EVERYTHING, instant, keys, loadAll } from './keys.js';

export class KeyvWorkspaceRepository implements WorkspaceRepository {
  constructor(private readonly backend: Backend) {}

  async ensure(workspace: Workspace): Promise<Workspace> {
    const { records, index } = this.backend;
    // Two instances meeting a new workspace at once both write the same defaults, which is
    // harmless; once it exists, it is returned as stored and never overwritten.
    const existing = await records.get<Workspace>(keys.workspace(workspace.id));
    if (existing) return existing;
    await records.put(keys.workspace(workspace.id), workspace);
    await index.add(keys.workspacesIndex, workspace.id, instant(workspace.createdAt));
    return workspace;
  }

  get(id: WorkspaceId): Promise<Workspace | undefined> {
    return this.backend.records.get<Workspace>(keys.workspace(id));
  }

  async list(): Promise<Workspace[]> {
    const ids = await this.backend.index.range(keys.workspacesIndex, EVERYTHING.min, EVERYTHING.max);
    return loadAll<Workspace>(this.backend.records, ids.map(keys.workspace));
  }

  update(id: WorkspaceId, change: Mutator<Workspace>): Promise<Workspace | undefined> {
    return this.backend.records.update<Workspace>(keys.workspace(id), change);
  }
}
