import type { EvidenceDraft, EvidenceEntry } from '../../../core/domain/evidence.js';
import type { WorkspaceId } from '../../../core/domain/shared.js';
import type { EvidenceLog, TimeRange } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { keys, loadAll } from './keys.js';
import { KeyvUnitOfWork } from './unit-of-work.js';

export class KeyvEvidenceLog implements EvidenceLog {
  private readonly unitOfWork: KeyvUnitOfWork;

  constructor(private readonly backend: Backend) {
    this.unitOfWork = new KeyvUnitOfWork(backend);
  }

  /** An entry on its own (no record with it), numbered and stored in one atomic commit: no gap when it fails. */
  async append(draft: EvidenceDraft): Promise<EvidenceEntry> {
    const { evidence } = await this.unitOfWork.run(async (tx) => tx.record(draft));
    const [entry] = evidence;
    if (!entry) throw new Error('The evidence entry was not stored');
    return entry;
  }

  async listBetween(workspaceId: WorkspaceId, range: TimeRange): Promise<EvidenceEntry[]> {
    const seqs = await this.backend.index.range(keys.evidenceByTime(workspaceId), range.from.getTime(), range.to.getTime());
    const entries = await loadAll<EvidenceEntry>(
      this.backend.records,
      seqs.map((seq) => keys.evidence(workspaceId, Number(seq))),
    );
    return entries.sort((a, b) => a.seq - b.seq);
  }

  async listBySeq(workspaceId: WorkspaceId, fromSeq: number, toSeq: number): Promise<EvidenceEntry[]> {
    const wanted: string[] = [];
    for (let seq = Math.max(1, fromSeq); seq <= toSeq; seq++) wanted.push(keys.evidence(workspaceId, seq));
    return loadAll<EvidenceEntry>(this.backend.records, wanted);
  }

  slots(workspaceId: WorkspaceId, fromSeq: number, toSeq: number): Promise<(EvidenceEntry | undefined)[]> {
    const wanted: string[] = [];
    for (let seq = Math.max(1, fromSeq); seq <= toSeq; seq++) wanted.push(keys.evidence(workspaceId, seq));
    return wanted.length === 0 ? Promise.resolve([]) : this.backend.records.getMany<EvidenceEntry>(wanted);
  }

  lastSeq(workspaceId: WorkspaceId): Promise<number> {
    return this.backend.counters.current(keys.evidenceCounter(workspaceId));
  }
}
