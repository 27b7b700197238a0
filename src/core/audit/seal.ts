/**
 * Seals: the evidence log's chain. Each seal covers the entries numbered `fromSeq..toSeq` (those
 * since the previous seal), and its hash covers the previous seal's hash and a digest of those
 * entries' own hashes in sequence order. Changing, removing or reordering a sealed entry, or any
 * earlier seal, therefore breaks the chain from that point on. Seals are never rewritten.
 *
 * The standalone verifier shipped in audit packs (verifier-script.ts) computes the same hashes;
 * change both together or old packs stop verifying.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, sha256 } from '../domain/evidence.js';
import type { IsoTimestamp, WorkspaceId } from '../domain/shared.js';

/** The "previous seal" of the first seal. */
export const GENESIS_HASH = '0'.repeat(64);

export interface Seal {
  readonly workspaceId: WorkspaceId;
  /** 1 for the first seal of a workspace, then +1 each time. */
  readonly number: number;
  /** First and last entry number covered (inclusive); `fromSeq` is the previous seal's `toSeq` + 1. */
  readonly fromSeq: number;
  readonly toSeq: number;
  /**
   * Numbers in the range that were handed out but never stored: a writer stopped between taking
   * the number and saving the entry (or the entry was removed before it was sealed). Listed so
   * that verification names them instead of passing over them silently.
   */
  readonly gaps: readonly number[];
  /** SHA-256 over `<seq>:<entry hash>\n` for every stored entry of the range, in order. */
  readonly entriesHash: string;
  readonly previousHash: string;
  readonly at: IsoTimestamp;
  /** SHA-256 over the canonical JSON of every field above. */
  readonly hash: string;
}

/** Feeds entries, in sequence order, into a seal's entries digest. */
export class EntriesDigest {
  private readonly hasher = createHash('sha256');
  count = 0;

  add(seq: number, entryHash: string): void {
    this.hasher.update(`${seq}:${entryHash}\n`, 'utf8');
    this.count += 1;
  }

  digest(): string {
    return this.hasher.digest('hex');
  }
}

export function sealHash(seal: Omit<Seal, 'hash'>): string {
  return sha256(
    canonicalJson({
      workspaceId: seal.workspaceId,
      number: seal.number,
      fromSeq: seal.fromSeq,
      toSeq: seal.toSeq,
      gaps: [...seal.gaps],
      entriesHash: seal.entriesHash,
      previousHash: seal.previousHash,
      at: seal.at,
    }),
  );
}

export function makeSeal(body: Omit<Seal, 'hash'>): Seal {
  return { ...body, gaps: [...body.gaps], hash: sealHash(body) };
}

/** How a seal is named to people: its number and the first 12 characters of its hash. */
export const sealLabel = (seal: Pick<Seal, 'number' | 'hash'>): string => `#${seal.number} ${seal.hash.slice(0, 12)}`;
