/**
 * What an auditor's verification would find in a workspace's evidence log: entries whose content
 * no longer matches their own hash, and numbers that were handed out but hold no entry.
 */
import { type EvidenceEntry, entryHash, sha256 } from '../../../src/core/domain/evidence.js';

export interface EvidenceFindings {
  /** Entries whose hash (or a personal field's hash) does not match what is stored. */
  readonly altered: number[];
  /** Numbers up to the counter that hold no entry (a writer stopped between number and entry). */
  readonly holes: number[];
}

export function examineEvidence(entries: readonly EvidenceEntry[], lastSeq: number): EvidenceFindings {
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  const holes = Array.from({ length: lastSeq }, (_, i) => i + 1).filter((seq) => !bySeq.has(seq));
  const altered = entries
    .filter((entry) => {
      const { personal, hash, ...sealed } = entry;
      const personalMatches = Object.entries(personal).every(
        ([field, text]) => text === null || sha256(text) === entry.personalHashes[field],
      );
      return !personalMatches || entryHash(sealed) !== hash;
    })
    .map((entry) => entry.seq);
  return { altered, holes };
}
