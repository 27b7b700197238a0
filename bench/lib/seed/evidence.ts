/**
 * The evidence log's history: entries 1…n in the workspace's mix of kinds, each hashed as the
 * log hashes it, with its time-index member and the log's counter; and the seals the hourly
 * sealer would have made over them (one per hour that had entries, chained, with the head record
 * and the genesis claim), computed while the entries are generated.
 */
import { MAX_ENTRIES_PER_SEAL } from '../../../src/core/audit/seal-workspace.js';
import { EntriesDigest, GENESIS_HASH, type Seal, makeSeal } from '../../../src/core/audit/seal.js';
import { type EvidenceDraft, toEvidenceEntry } from '../../../src/core/domain/evidence.js';
import { keys } from '../../../src/adapters/storage/repositories/keys.js';
import { EVIDENCE_MIX, HOUR_MS, type HistoryPlan, PEOPLE, WORKSPACE, entryTime, iso } from './plan.js';
import { Random } from './random.js';
import type { BulkSink } from './sink.js';

/** The sealer runs a few minutes past each hour. */
const SEALED_AFTER_HOUR_MS = 5 * 60_000;

function draftFor(random: Random, seq: number, at: number): EvidenceDraft {
  const type = random.weighted(EVIDENCE_MIX);
  const person = PEOPLE[seq % PEOPLE.length] as (typeof PEOPLE)[number];
  const kind = type.split('.')[0] as string;
  return {
    workspaceId: WORKSPACE,
    type,
    at: iso(at),
    actorId: person.id,
    subject: { kind, id: `${kind}-${Math.floor(seq / 3)}` },
    data: { impact: seq % 4 === 0 ? 'negative' : 'positive', requirementIds: [`REQ-${1 + (seq % 1000)}`], supersedes: null },
    personal: { actorName: person.name, explanation: `Customers on the annual plan see the change at renewal (entry ${seq}).` },
  };
}

/** Builds the hourly seals as entries go by, in sequence order. */
class HourlySealer {
  private digest = new EntriesDigest();
  private fromSeq = 1;
  private toSeq = 0;
  private hour = Number.NaN;
  private previous: Seal | undefined;
  readonly seals: Seal[] = [];

  add(seq: number, at: number, hash: string): void {
    const hour = Math.floor(at / HOUR_MS);
    if (this.toSeq >= this.fromSeq && (hour !== this.hour || this.toSeq - this.fromSeq + 1 >= MAX_ENTRIES_PER_SEAL)) this.seal();
    this.hour = hour;
    this.digest.add(seq, hash);
    this.toSeq = seq;
  }

  /** Seals what was added since the last seal, if anything. */
  seal(): void {
    if (this.toSeq < this.fromSeq) return;
    const seal = makeSeal({
      workspaceId: WORKSPACE,
      number: (this.previous?.number ?? 0) + 1,
      fromSeq: this.fromSeq,
      toSeq: this.toSeq,
      gaps: [],
      entriesHash: this.digest.digest(),
      previousHash: this.previous?.hash ?? GENESIS_HASH,
      at: iso((this.hour + 1) * HOUR_MS + SEALED_AFTER_HOUR_MS),
    });
    this.seals.push(seal);
    this.previous = seal;
    this.digest = new EntriesDigest();
    this.fromSeq = this.toSeq + 1;
  }
}

/** Writes the entries, their index members, the counter and the seals; returns how many seals. */
export async function seedEvidence(sink: BulkSink, plan: HistoryPlan): Promise<number> {
  const random = new Random(31);
  const sealer = new HourlySealer();
  for (let seq = 1; seq <= plan.entries; seq++) {
    const at = entryTime(plan, seq);
    const entry = toEvidenceEntry(draftFor(random, seq, at), seq);
    await sink.record(keys.evidence(WORKSPACE, seq), entry);
    await sink.indexed(keys.evidenceByTime(WORKSPACE), String(seq), at);
    sealer.add(seq, at, entry.hash);
  }
  sealer.seal();
  await sink.counter(keys.evidenceCounter(WORKSPACE), plan.entries);
  const { seals } = sealer;
  for (const seal of seals) await sink.record(keys.seal(WORKSPACE, seal.number), seal);
  const head = seals.at(-1);
  if (head) {
    // The seal log's head: written with version 1 for seal #1, then moved (version + 1) by each seal.
    await sink.record(keys.sealHead(WORKSPACE), { version: head.number, seal: head });
    await sink.permanentClaim(keys.sealGenesis(WORKSPACE), (seals[0] as Seal).hash);
  }
  return seals.length;
}
