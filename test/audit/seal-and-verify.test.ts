/**
 * Seals and verification through the real core on the in-memory store: an untouched log verifies,
 * seals chain, unsealed entries are named, crash gaps are stepped over and named, a lost sealing
 * race appends nothing. Tampering on the real backends is in tamper.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/adapters/storage/repositories/keys.js';
import { GAP_GRACE_MS, MAX_ENTRIES_PER_SEAL, sealWorkspace } from '../../src/core/audit/seal-workspace.js';
import { GENESIS_HASH, makeSeal, sealLabel } from '../../src/core/audit/seal.js';
import { verifyLog } from '../../src/core/audit/verify-log.js';
import { verdictSentence, verifyReportText } from '../../src/core/audit/verify-view.js';
import { toEvidenceEntry } from '../../src/core/domain/evidence.js';
import { createTestCore, expectOk, type TestCore } from '../support/test-core.js';

async function addRequirements(t: TestCore, n: number): Promise<void> {
  const member = await t.actor('member');
  // Numbered on from what is there: the same statement twice would be refused as a duplicate.
  const start = (await t.deps.requirements.list(t.workspaceId)).length;
  for (let i = start + 1; i <= start + n; i++) {
    expectOk(await t.core.addRequirement(member, { statement: `Requirement ${i}`, customer: 'Acme AS' }));
  }
}

describe('seals and verification', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(() => t.close());

  it('an empty log verifies and has nothing to seal', async () => {
    expect((await sealWorkspace(t.deps, t.workspaceId)).sealed).toEqual([]);
    const report = await verifyLog(t.deps, t.workspaceId, { full: true });
    expect(report.failure).toBeUndefined();
    expect(verdictSentence(report, 'UTC')).toBe('The evidence log has no entries yet: there is nothing to check or seal.');
  });

  it('chains seals over the entries since the last one and verifies an untouched log', async () => {
    await addRequirements(t, 3);
    const first = await sealWorkspace(t.deps, t.workspaceId);
    expect(first.sealed.map((seal) => [seal.number, seal.fromSeq, seal.toSeq, seal.previousHash])).toEqual([[1, 1, 3, GENESIS_HASH]]);
    t.clock.advanceDays(1);
    await addRequirements(t, 2);
    const second = await sealWorkspace(t.deps, t.workspaceId);
    expect(second.sealed.map((seal) => [seal.number, seal.fromSeq, seal.toSeq, seal.previousHash])).toEqual([
      [2, 4, 5, first.sealed[0]?.hash],
    ]);
    expect((await sealWorkspace(t.deps, t.workspaceId)).sealed).toEqual([]);
    await addRequirements(t, 1);

    const full = await verifyLog(t.deps, t.workspaceId, { full: true });
    expect(full).toMatchObject({ entriesVerified: 6, sealedEntries: 5, seals: 2, unsealed: 1, gaps: [], pending: [] });
    expect(full.failure).toBeUndefined();
    const seal = second.latest;
    if (!seal) throw new Error('no seal');
    expect(verdictSentence(full, 'UTC')).toBe(
      `Checked every entry (6) against its own hash, and the seal chain (2 seals over 5 entries) against the entries each seal covers: all intact. 5 entries are sealed, up to entry 5 by seal ${sealLabel(seal)} at 2026-11-25 10:00 UTC; 1 is not sealed yet.`,
    );
    // Every time a person reads is in the workspace's zone, named.
    expect(verdictSentence(full, 'Europe/Oslo')).toContain(`by seal ${sealLabel(seal)} at 2026-11-25 11:00 Europe/Oslo;`);
    expect(verifyReportText(full, 'UTC')).toContain('Entries newer than the last seal are protected only by their own hashes');

    const quick = await verifyLog(t.deps, t.workspaceId);
    expect(quick).toMatchObject({ entriesVerified: 1, sealedEntries: 5, seals: 2, unsealed: 1 });
    expect(verdictSentence(quick, 'UTC')).toBe(
      `Checked the seal chain (2 seals over 5 entries) and the 1 entry written after the last seal: all intact. 5 entries are sealed, up to entry 5 by seal ${sealLabel(seal)} at 2026-11-25 10:00 UTC; 1 is not sealed yet.`,
    );
  });

  it('splits a long history into seals of at most the maximum size', { timeout: 60_000 }, async () => {
    const total = MAX_ENTRIES_PER_SEAL + 10;
    for (let seq = 1; seq <= total; seq++) {
      await t.deps.evidence.append({
        workspaceId: t.workspaceId,
        type: 'check.answered',
        at: t.clock.now().toISOString(),
        actorId: 'U1',
        subject: { kind: 'check', id: `c${seq}` },
        data: {},
        personal: {},
      });
    }
    const outcome = await sealWorkspace(t.deps, t.workspaceId);
    expect(outcome.sealed.map((seal) => [seal.fromSeq, seal.toSeq])).toEqual([
      [1, MAX_ENTRIES_PER_SEAL],
      [MAX_ENTRIES_PER_SEAL + 1, total],
    ]);
    expect((await verifyLog(t.deps, t.workspaceId, { full: true })).entriesVerified).toBe(total);
  });

  it('waits for a number still being written, then steps over it as a named gap once it is abandoned', async () => {
    await addRequirements(t, 2);
    // A writer took number 3 and stopped before saving; number 4 was written after it.
    await t.deps.counters.next(keys.evidenceCounter(t.workspaceId));
    const seq4 = toEvidenceEntry(
      {
        workspaceId: t.workspaceId,
        type: 'check.dismissed',
        at: t.clock.now().toISOString(),
        actorId: 'U1',
        subject: { kind: 'check', id: 'c' },
        data: {},
        personal: {},
      },
      await t.deps.counters.next(keys.evidenceCounter(t.workspaceId)),
    );
    await t.backend.records.put(keys.evidence(t.workspaceId, 4), seq4);

    const early = await sealWorkspace(t.deps, t.workspaceId);
    expect(early.sealed.map((seal) => [seal.fromSeq, seal.toSeq])).toEqual([[1, 2]]);
    // Meanwhile verification calls it pending, not lost: number 4 is minutes old.
    const meanwhile = await verifyLog(t.deps, t.workspaceId, { full: true });
    expect(meanwhile.failure).toBeUndefined();
    expect(meanwhile.pending).toEqual([3]);
    expect(verifyReportText(meanwhile, 'UTC')).toContain(
      '1 number was handed out but its entry is not stored yet (being written, or abandoned by a writer that stopped): 3.',
    );

    t.clock.set(new Date(t.clock.now().getTime() + GAP_GRACE_MS).toISOString());
    const later = await sealWorkspace(t.deps, t.workspaceId);
    expect(later.sealed.map((seal) => [seal.fromSeq, seal.toSeq, seal.gaps])).toEqual([[3, 4, [3]]]);
    const report = await verifyLog(t.deps, t.workspaceId, { full: true });
    expect(report.failure).toBeUndefined();
    expect(report.gaps).toEqual([3]);
    expect(verifyReportText(report, 'UTC')).toMatch(/Sealed with 1 gap .*: 3\./);
  });

  it('reports numbers handed out at the end of the log as pending, not as failures', async () => {
    await addRequirements(t, 1);
    await t.deps.counters.next(keys.evidenceCounter(t.workspaceId));
    const report = await verifyLog(t.deps, t.workspaceId, { full: true });
    expect(report.failure).toBeUndefined();
    expect(report.pending).toEqual([2]);
    expect((await sealWorkspace(t.deps, t.workspaceId)).latest?.toSeq).toBe(1);
  });

  it('never appends a second seal with the same number, and a busy lock makes a run step aside', async () => {
    await addRequirements(t, 2);
    const [seal] = (await sealWorkspace(t.deps, t.workspaceId)).sealed;
    if (!seal) throw new Error('no seal');
    const rival = makeSeal({ ...seal, toSeq: 1, entriesHash: 'x'.repeat(64) });
    expect(await t.deps.seals.append(rival)).toBe(false);
    const next = makeSeal({ ...seal, number: 2, fromSeq: 3, toSeq: 3, previousHash: seal.hash });
    expect(await t.deps.seals.append(next)).toBe(true);
    expect(await t.deps.seals.append(makeSeal({ ...next, at: '2030-01-01T00:00:00.000Z' }))).toBe(false);
    expect((await t.deps.seals.list(t.workspaceId, 1, 5)).map((s) => s.hash)).toEqual([seal.hash, next.hash]);

    await t.deps.claims.claim(`ws:${t.workspaceId}:sealing`, 'other-instance', 60_000);
    expect(await sealWorkspace(t.deps, t.workspaceId)).toMatchObject({ sealed: [], busy: true });
  });

  it('reports removed seals instead of starting a new chain over them', async () => {
    await addRequirements(t, 2);
    const [seal] = (await sealWorkspace(t.deps, t.workspaceId)).sealed;
    await t.backend.records.delete(keys.sealHead(t.workspaceId));
    await addRequirements(t, 1);
    expect((await sealWorkspace(t.deps, t.workspaceId)).sealed).toEqual([]);
    expect((await t.deps.seals.list(t.workspaceId, 1, 1))[0]?.hash).toBe(seal?.hash);
    expect((await verifyLog(t.deps, t.workspaceId)).failure).toMatchObject({ subject: 'seal', number: 1, reason: 'missing' });
  });

  it('repairs a seal whose own record was not written before its sealer stopped', async () => {
    await addRequirements(t, 2);
    const [seal] = (await sealWorkspace(t.deps, t.workspaceId)).sealed;
    await t.backend.records.delete(keys.seal(t.workspaceId, 1));
    expect((await t.deps.seals.latest(t.workspaceId))?.hash).toBe(seal?.hash);
    expect((await verifyLog(t.deps, t.workspaceId, { full: true })).failure).toBeUndefined();
  });
});
