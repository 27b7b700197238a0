/**
 * The digest on demand: a preview for the person asking (nothing sent, nothing recorded), an
 * admin's "send it now" (always sends, recorded as evidence, and leaves the week's scheduled
 * digest untouched), and the *Reviewed* click that records the management review.
 */
import type { Actor } from '../domain/shared.js';
import { DomainError } from '../errors.js';
import type { Message } from '../messages.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from '../use-cases/access.js';
import { recordEvidence } from '../use-cases/record-evidence.js';
import { requireWorkspace } from '../use-cases/workspaces.js';
import { WEEK_CLAIM_TTL_MS, digestKeys } from './claim-keys.js';
import { type DeliveryReport, deliver, reportOf } from './deliver.js';
import { buildDigest, recordIssue } from './issue.js';
import { weekEndingAt } from './period.js';
import { digestRecipients } from './recipients.js';

/** The digest of the last seven days, shown only to the person asking. */
export async function previewDigest(deps: CoreDeps, actor: Actor): Promise<Message> {
  await requirePermission(deps, actor, 'digest.receive');
  const workspace = await requireWorkspace(deps, actor.workspaceId);
  return (await buildDigest(deps, workspace, deps.clock.now())).message;
}

export interface SentDigest {
  readonly digestId: string;
  readonly deliveries: readonly DeliveryReport[];
}

/** Sends the digest of the last seven days to every recipient now. */
export async function sendDigestNow(deps: CoreDeps, actor: Actor): Promise<SentDigest> {
  await requirePermission(deps, actor, 'digest.send');
  const messengers = deps.messengers;
  const workspace = await requireWorkspace(deps, actor.workspaceId);
  const recipients = (await digestRecipients(deps, workspace)).filter((recipient) => messengers.for(recipient.platform));
  if (recipients.length === 0) {
    throw new DomainError(
      'input.invalid',
      'The digest has nobody to go to yet. Run "{focus}digest here" in the channel that should get it, or give someone the manager role with "{focus}role @person manager".',
    );
  }
  const now = deps.clock.now();
  // Its own id: a manual digest never uses up (or stands in for) the week's scheduled one.
  const digestId = `manual-${deps.ids.newId()}`;
  const built = await buildDigest(deps, workspace, now, digestId);
  await recordIssue(deps, actor, now, {
    digestId,
    kind: 'manual',
    period: weekEndingAt(now, workspace.settings.timeZone),
    recipients,
    built,
  });
  const deliveries: DeliveryReport[] = [];
  for (const recipient of recipients)
    deliveries.push(reportOf(recipient, await deliver(messengers, workspace.id, recipient, built.message)));
  return { digestId, deliveries };
}

/** Digest ids the bot hands out: the ISO week of a scheduled digest, or `manual-<id>`. */
const DIGEST_ID = /^(\d{4}-W\d{2}|manual-[A-Za-z0-9-]{1,80})$/;
const ISO_WEEK = /^\d{4}-W\d{2}$/;
/** How far back to look for a digest sent before the `sent` claim existed (as long as the week's claims live). */
const LEGACY_LOOKBACK_MS = WEEK_CLAIM_TTL_MS;

/** Whether evidence entry `seq` of the workspace is the `digest.sent` entry of this digest. */
async function isSentEntry(deps: CoreDeps, workspaceId: string, seq: string | undefined, digestId: string): Promise<boolean> {
  const number = Number(seq);
  if (!Number.isSafeInteger(number) || number < 1) return false;
  const [entry] = await deps.evidence.listBySeq(workspaceId, number, number);
  return entry?.type === 'digest.sent' && entry.subject.id === digestId;
}

/**
 * Whether this workspace sent the digest, i.e. has its `digest.sent` entry: by the claim written
 * with that entry; for digests sent before that claim existed, by the week's `issued` claim or the
 * recent evidence.
 */
async function digestWasSent(deps: CoreDeps, workspaceId: string, digestId: string): Promise<boolean> {
  if (await isSentEntry(deps, workspaceId, await deps.claims.holder(digestKeys.sent(workspaceId, digestId)), digestId)) return true;
  if (
    ISO_WEEK.test(digestId) &&
    (await isSentEntry(deps, workspaceId, await deps.claims.holder(digestKeys.issued(workspaceId, digestId)), digestId))
  )
    return true;
  const now = deps.clock.now();
  const recent = await deps.evidence.listBetween(workspaceId, { from: new Date(now.getTime() - LEGACY_LOOKBACK_MS), to: now });
  return recent.some((entry) => entry.type === 'digest.sent' && entry.subject.id === digestId);
}

/**
 * Records that management reviewed a digest (ISO 9001 9.3.2), only for a digest with a `digest.sent`
 * entry in the workspace. Each person's first click counts; a second click by the same person
 * records nothing more. Returns false for that second click.
 */
export async function markDigestReviewed(deps: CoreDeps, actor: Actor, digestId: string): Promise<boolean> {
  await requirePermission(deps, actor, 'digest.review');
  if (!DIGEST_ID.test(digestId)) {
    throw new DomainError(
      'input.invalid',
      'That button does not belong to a digest I sent. Please use the Reviewed button of the newest digest.',
    );
  }
  // A review is ISO 9.3.2 evidence: only of a digest this workspace really sent, never of a made-up id.
  if (!(await digestWasSent(deps, actor.workspaceId, digestId))) {
    throw new DomainError(
      'input.invalid',
      `I have no record of sending the digest "${digestId}" in this workspace, so I did not record a review of it. Please use the Reviewed button of a digest you received from me.`,
    );
  }
  const key = digestKeys.reviewed(actor.workspaceId, digestId, actor.id);
  if (!(await deps.claims.claim(key, actor.id, 0))) return false;
  try {
    await recordEvidence(deps, actor, deps.clock.now(), {
      type: 'digest.reviewed',
      subject: { kind: 'digest', id: digestId },
      data: { digestId },
    });
  } catch (error) {
    // Without its evidence the click did not count: let the person click again.
    await deps.claims.release(key, actor.id);
    throw error;
  }
  return true;
}
