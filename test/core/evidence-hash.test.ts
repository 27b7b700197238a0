import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, sha256, toEvidenceEntry } from '../../src/core/domain/evidence.js';

const draft = {
  workspaceId: 'slack:T1',
  type: 'requirement.created' as const,
  at: '2026-11-24T10:00:00.000Z',
  actorId: 'U1',
  subject: { kind: 'requirement', id: 'REQ-1' },
  data: { type: 'stated', category: 'delivery' },
  personal: { statement: 'Deliveries within 5 days', actorName: 'Dana' },
};

describe('evidence entry hashes', () => {
  it('serialises canonically: key order does not change the hash', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }] })).toBe('{"a":[{"c":"x","d":2}],"b":1}');
  });

  it('hashes personal fields separately, so redacting them keeps the entry verifiable', () => {
    const entry = toEvidenceEntry(draft, 7);
    expect(entry.seq).toBe(7);
    expect(entry.personalHashes.statement).toBe(sha256('Deliveries within 5 days'));
    const redacted = { ...entry, personal: { ...entry.personal, statement: null } };
    expect(entryHash(redacted)).toBe(entry.hash);
  });

  it('changes when any fact changes', () => {
    const entry = toEvidenceEntry(draft, 7);
    expect(entryHash({ ...entry, data: { ...entry.data, category: 'price' } })).not.toBe(entry.hash);
    expect(entryHash({ ...entry, seq: 8 })).not.toBe(entry.hash);
    expect(toEvidenceEntry({ ...draft, personal: { ...draft.personal, statement: 'Deliveries within 6 days' } }, 7).hash).not.toBe(
      entry.hash,
    );
  });
});
