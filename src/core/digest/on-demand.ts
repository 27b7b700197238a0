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
import { digestKeys } from './claim-keys.js';
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

/**
 * Records that management reviewed a digest (ISO 9001 9.3.2). Each person's first click counts;
 * a second click by the same person records nothing more. Returns false for that second click.
 */
export async function markDigestReviewed(deps: CoreDeps, actor: Actor, digestId: string): Promise<boolean> {
  await requirePermission(deps, actor, 'digest.review');
  if (!DIGEST_ID.test(digestId)) {
    throw new DomainError(
      'input.invalid',
      'That button does not belong to a digest I sent. Please use the Reviewed button of the newest digest.',
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
