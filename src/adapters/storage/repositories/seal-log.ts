/**
 * The evidence log's seals. The head record holds the latest seal and is the one compare-and-set
 * point: a seal is appended by moving the head from seal n-1 to seal n, so two sealers can never
 * both append seal n. Each seal is then also kept as its own immutable record (`seal:<n>`), which
 * is written only with the head's content, so writing it twice writes the same bytes.
 *
 * The first seal has no head to compare with; a permanent claim decides who creates the head.
 */
import type { Seal } from '../../../core/audit/seal.js';
import type { WorkspaceId } from '../../../core/domain/shared.js';
import type { SealLog } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { keys, loadAll } from './keys.js';

interface SealHead {
  readonly version: number;
  readonly seal: Seal;
}

/** Thrown inside the compare-and-set when another sealer moved the head first. */
class HeadMoved extends Error {}

const BATCH = 1000;

export class KeyvSealLog implements SealLog {
  constructor(private readonly backend: Backend) {}

  async latest(workspaceId: WorkspaceId): Promise<Seal | undefined> {
    const head = await this.backend.records.get<SealHead>(keys.sealHead(workspaceId));
    if (!head) return undefined;
    // A sealer that stopped after moving the head but before writing the seal's own record:
    // the head holds the seal, so finish the job (same content, so a duplicate write is harmless).
    if (!(await this.backend.records.get<Seal>(keys.seal(workspaceId, head.seal.number)))) {
      await this.backend.records.put(keys.seal(workspaceId, head.seal.number), head.seal);
    }
    return head.seal;
  }

  async list(workspaceId: WorkspaceId, fromNumber: number, toNumber: number): Promise<Seal[]> {
    const seals: Seal[] = [];
    for (let start = Math.max(1, fromNumber); start <= toNumber; start += BATCH) {
      const wanted: string[] = [];
      for (let number = start; number <= Math.min(toNumber, start + BATCH - 1); number++) wanted.push(keys.seal(workspaceId, number));
      seals.push(...(await loadAll<Seal>(this.backend.records, wanted)));
    }
    return seals;
  }

  async append(seal: Seal): Promise<boolean> {
    const { records } = this.backend;
    const headKey = keys.sealHead(seal.workspaceId);
    if (seal.number === 1) {
      if (!(await this.claimGenesis(seal))) return false;
      await records.put<SealHead>(headKey, { version: 1, seal });
    } else {
      try {
        const moved = await records.update<SealHead>(headKey, (current) => {
          if (current.seal.number !== seal.number - 1) throw new HeadMoved();
          return { ...current, seal };
        });
        if (!moved) return false;
      } catch (error) {
        if (error instanceof HeadMoved) return false;
        throw error;
      }
    }
    await records.put(keys.seal(seal.workspaceId, seal.number), seal);
    return true;
  }

  /**
   * Wins the right to write the first seal. A claim held by a sealer that stopped before writing
   * the head (the head is still absent) is taken over: sealers run one at a time under a lock, so
   * nobody else is between those two steps.
   */
  private async claimGenesis(seal: Seal): Promise<boolean> {
    const { claims, records } = this.backend;
    const key = keys.sealGenesis(seal.workspaceId);
    if (await claims.claim(key, seal.hash, 0)) return true;
    // A head or a first seal already stored: never write over them (a missing head with seals
    // still there means seals were removed, which verification reports).
    if (await records.get(keys.sealHead(seal.workspaceId))) return false;
    if (await records.get(keys.seal(seal.workspaceId, 1))) return false;
    const stale = await claims.holder(key);
    if (stale !== undefined) await claims.release(key, stale);
    return claims.claim(key, seal.hash, 0);
  }
}
