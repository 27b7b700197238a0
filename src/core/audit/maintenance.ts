/**
 * What the scheduler runs for the evidence log (src/adapters/audit/audit-jobs.ts), and what
 * people run to check it.
 *
 * - Hourly, per workspace: {@link auditMaintenance} (snapshot retention, then a seal).
 * - Before each digest, under the digest's lock: {@link sealBeforeDigest}; the digest then shows
 *   the latest seal (src/core/digest/render.ts), so a copy of it exists in Slack or Teams.
 */
import type { Actor, WorkspaceId } from '../domain/shared.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from '../use-cases/access.js';
import { type RetentionOutcome, applyRetention } from './redaction.js';
import { type SealOutcome, sealWorkspace } from './seal-workspace.js';
import type { Seal } from './seal.js';
import { type VerifyReport, verifyLog } from './verify-log.js';

export async function auditMaintenance(
  deps: CoreDeps,
  workspaceId: WorkspaceId,
): Promise<{ retention: RetentionOutcome; seal: SealOutcome }> {
  // Retention first: redaction keeps every hash, so it never disturbs a seal, before or after.
  const retention = await applyRetention(deps, workspaceId);
  return { retention, seal: await sealWorkspace(deps, workspaceId) };
}

/** Seals everything written so far; returns the seal the digest should show. */
export async function sealBeforeDigest(deps: CoreDeps, workspaceId: WorkspaceId): Promise<Seal | undefined> {
  return (await sealWorkspace(deps, workspaceId)).latest;
}

/** `verify` in chat or on the command line; everyone who may see the evidence may check it. */
export async function verifyForActor(deps: CoreDeps, actor: Actor, options: { full?: boolean } = {}): Promise<VerifyReport> {
  await requirePermission(deps, actor, 'evidence.read');
  return verifyLog(deps, actor.workspaceId, options);
}
