/**
 * The unit of work over one Backend. The repositories run unchanged over a view of the backend
 * that reads what is committed and keeps every write in a buffer; `Backend.commit` then writes the
 * buffer and the evidence entries (numbered in the same atomic step) all or nothing.
 */
import { type EvidenceDraft, type EvidenceEntry, toEvidenceEntry } from '../../../core/domain/evidence.js';
import type { Committed, Transaction, UnitOfWork } from '../../../core/ports.js';
import { KeyvKnowledgeRepository } from './knowledge-repository.js';
import { KeyvResponsibilityRepository } from './responsibility-repository.js';
import { conflictBackoff, nextVersion } from '../keyv-record-store.js';
import type { Backend, CommitBatch, IndexWrite, RecordStore, RecordWrite, SortedIndex, StoredRecord, Versioned } from '../primitives.js';
import { KeyvChannelSettingsRepository } from './channel-settings-repository.js';
import { KeyvActionRepository, KeyvDecisionCheckRepository } from './decision-check-repository.js';
import { KeyvFeedbackRepository } from './feedback-repository.js';
import { instant, keys } from './keys.js';
import { KeyvRequirementRepository } from './requirement-repository.js';
import { KeyvRoleRepository } from './role-repository.js';
import { KeyvWorkspaceRepository } from './workspace-repository.js';

/** As for a single compare-and-set (keyv-record-store.ts): enough for 50 writers racing on one record. */
const MAX_ATTEMPTS = 100;

interface PendingRecord {
  readonly value: unknown;
  /** The record as read, when this write replaces it (checked at the commit). */
  readonly expected?: StoredRecord<unknown>;
}

/** Where an evidence entry is stored: its record and its place in the by-time index. */
export function evidenceWrites(entry: EvidenceEntry): { record: RecordWrite; index: IndexWrite } {
  return {
    record: { key: keys.evidence(entry.workspaceId, entry.seq), value: entry },
    index: { index: keys.evidenceByTime(entry.workspaceId), member: String(entry.seq), score: instant(entry.at) },
  };
}

/** The writes of one run of a unit of work. */
class WriteBuffer {
  private readonly records = new Map<string, PendingRecord>();
  private readonly index = new Map<string, IndexWrite>();
  private readonly drafts: EvidenceDraft[] = [];
  /** The entries as numbered by the latest call of the batch's `writes`. */
  entries: EvidenceEntry[] = [];

  constructor(private readonly backend: Backend) {}

  get empty(): boolean {
    return this.records.size === 0 && this.index.size === 0 && this.drafts.length === 0;
  }

  transaction(): Transaction {
    const view = this.view();
    return {
      workspaces: new KeyvWorkspaceRepository(view),
      roles: new KeyvRoleRepository(view),
      requirements: new KeyvRequirementRepository(view),
      checks: new KeyvDecisionCheckRepository(view),
      actions: new KeyvActionRepository(view),
      feedback: new KeyvFeedbackRepository(view),
      channels: new KeyvChannelSettingsRepository(view),
      knowledge: new KeyvKnowledgeRepository(view),
      responsibilities: new KeyvResponsibilityRepository(view),
      record: (draft) => {
        this.drafts.push(draft);
      },
    };
  }

  batch(): CommitBatch {
    const workspaces = [...new Set(this.drafts.map((draft) => draft.workspaceId))];
    const sequences = workspaces.map((workspaceId) => ({
      counter: keys.evidenceCounter(workspaceId),
      count: this.drafts.filter((draft) => draft.workspaceId === workspaceId).length,
    }));
    const records: RecordWrite[] = [...this.records].map(([key, { value, expected }]) => ({
      key,
      value,
      ...(expected ? { expected } : {}),
    }));
    const index = [...this.index.values()];
    return {
      sequences,
      writes: (lastNumbers) => {
        // Each workspace's entries take the numbers just below its counter's new value, in the order recorded.
        const next = new Map(workspaces.map((workspaceId, i) => [workspaceId, (lastNumbers[i] ?? 0) - (sequences[i]?.count ?? 0) + 1]));
        this.entries = this.drafts.map((draft) => {
          const seq = next.get(draft.workspaceId) ?? 1;
          next.set(draft.workspaceId, seq + 1);
          return toEvidenceEntry(draft, seq);
        });
        const evidence = this.entries.map(evidenceWrites);
        return {
          records: [...records, ...evidence.map((write) => write.record)],
          index: [...index, ...evidence.map((write) => write.index)],
        };
      },
    };
  }

  /** The backend as the repositories see it inside the unit of work. */
  private view(): Backend {
    const { backend, records: pending } = this;
    const records: RecordStore = {
      get: async <T>(key: string) => (pending.has(key) ? (pending.get(key)?.value as T) : backend.records.get<T>(key)),
      getMany: async <T>(wanted: readonly string[]) => {
        const stored = await backend.records.getMany<T>(wanted);
        return wanted.map((key, i) => (pending.has(key) ? (pending.get(key)?.value as T) : stored[i]));
      },
      put: async (key, value) => {
        const expected = pending.get(key)?.expected;
        pending.set(key, { value, ...(expected ? { expected } : {}) });
      },
      update: async <T extends Versioned>(key: string, change: (current: T) => T) => {
        const earlier = pending.get(key);
        if (earlier) {
          // Changed (or created) earlier in this unit of work: one new version for the whole commit.
          const value = change(earlier.value as T);
          const next = earlier.expected ? nextVersion(earlier.expected.value as T, value) : value;
          pending.set(key, { ...earlier, value: next });
          return next;
        }
        const stored = await backend.records.read<T>(key);
        if (!stored) return undefined;
        const next = nextVersion(stored.value, change(stored.value));
        pending.set(key, { value: next, expected: stored });
        return next;
      },
      delete: () => Promise.reject(new Error('A unit of work does not delete records')),
      read: (key) => backend.records.read(key),
    };
    const change = (write: IndexWrite) => {
      this.index.set(JSON.stringify([write.index, write.member]), write);
    };
    const index: SortedIndex = {
      add: async (name, member, score) => change({ index: name, member, score }),
      remove: async (name, member) => change({ index: name, member, score: undefined }),
      range: (name, min, max, options) => backend.index.range(name, min, max, options),
      count: (name, min, max) => backend.index.count(name, min, max),
    };
    return {
      ...backend,
      records,
      index,
      commit: () => Promise.reject(new Error('A unit of work does not nest')),
    };
  }
}

export class KeyvUnitOfWork implements UnitOfWork {
  constructor(private readonly backend: Backend) {}

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<Committed<T>> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const buffer = new WriteBuffer(this.backend);
      // Errors thrown by `work` (a refusal, a failed read) propagate: nothing has been written.
      const result = await work(buffer.transaction());
      if (buffer.empty) return { result, evidence: [] };
      if (await this.backend.commit(buffer.batch())) return { result, evidence: buffer.entries };
      // Another writer changed a record this work read: run it again on what is stored now.
      await conflictBackoff(attempt);
    }
    throw new Error(`Could not save: the records kept changing under ${MAX_ATTEMPTS} attempts. Try again shortly.`);
  }
}
