/**
 * The scheduled digest, exactly once per workspace and ISO week (in the workspace's time zone),
 * to each recipient once, however many instances run and however often the scheduler ticks.
 *
 * Each tick asks: what is the schedule's latest slot? Its week's digest is owed unless it is
 * complete. A digest that fell due while the bot was down is owed too, so the first tick after a
 * restart sends it (catch-up); because the claims are per week, never twice. One instance opens
 * the week (claim, build, evidence), then any instance may deliver: per recipient, a short lease
 * while sending and a mark once delivered. A recipient that failed for a reason that may pass
 * (rate limit, outage) is tried again on the next tick, until the next slot makes it last week's.
 */
import type { EvidenceEntry } from '../domain/evidence.js';
import { SYSTEM_ACTOR_ID, type WorkspaceId } from '../domain/shared.js';
import type { Workspace } from '../domain/workspace.js';
import type { Message } from '../messages.js';
import type { CoreDeps, Messengers } from '../ports.js';
import { OPENING_LEASE_MS, SENDING_LEASE_MS, WEEK_CLAIM_TTL_MS, digestKeys } from './claim-keys.js';
import { type DeliveryReport, deliver, reportOf } from './deliver.js';
import { buildDigest, recordIssue } from './issue.js';
import { weekEndingAt } from './period.js';
import { type Recipient, type RecipientFact, digestRecipients, recipientFromFact, recipientKey } from './recipients.js';
import { type ScheduleFields, type Slot, latestSlot, scheduleOf, slotWeek } from './slots.js';

/** A digest sent this long after its slot is recorded as a catch-up (the bot was down, or busy). */
export const CATCH_UP_AFTER_MS = 15 * 60_000;

export interface ScheduledDigestOptions {
  /** DIGEST_CRON, expanded: the schedule of workspaces without their own digest time. */
  readonly defaultSchedule: ScheduleFields;
  /** Who holds the claims this run takes (the instance id). */
  readonly owner: string;
  /** Runs after this instance won the week and before the digest is built (e.g. sealing the evidence log). */
  readonly beforeBuild?: (workspaceId: WorkspaceId, digestId: string) => Promise<void>;
}

export type ScheduledDigestOutcome =
  /** No slot in the last week, or it fell before the workspace existed. */
  | { readonly status: 'not-due' }
  /** Nobody to send to on a connected platform (no `digest here`, no managers). */
  | { readonly status: 'no-recipients'; readonly week: string }
  | { readonly status: 'complete'; readonly week: string }
  /** Another instance is building this week's digest right now. */
  | { readonly status: 'busy'; readonly week: string }
  | {
      readonly status: 'delivering';
      readonly week: string;
      readonly digestId: string;
      /** This run built the digest and recorded its evidence. */
      readonly issuedNow: boolean;
      readonly catchUp: boolean;
      readonly deliveries: readonly DeliveryReport[];
      /** Every recipient has been delivered to or given up on. */
      readonly complete: boolean;
    };

/** The evidence entry of the week's digest, when it was issued. */
async function issuedEntry(deps: CoreDeps, workspaceId: WorkspaceId, week: string): Promise<EvidenceEntry | undefined> {
  const holder = await deps.claims.holder(digestKeys.issued(workspaceId, week));
  const seq = Number(holder);
  if (!holder || !Number.isInteger(seq)) return undefined;
  return (await deps.evidence.listBySeq(workspaceId, seq, seq))[0];
}

async function issue(
  deps: CoreDeps,
  workspace: Workspace,
  slot: Slot,
  week: string,
  recipients: readonly Recipient[],
  options: ScheduledDigestOptions,
): Promise<{ entry: EvidenceEntry; message: Message }> {
  await options.beforeBuild?.(workspace.id, week);
  const now = deps.clock.now();
  const built = await buildDigest(deps, workspace, slot.at, week);
  const entry = await recordIssue(deps, { id: SYSTEM_ACTOR_ID, workspaceId: workspace.id }, now, {
    digestId: week,
    kind: now.getTime() - slot.at.getTime() > CATCH_UP_AFTER_MS ? 'catch-up' : 'scheduled',
    period: weekEndingAt(slot.at, workspace.settings.timeZone),
    slot: slot.at,
    week,
    recipients,
    built,
  });
  await deps.claims.claim(digestKeys.issued(workspace.id, week), String(entry.seq), WEEK_CLAIM_TTL_MS);
  return { entry, message: built.message };
}

/** Checks one workspace and sends what its schedule owes. Safe to call from any instance at any time. */
export async function runScheduledDigest(
  deps: CoreDeps,
  workspaceId: WorkspaceId,
  options: ScheduledDigestOptions,
): Promise<ScheduledDigestOutcome> {
  const workspace = await deps.workspaces.get(workspaceId);
  if (!workspace) return { status: 'not-due' };
  const now = deps.clock.now();
  const slot = latestSlot(scheduleOf(workspace, options.defaultSchedule), workspace.settings.timeZone, now);
  // A slot before the workspace existed is not owed: a new install waits for its first slot.
  if (!slot || slot.at.getTime() < Date.parse(workspace.createdAt)) return { status: 'not-due' };
  const week = slotWeek(slot);
  if (await deps.claims.holder(digestKeys.complete(workspaceId, week))) return { status: 'complete', week };

  const messengers = deps.messengers;
  let entry = await issuedEntry(deps, workspaceId, week);
  let message: Message | undefined;
  if (!entry) {
    const recipients = (await digestRecipients(deps, workspace)).filter((recipient) => messengers.for(recipient.platform));
    if (recipients.length === 0) return { status: 'no-recipients', week };
    const opening = digestKeys.opening(workspaceId, week);
    if (!(await deps.claims.claim(opening, options.owner, OPENING_LEASE_MS))) return { status: 'busy', week };
    try {
      // Another instance may have issued it between the first look and the claim.
      entry = await issuedEntry(deps, workspaceId, week);
      if (!entry) ({ entry, message } = await issue(deps, workspace, slot, week, recipients, options));
    } catch (error) {
      // The lease is there for a builder that crashed; one that failed lets the next run try at
      // once. Should the release fail too, the lease runs out instead; the build's error is the news.
      await deps.claims.release(opening, options.owner).catch(() => undefined);
      throw error;
    }
  }
  const issuedNow = message !== undefined;
  const recipients = ((entry.data.recipients ?? []) as unknown as RecipientFact[]).map(recipientFromFact);
  // Another instance's digest is rebuilt, for the period it was issued for, only if some
  // recipient still needs it (the schedule may have changed since).
  const issuedFor = typeof entry.data.slot === 'string' ? new Date(entry.data.slot) : slot.at;
  const messageFor = async () => (message ??= (await buildDigest(deps, workspace, issuedFor, week)).message);

  const deliveries: DeliveryReport[] = [];
  for (const recipient of recipients) {
    deliveries.push(await deliverOnce(deps, workspaceId, week, recipient, messengers, options.owner, messageFor));
  }
  const complete = deliveries.every(
    (report) =>
      report.outcome === 'sent' ||
      (report.outcome === 'failed' && !report.retryable) ||
      (report.outcome === 'skipped' && report.why === 'already delivered or given up'),
  );
  if (complete) await deps.claims.claim(digestKeys.complete(workspaceId, week), options.owner, WEEK_CLAIM_TTL_MS);
  return { status: 'delivering', week, digestId: week, issuedNow, catchUp: entry.data.kind === 'catch-up', deliveries, complete };
}

async function deliverOnce(
  deps: CoreDeps,
  workspaceId: WorkspaceId,
  week: string,
  recipient: Recipient,
  messengers: Messengers,
  owner: string,
  messageFor: () => Promise<Message>,
): Promise<DeliveryReport> {
  const key = recipientKey(recipient);
  const done = digestKeys.done(workspaceId, week, key);
  const sending = digestKeys.sending(workspaceId, week, key);
  if (await deps.claims.holder(done)) return { recipient, outcome: 'skipped', why: 'already delivered or given up' };
  if (!(await deps.claims.claim(sending, owner, SENDING_LEASE_MS)))
    return { recipient, outcome: 'skipped', why: 'another instance is sending' };
  try {
    // The instance that held the lease before may have finished between the two reads.
    if (await deps.claims.holder(done)) return { recipient, outcome: 'skipped', why: 'already delivered or given up' };
    const result = await deliver(messengers, workspaceId, recipient, await messageFor());
    if (result.ok || !result.retryable) {
      await deps.claims.claim(done, result.ok ? 'sent' : `gave up: ${result.reason}`.slice(0, 500), WEEK_CLAIM_TTL_MS);
    }
    return reportOf(recipient, result);
  } finally {
    // Released in every case: a retryable failure is tried again on the next tick.
    await deps.claims.release(sending, owner);
  }
}
