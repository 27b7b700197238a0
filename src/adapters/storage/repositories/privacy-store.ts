/**
 * Redaction, retention marks, erasure over stored records, and purge. Every change of a stored
 * record is a compare-and-set (`records.update`), so it never loses a concurrent write; purge
 * removes the whole `ws:<id>:` prefix and the workspace's place in the list of workspaces.
 */
import { RESPONSIBILITY_AREAS } from '../../../core/domain/responsibility.js';
import type { EvidenceEntry } from '../../../core/domain/evidence.js';
import type { WorkspaceId } from '../../../core/domain/shared.js';
import type { PersonalRewrite, PrivacyStore } from '../../../core/ports.js';
import type { Backend, Versioned } from '../primitives.js';
import { EVERYTHING, keys, workspacePrefix } from './keys.js';

interface RetentionMark {
  readonly version: number;
  readonly until: string;
}

/** Records a rewrite is applied to, read in batches of this many. */
const BATCH = 500;

export class KeyvPrivacyStore implements PrivacyStore {
  constructor(private readonly backend: Backend) {}

  redact(workspaceId: WorkspaceId, seq: number, fields: readonly string[]): Promise<EvidenceEntry | undefined> {
    return this.backend.records.update<EvidenceEntry & Versioned>(keys.evidence(workspaceId, seq), (entry) => {
      const personal = { ...entry.personal };
      for (const field of fields) if (field in personal) personal[field] = null;
      return { ...entry, personal };
    });
  }

  async retainedUntil(workspaceId: WorkspaceId): Promise<string | undefined> {
    return (await this.backend.records.get<RetentionMark>(keys.retentionMark(workspaceId)))?.until;
  }

  async setRetainedUntil(workspaceId: WorkspaceId, until: string): Promise<void> {
    const key = keys.retentionMark(workspaceId);
    const moved = await this.backend.records.update<RetentionMark>(key, (mark) => (mark.until >= until ? mark : { ...mark, until }));
    // Two first runs may both write here; each value is an instant up to which redaction was done.
    if (!moved) await this.backend.records.put<RetentionMark>(key, { version: 1, until });
  }

  async rewriteRecords(workspaceId: WorkspaceId, rewrite: PersonalRewrite): Promise<Record<keyof PersonalRewrite, number>> {
    const { index } = this.backend;
    const ids = (name: string) => index.range(name, EVERYTHING.min, EVERYTHING.max);
    const counts = { requirement: 0, review: 0, check: 0, answer: 0, action: 0, feedback: 0, knowledge: 0, responsibility: 0 };

    const requirementIds = await ids(keys.requirementsByNumber(workspaceId));
    counts.requirement = await this.rewriteEach(
      requirementIds.map((id) => keys.requirement(workspaceId, id)),
      rewrite.requirement,
    );
    for (const requirementId of requirementIds) {
      const reviewKeys = (await ids(keys.reviewsOf(workspaceId, requirementId))).map((id) => keys.review(workspaceId, requirementId, id));
      counts.review += await this.rewriteEach(reviewKeys, rewrite.review);
    }

    const checkIds = await ids(keys.checksByStart(workspaceId));
    counts.check = await this.rewriteEach(
      checkIds.map((id) => keys.check(workspaceId, id)),
      rewrite.check,
    );
    // Follow-up actions are reached through the answers that created them, and through the open list.
    const actionIds = new Set(await ids(keys.openActions(workspaceId)));
    for (const checkId of checkIds) {
      const answerKeys = (await ids(keys.answersOf(workspaceId, checkId))).map((id) => keys.answer(workspaceId, checkId, id));
      counts.answer += await this.rewriteEach(answerKeys, rewrite.answer, (answer) => {
        if (answer.actionId) actionIds.add(answer.actionId);
      });
    }
    counts.action = await this.rewriteEach(
      [...actionIds].map((id) => keys.action(workspaceId, id)),
      rewrite.action,
    );

    const feedbackKeys = (await ids(keys.feedbackByReceipt(workspaceId))).map((id) => keys.feedback(workspaceId, id));
    counts.feedback = await this.rewriteEach(feedbackKeys, rewrite.feedback);

    const knowledgeKeys = (await ids(keys.knowledgeByNumber(workspaceId))).map((id) => keys.knowledge(workspaceId, id));
    counts.knowledge = await this.rewriteEach(knowledgeKeys, rewrite.knowledge);
    counts.responsibility = await this.rewriteEach(
      RESPONSIBILITY_AREAS.map((area) => keys.responsibility(workspaceId, area)),
      rewrite.responsibility,
    );
    return counts;
  }

  async purgeWorkspace(workspaceId: WorkspaceId): Promise<number> {
    const removed = await this.backend.purge(workspacePrefix(workspaceId));
    const listed = (await this.backend.index.range(keys.workspacesIndex, EVERYTHING.min, EVERYTHING.max)).includes(workspaceId);
    await this.backend.index.remove(keys.workspacesIndex, workspaceId);
    return removed + (listed ? 1 : 0);
  }

  /** Reads the records, and saves with compare-and-set only those the rewrite changes. */
  private async rewriteEach<T>(recordKeys: readonly string[], change: (record: T) => T, seen?: (record: T) => void): Promise<number> {
    let changed = 0;
    for (let start = 0; start < recordKeys.length; start += BATCH) {
      const batch = recordKeys.slice(start, start + BATCH);
      const values = await this.backend.records.getMany<T>(batch);
      for (const [i, value] of values.entries()) {
        if (value === undefined) continue;
        seen?.(value);
        if (change(value) === value) continue;
        const key = batch[i] as string;
        await this.backend.records.update<T & Versioned>(key, (current) => change(current) as T & Versioned);
        changed += 1;
      }
    }
    return changed;
  }
}
