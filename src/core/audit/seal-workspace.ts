/**
 * The sealer: chains the entries written since the last seal, in sequence order, into a new seal.
 * It runs hourly and before each digest (under the digest's distributed lock), and takes a lock of
 * its own per workspace as well, so a manual run never races a scheduled one; the seal log's
 * compare-and-set refuses a second seal n in any case.
 */
import type { WorkspaceId } from '../domain/shared.js';
import type { CoreDeps } from '../ports.js';
import { EntriesDigest, GENESIS_HASH, type Seal, makeSeal } from './seal.js';

/** Most entries one seal covers; a long unsealed history becomes several seals in one run. */
export const MAX_ENTRIES_PER_SEAL = 50_000;
/**
 * How long a number may stay without its entry, while later entries exist, before the sealer
 * steps over it as a gap. Writing an entry takes milliseconds; a number still empty after this
 * long belongs to a writer that stopped between taking the number and saving the entry.
 */
export const GAP_GRACE_MS = 10 * 60_000;
/** The per-workspace sealing lock's lease; sealing 50,000 entries takes seconds. */
const SEALING_LEASE_MS = 10 * 60_000;
const READ_BATCH = 1000;

export type SealDeps = Pick<CoreDeps, 'clock' | 'ids' | 'claims' | 'evidence' | 'seals'>;

export interface SealOutcome {
  /** Seals made by this run, oldest first (none when nothing new was written). */
  readonly sealed: readonly Seal[];
  /** The latest seal after this run. */
  readonly latest?: Seal;
  /** Another sealer held the workspace's lock; it seals instead. */
  readonly busy?: boolean;
}

export const sealingLockKey = (workspaceId: WorkspaceId): string => `ws:${workspaceId}:sealing`;

export async function sealWorkspace(deps: SealDeps, workspaceId: WorkspaceId): Promise<SealOutcome> {
  const owner = deps.ids.newId();
  if (!(await deps.claims.claim(sealingLockKey(workspaceId), owner, SEALING_LEASE_MS))) {
    const latest = await deps.seals.latest(workspaceId);
    return { sealed: [], busy: true, ...(latest ? { latest } : {}) };
  }
  try {
    const sealed: Seal[] = [];
    for (;;) {
      const seal = await sealOnce(deps, workspaceId);
      if (!seal) break;
      sealed.push(seal);
    }
    const latest = await deps.seals.latest(workspaceId);
    return { sealed, ...(latest ? { latest } : {}) };
  } finally {
    await deps.claims.release(sealingLockKey(workspaceId), owner);
  }
}

/** The latest seal of a workspace, or undefined before the first (for the digest and the views). */
export function latestSeal(deps: Pick<CoreDeps, 'seals'>, workspaceId: WorkspaceId): Promise<Seal | undefined> {
  return deps.seals.latest(workspaceId);
}

/** Seals every workspace; one workspace's failure does not stop the others. For the hourly job. */
export async function sealAllWorkspaces(
  deps: SealDeps & Pick<CoreDeps, 'workspaces'>,
): Promise<{ workspaceId: WorkspaceId; outcome?: SealOutcome; error?: unknown }[]> {
  const results: { workspaceId: WorkspaceId; outcome?: SealOutcome; error?: unknown }[] = [];
  for (const workspace of await deps.workspaces.list()) {
    try {
      results.push({ workspaceId: workspace.id, outcome: await sealWorkspace(deps, workspace.id) });
    } catch (error) {
      results.push({ workspaceId: workspace.id, error });
    }
  }
  return results;
}

/** Makes one seal over what follows the latest seal; undefined when there is nothing to seal yet. */
async function sealOnce(deps: SealDeps, workspaceId: WorkspaceId): Promise<Seal | undefined> {
  const previous = await deps.seals.latest(workspaceId);
  const fromSeq = (previous?.toSeq ?? 0) + 1;
  const lastSeq = await deps.evidence.lastSeq(workspaceId);
  const limit = Math.min(lastSeq, fromSeq + MAX_ENTRIES_PER_SEAL - 1);
  if (limit < fromSeq) return undefined;

  const now = deps.clock.now();
  const graceStart = now.getTime() - GAP_GRACE_MS;
  const digest = new EntriesDigest();
  const gaps: number[] = [];
  let pendingGaps: number[] = [];
  let toSeq = fromSeq - 1;
  scan: for (let start = fromSeq; start <= limit; start += READ_BATCH) {
    const end = Math.min(limit, start + READ_BATCH - 1);
    const slots = await deps.evidence.slots(workspaceId, start, end);
    for (let seq = start; seq <= end; seq++) {
      const entry = slots[seq - start];
      if (!entry) {
        pendingGaps.push(seq);
        continue;
      }
      if (pendingGaps.length > 0) {
        // Empty numbers before this entry: still being written (stop here), or abandoned (gaps).
        if (!(Date.parse(entry.at) <= graceStart)) break scan;
        gaps.push(...pendingGaps);
        pendingGaps = [];
      }
      // Sealed as stored: an entry that is already broken stays broken, and verify names it.
      digest.add(seq, typeof entry.hash === 'string' ? entry.hash : '');
      toSeq = seq;
    }
  }
  if (toSeq < fromSeq) return undefined;

  const seal = makeSeal({
    workspaceId,
    number: (previous?.number ?? 0) + 1,
    fromSeq,
    toSeq,
    gaps,
    entriesHash: digest.digest(),
    previousHash: previous?.hash ?? GENESIS_HASH,
    at: now.toISOString(),
  });
  // Another sealer got there first (possible only when a lock lapsed): nothing more to do now.
  return (await deps.seals.append(seal)) ? seal : undefined;
}
