import { type EvidenceDraft, type EvidenceEntry, toEvidenceEntry } from '../../../core/domain/evidence.js';
import type { WorkspaceId } from '../../../core/domain/shared.js';
import type { EvidenceLog, TimeRange } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { instant, keys, loadAll } from './keys.js';

export class KeyvEvidenceLog implements EvidenceLog {
  constructor(private readonly backend: Backend) {}

  async append(draft: EvidenceDraft): Promise<EvidenceEntry> {
    const seq = await this.backend.counters.next(keys.evidenceCounter(draft.workspaceId));
    const entry = toEvidenceEntry(draft, seq);
    await this.backend.records.put(keys.evidence(draft.workspaceId, seq), entry);
    await this.backend.index.add(keys.evidenceByTime(draft.workspaceId), String(seq), instant(entry.at));
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
