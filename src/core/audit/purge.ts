/**
 * Purging a workspace: every record, index, counter and claim under its prefix, its evidence log
 * and seals included, and its place in the list of workspaces. Irreversible and not evidence (the
 * log goes with it), so the command line asks for --confirm and reports what was removed.
 */
import type { Actor, WorkspaceId } from '../domain/shared.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from '../use-cases/access.js';
import { requireWorkspace } from '../use-cases/workspaces.js';
import { EVERYTHING_RANGE } from './time-range.js';

export interface PurgeReport {
  readonly workspaceId: WorkspaceId;
  readonly name: string;
  readonly requirements: number;
  readonly decisionChecks: number;
  readonly feedback: number;
  readonly evidenceEntries: number;
  readonly seals: number;
  readonly roles: number;
  /** Everything removed from the store, each record, index, counter and claim counted once. */
  readonly keys: number;
}

/** What a purge would remove, counted before anything is touched. */
export async function purgePreview(deps: CoreDeps, workspaceId: WorkspaceId): Promise<Omit<PurgeReport, 'keys'>> {
  const workspace = await requireWorkspace(deps, workspaceId);
  return {
    workspaceId,
    name: workspace.name,
    requirements: (await deps.requirements.list(workspaceId)).length,
    decisionChecks: (await deps.checks.listStarted(workspaceId, EVERYTHING_RANGE)).length,
    feedback: (await deps.feedback.listReceived(workspaceId, EVERYTHING_RANGE)).length,
    evidenceEntries: await deps.evidence.lastSeq(workspaceId),
    seals: (await deps.seals.latest(workspaceId))?.number ?? 0,
    roles: (await deps.roles.list(workspaceId)).length,
  };
}

/** Removes the actor's workspace entirely. Admins only; nothing of it remains in the store. */
export async function purgeWorkspace(deps: CoreDeps, actor: Actor): Promise<PurgeReport> {
  await requirePermission(deps, actor, 'settings.change');
  const preview = await purgePreview(deps, actor.workspaceId);
  const keys = await deps.privacy.purgeWorkspace(actor.workspaceId);
  return { ...preview, keys };
}
