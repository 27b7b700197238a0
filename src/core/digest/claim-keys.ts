/**
 * The claims that make the scheduled digest and the reminders exactly-once across instances. All
 * sit under the workspace's prefix (`ws:<id>:`), so purging a workspace removes them too.
 *
 * Per workspace and ISO week:
 * - `opening`: a short lease while one instance builds the digest and records its evidence;
 * - `issued`: the digest exists; its holder is the evidence entry's sequence number, so any
 *   instance can read back whom it was for;
 * - per recipient `sending` (a lease while one instance posts; left to expire after a failure that
 *   may pass, which spaces the retries) and `done` (delivered, or given up for a reason that will
 *   not pass);
 * - `complete`: every recipient is done; later ticks stop at this one read.
 */
const DAY_MS = 86_400_000;

/** Long enough to outlive the week and any catch-up of it; short enough not to pile up in Redis. */
export const WEEK_CLAIM_TTL_MS = 40 * DAY_MS;
/**
 * Building takes well under a second, but the before-digest hooks (sealing the evidence log) may
 * take longer on a big log; a builder that crashed is replaced after this.
 */
export const OPENING_LEASE_MS = 10 * 60_000;
/**
 * Longer than any one send can take (Slack's client gives up after 30 s, Teams' after its own
 * retries), so no other instance posts to a recipient while a post may still be under way. A
 * failed send releases it at once; only a crash mid-send makes the next try wait this long.
 */
export const SENDING_LEASE_MS = 10 * 60_000;
/** A reminder claim outlives the seven days an item stays eligible for a reminder. */
export const REMINDER_CLAIM_TTL_MS = 21 * DAY_MS;

const week = (workspaceId: string, isoWeek: string) => `ws:${workspaceId}:digest:${isoWeek}`;

export const digestKeys = {
  opening: (workspaceId: string, isoWeek: string) => `${week(workspaceId, isoWeek)}:opening`,
  issued: (workspaceId: string, isoWeek: string) => `${week(workspaceId, isoWeek)}:issued`,
  complete: (workspaceId: string, isoWeek: string) => `${week(workspaceId, isoWeek)}:complete`,
  sending: (workspaceId: string, isoWeek: string, recipient: string) => `${week(workspaceId, isoWeek)}:to:${recipient}:sending`,
  done: (workspaceId: string, isoWeek: string, recipient: string) => `${week(workspaceId, isoWeek)}:to:${recipient}:done`,
  /**
   * Permanent: the digest was sent from this workspace; its holder is the `digest.sent` entry's
   * sequence number. A *Reviewed* click counts only for a digest that has it.
   */
  sent: (workspaceId: string, digestId: string) => `ws:${workspaceId}:digest-sent:${digestId}`,
  /** One management-review record per person and digest. */
  reviewed: (workspaceId: string, digestId: string, userId: string) => `ws:${workspaceId}:digest-reviewed:${digestId}:${userId}`,
  /** One reminder per item and ISO week of its due date. */
  reminder: (workspaceId: string, item: 'requirement' | 'action' | 'knowledge', id: string, isoWeek: string) =>
    `ws:${workspaceId}:reminder:${item}:${id}:${isoWeek}`,
};
