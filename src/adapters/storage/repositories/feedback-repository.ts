import type { CustomerFeedback } from '../../../core/domain/feedback.js';
import type { WorkspaceId } from '../../../core/domain/shared.js';
import type { FeedbackRepository, TimeRange } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { instant, keys, loadAll } from './keys.js';

export class KeyvFeedbackRepository implements FeedbackRepository {
  constructor(private readonly backend: Backend) {}

  async create(feedback: CustomerFeedback): Promise<void> {
    await this.backend.records.put(keys.feedback(feedback.workspaceId, feedback.id), feedback);
    await this.backend.index.add(keys.feedbackByReceipt(feedback.workspaceId), feedback.id, instant(feedback.receivedAt));
  }

  get(workspaceId: WorkspaceId, id: string): Promise<CustomerFeedback | undefined> {
    return this.backend.records.get<CustomerFeedback>(keys.feedback(workspaceId, id));
  }

  async listReceived(workspaceId: WorkspaceId, range: TimeRange): Promise<CustomerFeedback[]> {
    const ids = await this.backend.index.range(keys.feedbackByReceipt(workspaceId), range.from.getTime(), range.to.getTime());
    return loadAll<CustomerFeedback>(
      this.backend.records,
      ids.map((id) => keys.feedback(workspaceId, id)),
    );
  }
}
