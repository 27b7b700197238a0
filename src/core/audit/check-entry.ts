/**
 * Checks one stored evidence entry against its own hashes: its place in the log, its facts, and
 * each personal field that is still present. A redacted field (null or absent) is counted, never
 * a failure: its hash is what the entry's hash covers.
 */
import { type EvidenceEntry, entryHash, sha256 } from '../domain/evidence.js';
import type { WorkspaceId } from '../domain/shared.js';

export type FailureReason = 'changed' | 'missing' | 'out-of-order';

export interface EntryCheck {
  readonly failure?: { readonly reason: FailureReason; readonly detail: string };
  /** Personal fields no longer present (redacted). */
  readonly redacted: number;
}

export function checkEntry(entry: EvidenceEntry, expectedSeq: number, workspaceId: WorkspaceId): EntryCheck {
  try {
    if (entry.seq !== expectedSeq) {
      return {
        redacted: 0,
        failure: {
          reason: 'out-of-order',
          detail: `the entry stored as number ${expectedSeq} says it is number ${String(entry.seq)}: entries were moved or swapped`,
        },
      };
    }
    if (entry.workspaceId !== workspaceId) {
      return { redacted: 0, failure: { reason: 'changed', detail: `it says it belongs to workspace "${String(entry.workspaceId)}"` } };
    }
    let redacted = 0;
    for (const [field, hash] of Object.entries(entry.personalHashes)) {
      const text = entry.personal[field];
      if (text === null || text === undefined) {
        redacted += 1;
      } else if (typeof text !== 'string' || sha256(text) !== hash) {
        return { redacted, failure: { reason: 'changed', detail: `its field "${field}" no longer matches the hash stored with it` } };
      }
    }
    const extra = Object.keys(entry.personal).find((field) => !(field in entry.personalHashes));
    if (extra !== undefined) {
      return { redacted, failure: { reason: 'changed', detail: `it has a field "${extra}" that it was not written with` } };
    }
    if (entryHash(entry) !== entry.hash) {
      return { redacted, failure: { reason: 'changed', detail: 'its content no longer matches its hash' } };
    }
    return { redacted };
  } catch {
    // A record edited into something that is not an entry at all.
    return { redacted: 0, failure: { reason: 'changed', detail: 'it can no longer be read as an evidence entry' } };
  }
}
