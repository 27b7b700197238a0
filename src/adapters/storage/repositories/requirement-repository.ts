import { createHash } from 'node:crypto';
import { type Requirement, type RequirementReview, duplicateKey } from '../../../core/domain/requirement.js';
import type { IsoDate, WorkspaceId } from '../../../core/domain/shared.js';
import type { Mutator, RequirementRepository } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { EVERYTHING, dayNumber, instant, keys, loadAll } from './keys.js';

const keyHash = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 22);

/** Per store, the workspaces whose statement index this process has seen complete (it only ever grows). */
const statementIndexComplete = new WeakMap<Backend, Set<string>>();

export class KeyvRequirementRepository implements RequirementRepository {
  constructor(private readonly backend: Backend) {}

  allocateNumber(workspaceId: WorkspaceId): Promise<number> {
    return this.backend.counters.next(keys.requirementCounter(workspaceId));
  }

  async create(requirement: Requirement): Promise<void> {
    // Record first, indexes second: a crash in between leaves an unlisted record, never an index
    // entry pointing at nothing that readers would have to explain.
    await this.backend.records.put(keys.requirement(requirement.workspaceId, requirement.id), requirement);
    await this.backend.index.add(keys.requirementsByNumber(requirement.workspaceId), requirement.id, requirement.number);
    await this.indexReview(requirement);
    await this.indexStatement(requirement);
  }

  get(workspaceId: WorkspaceId, id: string): Promise<Requirement | undefined> {
    return this.backend.records.get<Requirement>(keys.requirement(workspaceId, id));
  }

  async update(workspaceId: WorkspaceId, id: string, change: Mutator<Requirement>): Promise<Requirement | undefined> {
    const updated = await this.backend.records.update<Requirement>(keys.requirement(workspaceId, id), change);
    if (updated) {
      await this.indexReview(updated);
      await this.indexStatement(updated);
    }
    return updated;
  }

  async findLive(workspaceId: WorkspaceId, key: string): Promise<Requirement | undefined> {
    await this.completeStatementIndex(workspaceId);
    const ids = await this.backend.index.range(keys.requirementsByStatement(workspaceId, keyHash(key)), EVERYTHING.min, EVERYTHING.max);
    const candidates = await loadAll<Requirement>(
      this.backend.records,
      ids.map((id) => keys.requirement(workspaceId, id)),
    );
    // The record is the truth: a requirement whose statement was edited since stays a member under its old key.
    return candidates.find(
      (requirement) => requirement.status !== 'retired' && duplicateKey(requirement.statement, requirement.customer) === key,
    );
  }

  async list(workspaceId: WorkspaceId): Promise<Requirement[]> {
    const ids = await this.backend.index.range(keys.requirementsByNumber(workspaceId), EVERYTHING.min, EVERYTHING.max);
    return loadAll<Requirement>(
      this.backend.records,
      ids.map((id) => keys.requirement(workspaceId, id)),
    );
  }

  async listReviewDue(workspaceId: WorkspaceId, date: IsoDate): Promise<Requirement[]> {
    const ids = await this.backend.index.range(keys.requirementsByReview(workspaceId), EVERYTHING.min, dayNumber(date) + 1);
    const requirements = await loadAll<Requirement>(
      this.backend.records,
      ids.map((id) => keys.requirement(workspaceId, id)),
    );
    // The record is the truth: an index entry can lag a change made a moment ago by another instance.
    return requirements.filter((requirement) => requirement.status !== 'retired' && requirement.nextReviewOn <= date);
  }

  async addReview(review: RequirementReview): Promise<void> {
    await this.backend.records.put(keys.review(review.workspaceId, review.requirementId, review.id), review);
    await this.backend.index.add(keys.reviewsOf(review.workspaceId, review.requirementId), review.id, instant(review.at));
  }

  async listReviews(workspaceId: WorkspaceId, requirementId: string): Promise<RequirementReview[]> {
    const ids = await this.backend.index.range(keys.reviewsOf(workspaceId, requirementId), EVERYTHING.min, EVERYTHING.max);
    return loadAll<RequirementReview>(
      this.backend.records,
      ids.map((id) => keys.review(workspaceId, requirementId, id)),
    );
  }

  /** Adds the requirement under its current statement; idempotent, so an update may repeat it. */
  private async indexStatement(requirement: Requirement): Promise<void> {
    const key = duplicateKey(requirement.statement, requirement.customer);
    await this.backend.index.add(keys.requirementsByStatement(requirement.workspaceId, keyHash(key)), requirement.id, requirement.number);
  }

  /** Requirements stored before the statement index existed are added once, on the first lookup. */
  private async completeStatementIndex(workspaceId: WorkspaceId): Promise<void> {
    const complete = statementIndexComplete.get(this.backend) ?? new Set<string>();
    statementIndexComplete.set(this.backend, complete);
    if (complete.has(workspaceId)) return;
    const marker = keys.requirementStatementsIndexed(workspaceId);
    if (!(await this.backend.records.get<boolean>(marker))) {
      for (const requirement of await this.list(workspaceId)) await this.indexStatement(requirement);
      await this.backend.records.put(marker, true);
    }
    complete.add(workspaceId);
  }

  private async indexReview(requirement: Requirement): Promise<void> {
    const index = keys.requirementsByReview(requirement.workspaceId);
    if (requirement.status === 'retired') await this.backend.index.remove(index, requirement.id);
    else await this.backend.index.add(index, requirement.id, dayNumber(requirement.nextReviewOn));
  }
}
