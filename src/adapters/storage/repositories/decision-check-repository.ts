import type { DecisionCheck, FollowUpAction, ImpactAnswer } from '../../../core/domain/decision-check.js';
import type { WorkspaceId } from '../../../core/domain/shared.js';
import type { ActionRepository, DecisionCheckRepository, Mutator, TimeRange } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { EVERYTHING, NO_DATE, dayNumber, instant, keys, loadAll } from './keys.js';

export class KeyvDecisionCheckRepository implements DecisionCheckRepository {
  constructor(private readonly backend: Backend) {}

  async create(check: DecisionCheck): Promise<void> {
    await this.backend.records.put(keys.check(check.workspaceId, check.id), check);
    await this.backend.index.add(keys.checksByStart(check.workspaceId), check.id, instant(check.startedAt));
    if (check.number !== undefined) await this.backend.index.add(keys.checksByNumber(check.workspaceId), check.id, check.number);
  }

  async getByNumbers(workspaceId: WorkspaceId, numbers: readonly number[]): Promise<DecisionCheck[]> {
    const index = keys.checksByNumber(workspaceId);
    const ids = (await Promise.all([...new Set(numbers)].map((n) => this.backend.index.range(index, n, n + 1)))).flat();
    return loadAll<DecisionCheck>(
      this.backend.records,
      ids.map((id) => keys.check(workspaceId, id)),
    );
  }

  get(workspaceId: WorkspaceId, id: string): Promise<DecisionCheck | undefined> {
    return this.backend.records.get<DecisionCheck>(keys.check(workspaceId, id));
  }

  update(workspaceId: WorkspaceId, id: string, change: Mutator<DecisionCheck>): Promise<DecisionCheck | undefined> {
    return this.backend.records.update<DecisionCheck>(keys.check(workspaceId, id), change);
  }

  async listStarted(workspaceId: WorkspaceId, range: TimeRange): Promise<DecisionCheck[]> {
    const ids = await this.backend.index.range(keys.checksByStart(workspaceId), range.from.getTime(), range.to.getTime());
    return loadAll<DecisionCheck>(
      this.backend.records,
      ids.map((id) => keys.check(workspaceId, id)),
    );
  }

  async addAnswer(answer: ImpactAnswer): Promise<void> {
    // Each answer is its own record, so people answering at the same moment never overwrite each other.
    await this.backend.records.put(keys.answer(answer.workspaceId, answer.checkId, answer.id), answer);
    await this.backend.index.add(keys.answersOf(answer.workspaceId, answer.checkId), answer.id, instant(answer.at));
  }

  async listAnswers(workspaceId: WorkspaceId, checkId: string): Promise<ImpactAnswer[]> {
    const ids = await this.backend.index.range(keys.answersOf(workspaceId, checkId), EVERYTHING.min, EVERYTHING.max);
    return loadAll<ImpactAnswer>(
      this.backend.records,
      ids.map((id) => keys.answer(workspaceId, checkId, id)),
    );
  }
}

export class KeyvActionRepository implements ActionRepository {
  constructor(private readonly backend: Backend) {}

  async create(action: FollowUpAction): Promise<void> {
    await this.backend.records.put(keys.action(action.workspaceId, action.id), action);
    await this.indexOpen(action);
  }

  get(workspaceId: WorkspaceId, id: string): Promise<FollowUpAction | undefined> {
    return this.backend.records.get<FollowUpAction>(keys.action(workspaceId, id));
  }

  async update(workspaceId: WorkspaceId, id: string, change: Mutator<FollowUpAction>): Promise<FollowUpAction | undefined> {
    const updated = await this.backend.records.update<FollowUpAction>(keys.action(workspaceId, id), change);
    if (updated) await this.indexOpen(updated);
    return updated;
  }

  async listOpen(workspaceId: WorkspaceId): Promise<FollowUpAction[]> {
    const ids = await this.backend.index.range(keys.openActions(workspaceId), EVERYTHING.min, EVERYTHING.max);
    const actions = await loadAll<FollowUpAction>(
      this.backend.records,
      ids.map((id) => keys.action(workspaceId, id)),
    );
    return actions.filter((action) => action.status === 'open');
  }

  private async indexOpen(action: FollowUpAction): Promise<void> {
    const index = keys.openActions(action.workspaceId);
    if (action.status === 'open') await this.backend.index.add(index, action.id, action.dueOn ? dayNumber(action.dueOn) : NO_DATE);
    else await this.backend.index.remove(index, action.id);
  }
}
