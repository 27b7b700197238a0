/**
 * Teams (and the Bot Framework service) may deliver an activity again, to the same or another
 * instance. A turn runs under a short lease, and a finished turn is remembered for a week, so a
 * redelivered activity records nothing twice. A turn that failed lets go of its lease, so the
 * redelivery can do the work.
 */
import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Claims } from '../../core/ports.js';

const LEASE_MS = 2 * 60 * 1000;
const REMEMBER_MS = 7 * 24 * 60 * 60 * 1000;

export class RedeliveryGuard {
  constructor(
    private readonly claims: Claims,
    private readonly owner: string,
  ) {}

  /** Runs `turn` unless this activity was handled (or is being handled) already. */
  async once(workspaceId: string, activity: Partial<Activity>, turn: () => Promise<void>): Promise<'handled' | 'duplicate'> {
    // Without an id there is nothing to recognise a redelivery by (Teams always sends one).
    if (!activity.id || !activity.conversation?.id) {
      await turn();
      return 'handled';
    }
    const key = `ws:${workspaceId}:teams:activity:${createHash('sha256').update(`${activity.conversation.id}|${activity.id}`).digest('hex').slice(0, 40)}`;
    if (await this.claims.holder(`${key}:done`)) return 'duplicate';
    const lease = `${this.owner}:${activity.id}`;
    if (!(await this.claims.claim(`${key}:lease`, lease, LEASE_MS))) return 'duplicate';
    try {
      if (await this.claims.holder(`${key}:done`)) return 'duplicate';
      await turn();
      await this.claims.claim(`${key}:done`, lease, REMEMBER_MS);
      return 'handled';
    } finally {
      await this.claims.release(`${key}:lease`, lease);
    }
  }
}
