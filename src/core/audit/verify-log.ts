/**
 * Verifies a workspace's evidence log against its seals.
 *
 * - Default (quick): the seal chain (each seal's own hash and its link to the one before), then
 *   every entry after the last seal, each checked against its own hash and its present fields.
 * - Full: the same, plus every sealed entry, and each seal recomputed from the entries it covers;
 *   this is what proves that nothing sealed was changed, removed or reordered.
 *
 * Verification stops at the first entry or seal that fails and says which and why. Entries newer
 * than the last seal are protected only by their own hashes; the report says so.
 */
import type { WorkspaceId } from '../domain/shared.js';
import type { CoreDeps } from '../ports.js';
import { type FailureReason, checkEntry } from './check-entry.js';
import { GAP_GRACE_MS } from './seal-workspace.js';
import { EntriesDigest, GENESIS_HASH, type Seal, sealHash, sealLabel } from './seal.js';

const READ_BATCH = 1000;

export interface VerifyFailure {
  readonly subject: 'entry' | 'seal';
  /** The entry's sequence number, or the seal's number. */
  readonly number: number;
  readonly reason: FailureReason;
  readonly detail: string;
}

export interface VerifyReport {
  readonly workspaceId: WorkspaceId;
  readonly full: boolean;
  readonly checkedAt: string;
  /** Entries checked against their own hashes and found intact (full: all; quick: the unsealed ones). */
  readonly entriesVerified: number;
  /** Entries the seals cover (gaps excluded). */
  readonly sealedEntries: number;
  readonly seals: number;
  readonly latestSeal?: Seal;
  /** Entries stored after the last seal. */
  readonly unsealed: number;
  /**
   * Numbers after the last seal handed out but not stored (yet): at the end of the log, or before
   * entries written in the last few minutes (a write in progress).
   */
  readonly pending: readonly number[];
  /** Numbers a seal records as never stored. */
  readonly gaps: readonly number[];
  /** Personal fields that were redacted (their hashes remain). Counted over the entries checked. */
  readonly redactedFields: number;
  readonly failure?: VerifyFailure;
}

export type VerifyDeps = Pick<CoreDeps, 'clock' | 'evidence' | 'seals'>;

class Stop extends Error {
  constructor(readonly failure: VerifyFailure) {
    super(failure.detail);
  }
}

export async function verifyLog(deps: VerifyDeps, workspaceId: WorkspaceId, options: { full?: boolean } = {}): Promise<VerifyReport> {
  const full = options.full === true;
  const checkedAt = deps.clock.now().toISOString();
  const tally = { entriesVerified: 0, redactedFields: 0, sealedEntries: 0, unsealed: 0 };
  const gaps: number[] = [];
  const pending: number[] = [];
  // The head before the counter: a seal made meanwhile can then never seem to run past the counter.
  const head = await deps.seals.latest(workspaceId);
  const lastSeq = await deps.evidence.lastSeq(workspaceId);
  let seals: Seal[] = [];

  const report = (failure?: VerifyFailure): VerifyReport => ({
    workspaceId,
    full,
    checkedAt,
    ...tally,
    seals: seals.length,
    ...(head ? { latestSeal: head } : {}),
    pending,
    gaps,
    ...(failure ? { failure } : {}),
  });

  try {
    seals = await checkSealChain(deps, workspaceId, head);
    for (const seal of seals) {
      gaps.push(...seal.gaps);
      tally.sealedEntries += seal.toSeq - seal.fromSeq + 1 - seal.gaps.length;
    }
    if (full) {
      for (const seal of seals) await checkSealedEntries(deps, workspaceId, seal, tally);
    }
    await checkUnsealedEntries(deps, workspaceId, (head?.toSeq ?? 0) + 1, lastSeq, Date.parse(checkedAt) - GAP_GRACE_MS, tally, pending);
    if (head && head.toSeq > lastSeq) {
      throw new Stop({
        subject: 'seal',
        number: head.number,
        reason: 'missing',
        detail: `it seals entries up to number ${head.toSeq}, but the log's counter says only ${lastSeq} were ever numbered: the counter was reset or entries were removed`,
      });
    }
    return report();
  } catch (error) {
    if (error instanceof Stop) return report(error.failure);
    throw error;
  }
}

/** Each seal's own hash, its link to the previous seal, and contiguous numbering; the head must match. */
async function checkSealChain(deps: VerifyDeps, workspaceId: WorkspaceId, head: Seal | undefined): Promise<Seal[]> {
  if (!head) {
    // No latest seal, yet a first seal is stored: the chain's head was removed.
    if ((await deps.seals.list(workspaceId, 1, 1)).length > 0) {
      throw new Stop({
        subject: 'seal',
        number: 1,
        reason: 'missing',
        detail: 'seals are stored, but the record of the latest one is missing: seals were removed',
      });
    }
    return [];
  }
  const seals = await deps.seals.list(workspaceId, 1, head.number);
  let previous: Seal | undefined;
  let position = 0;
  for (let number = 1; number <= head.number; number++) {
    const seal = seals[position]?.number === number ? seals[position] : undefined;
    if (!seal) throw new Stop({ subject: 'seal', number, reason: 'missing', detail: 'it is missing from the store' });
    position += 1;
    let problem: { reason: FailureReason; detail: string } | undefined;
    try {
      if (sealHash(seal) !== seal.hash) problem = { reason: 'changed', detail: 'its content no longer matches its hash' };
      else if (seal.workspaceId !== workspaceId)
        problem = { reason: 'changed', detail: `it says it belongs to workspace "${seal.workspaceId}"` };
      else if (seal.previousHash !== (previous?.hash ?? GENESIS_HASH)) {
        problem = {
          reason: 'changed',
          detail: number === 1 ? 'it does not start the chain' : `it does not follow seal #${number - 1}: the chain is broken`,
        };
      } else if (seal.fromSeq !== (previous?.toSeq ?? 0) + 1 || seal.toSeq < seal.fromSeq) {
        problem = {
          reason: 'out-of-order',
          detail: `it covers entries ${seal.fromSeq}–${seal.toSeq}, which do not follow on from seal #${number - 1}`,
        };
      }
    } catch {
      problem = { reason: 'changed', detail: 'it can no longer be read as a seal' };
    }
    if (problem) throw new Stop({ subject: 'seal', number, ...problem });
    previous = seal;
  }
  if (previous && previous.hash !== head.hash) {
    throw new Stop({
      subject: 'seal',
      number: head.number,
      reason: 'changed',
      detail: 'its stored copy differs from the latest seal the log points at',
    });
  }
  return seals;
}

/** Every entry of one seal, and the seal recomputed from them. */
async function checkSealedEntries(
  deps: VerifyDeps,
  workspaceId: WorkspaceId,
  seal: Seal,
  tally: { entriesVerified: number; redactedFields: number },
): Promise<void> {
  const gaps = new Set(seal.gaps);
  const digest = new EntriesDigest();
  for (let start = seal.fromSeq; start <= seal.toSeq; start += READ_BATCH) {
    const end = Math.min(seal.toSeq, start + READ_BATCH - 1);
    const slots = await deps.evidence.slots(workspaceId, start, end);
    for (let seq = start; seq <= end; seq++) {
      const entry = slots[seq - start];
      // A gap's entry that arrived after sealing is outside the seal; it is not evidence of tampering.
      if (gaps.has(seq)) continue;
      if (!entry)
        throw new Stop({
          subject: 'entry',
          number: seq,
          reason: 'missing',
          detail: `it is sealed by seal ${sealLabel(seal)} but no longer in the store`,
        });
      const check = checkEntry(entry, seq, workspaceId);
      if (check.failure) throw new Stop({ subject: 'entry', number: seq, ...check.failure });
      tally.entriesVerified += 1;
      tally.redactedFields += check.redacted;
      digest.add(seq, entry.hash);
    }
  }
  if (digest.digest() !== seal.entriesHash) {
    throw new Stop({
      subject: 'seal',
      number: seal.number,
      reason: 'changed',
      detail: `the entries it seals (${seal.fromSeq}–${seal.toSeq}) no longer match it: one of them was rewritten, hash included, after it was sealed`,
    });
  }
}

/**
 * Entries after the last seal, each against its own hashes. A number with no entry before a
 * stored one is a failure, unless that later entry is only minutes old: then the write is most
 * likely still in progress (another instance took the number first and has not saved yet), and
 * the number is reported as pending. The sealer uses the same grace before stepping over a gap.
 */
async function checkUnsealedEntries(
  deps: VerifyDeps,
  workspaceId: WorkspaceId,
  fromSeq: number,
  lastSeq: number,
  graceStart: number,
  tally: { entriesVerified: number; redactedFields: number; unsealed: number },
  pending: number[],
): Promise<void> {
  const holes: number[] = [];
  for (let start = fromSeq; start <= lastSeq; start += READ_BATCH) {
    const end = Math.min(lastSeq, start + READ_BATCH - 1);
    const slots = await deps.evidence.slots(workspaceId, start, end);
    for (let seq = start; seq <= end; seq++) {
      const entry = slots[seq - start];
      if (!entry) {
        holes.push(seq);
        continue;
      }
      if (holes.length > 0) {
        const written = typeof entry.at === 'string' ? Date.parse(entry.at) : Number.NaN;
        if (!(written > graceStart)) {
          throw new Stop({
            subject: 'entry',
            number: holes[0] as number,
            reason: 'missing',
            detail: 'it is not in the store although later entries are: it was removed, or its writer stopped before saving it',
          });
        }
        pending.push(...holes.splice(0));
      }
      const check = checkEntry(entry, seq, workspaceId);
      if (check.failure) throw new Stop({ subject: 'entry', number: seq, ...check.failure });
      tally.entriesVerified += 1;
      tally.unsealed += 1;
      tally.redactedFields += check.redacted;
    }
  }
  pending.push(...holes);
}
