import type { KnowledgeRecord } from '../../../core/domain/knowledge.js';
import type { WorkspaceId } from '../../../core/domain/shared.js';
import type { KnowledgeRepository } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { EVERYTHING, keys, loadAll } from './keys.js';

/** Customer-knowledge records: written once, never changed; one index by number. */
export class KeyvKnowledgeRepository implements KnowledgeRepository {
  constructor(private readonly backend: Backend) {}

  allocateNumber(workspaceId: WorkspaceId): Promise<number> {
    return this.backend.counters.next(keys.knowledgeCounter(workspaceId));
  }

  async create(record: KnowledgeRecord): Promise<void> {
    // Record first, index second: a crash in between leaves an unlisted record, never a dangling entry.
    await this.backend.records.put(keys.knowledge(record.workspaceId, record.id), record);
    await this.backend.index.add(keys.knowledgeByNumber(record.workspaceId), record.id, record.number);
  }

  get(workspaceId: WorkspaceId, id: string): Promise<KnowledgeRecord | undefined> {
    return this.backend.records.get<KnowledgeRecord>(keys.knowledge(workspaceId, id));
  }

  async list(workspaceId: WorkspaceId): Promise<KnowledgeRecord[]> {
    const ids = await this.backend.index.range(keys.knowledgeByNumber(workspaceId), EVERYTHING.min, EVERYTHING.max);
    return loadAll<KnowledgeRecord>(
      this.backend.records,
      ids.map((id) => keys.knowledge(workspaceId, id)),
    );
  }
}
