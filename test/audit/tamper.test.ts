/**
 * Someone with access to the database changes the evidence log behind the bot's back: edits an
 * entry (with or without recomputing its hash), deletes one, swaps two, edits a seal. Verification
 * names the entry or seal and why, on SQLite, Redis and PostgreSQL, edited through the raw store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keys } from '../../src/adapters/storage/repositories/keys.js';
import { GAP_GRACE_MS, sealWorkspace } from '../../src/core/audit/seal-workspace.js';
import { verifyLog } from '../../src/core/audit/verify-log.js';
import { verdictSentence } from '../../src/core/audit/verify-view.js';
import { type EvidenceEntry, entryHash } from '../../src/core/domain/evidence.js';
import { createTestCore, expectOk, type TestCore } from '../support/test-core.js';
import { type RawStore, rawTargets } from './support/raw-store.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-tamper-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/**
 * Eight entries sealed (requirements, a decision check with its text, an answer, a settings and a
 * role change), then two more written after the seal.
 */
async function seededLog(t: TestCore): Promise<void> {
  const admin = await t.actor('admin');
  const member = await t.actor('member');
  expectOk(await t.core.addRequirement(member, { statement: 'Deliveries to Norway within 5 days', customer: 'Acme AS' }));
  expectOk(await t.core.addRequirement(member, { statement: 'Invoices in NOK', customer: 'Acme AS' }));
  const check = expectOk(
    await t.core.startCheck(member, {
      text: 'We move support hours to 9-17',
      place: { platform: 'slack', channelId: 'C1' },
      origin: 'command',
      decidedBy: { id: 'U_DANA', name: 'Dana' },
    }),
  );
  expectOk(await t.core.answerCheck(member, check.id, { impact: 'positive' }));
  expectOk(await t.core.changeSettings(admin, { timezone: 'Europe/Berlin' }));
  expectOk(await t.core.setRole(admin, '<@U_KIM|Kim>', 'manager'));
  expectOk(await t.core.addRequirement(member, { statement: 'Support in Norwegian', customer: 'Acme AS' }));
  expectOk(
    await t.core.recordFeedback(member, {
      summary: 'Support was slow',
      fields: { customer: 'Acme AS', sentiment: 'negative', kind: 'complaint' },
    }),
  );
  expect(await t.deps.evidence.lastSeq(t.workspaceId)).toBe(8);
  expect((await sealWorkspace(t.deps, t.workspaceId)).latest).toMatchObject({ number: 1, toSeq: 8 });
  t.clock.advanceDays(1);
  expectOk(await t.core.addRequirement(member, { statement: 'Refunds within 14 days', customer: 'Globex' }));
  expectOk(await t.core.addRequirement(member, { statement: 'Accessible web shop', customer: 'End users' }));
}

describe.each(rawTargets(directory))('tampering with the evidence log on $label', (target) => {
  const run = async (tamper: (raw: RawStore, t: TestCore) => Promise<void>, check: (t: TestCore) => Promise<void>) => {
    const { url, namespace } = target.fresh();
    const t = await createTestCore({ storeUrl: url, namespace });
    const raw = await target.open(url, namespace);
    try {
      await seededLog(t);
      await tamper(raw, t);
      await check(t);
    } finally {
      await raw.close();
      await t.close();
      await target.cleanUp(url, namespace);
    }
  };
  const entryKey = (t: TestCore, seq: number) => keys.evidence(t.workspaceId, seq);
  const edit = async (raw: RawStore, key: string, change: (entry: EvidenceEntry) => EvidenceEntry) => {
    const stored = (await raw.read(key)) as EvidenceEntry | undefined;
    if (!stored) throw new Error(`nothing stored at ${key}`);
    await raw.write(key, change(stored));
  };

  it.skipIf(target.skipReason !== undefined)('an untouched log verifies, fully and quickly', async () => {
    await run(
      async () => {},
      async (t) => {
        const full = await verifyLog(t.deps, t.workspaceId, { full: true });
        expect(full.failure).toBeUndefined();
        expect(verdictSentence(full, 'UTC')).toMatch(
          /^Checked every entry \(10\) against its own hash, and the seal chain \(1 seal over 8 entries\) against the entries each seal covers: all intact\. 8 entries are sealed, up to entry 8 by seal #1 [0-9a-f]{12} at 2026-11-24 10:00 UTC; 2 are not sealed yet\.$/,
        );
        expect((await verifyLog(t.deps, t.workspaceId)).failure).toBeUndefined();
      },
    );
  });

  it.skipIf(target.skipReason !== undefined)('catches a sealed entry whose facts were edited, naming it', async () => {
    await run(
      (raw, t) => edit(raw, entryKey(t, 5), (entry) => ({ ...entry, data: { ...entry.data, timeZone: 'Europe/Oslo' } })),
      async (t) => {
        const report = await verifyLog(t.deps, t.workspaceId, { full: true });
        expect(report.failure).toEqual({
          subject: 'entry',
          number: 5,
          reason: 'changed',
          detail: 'its content no longer matches its hash',
        });
        expect(verdictSentence(report, 'UTC')).toBe('Entry 5 fails (changed): its content no longer matches its hash.');
        expect(report.entriesVerified).toBe(4);
      },
    );
  });

  it.skipIf(target.skipReason !== undefined)('catches an edited decision text (a personal field) against its own hash', async () => {
    await run(
      (raw, t) =>
        edit(raw, entryKey(t, 3), (entry) => ({ ...entry, personal: { ...entry.personal, text: 'We keep support hours as they are' } })),
      async (t) => {
        expect((await verifyLog(t.deps, t.workspaceId, { full: true })).failure).toMatchObject({
          subject: 'entry',
          number: 3,
          reason: 'changed',
          detail: 'its field "text" no longer matches the hash stored with it',
        });
      },
    );
  });

  it.skipIf(target.skipReason !== undefined)('catches an entry rewritten with a recomputed hash through its seal', async () => {
    await run(
      (raw, t) =>
        edit(raw, entryKey(t, 6), (entry) => {
          const forged = { ...entry, data: { role: 'admin' } };
          return { ...forged, hash: entryHash(forged) };
        }),
      async (t) => {
        const report = await verifyLog(t.deps, t.workspaceId, { full: true });
        expect(report.failure).toMatchObject({ subject: 'seal', number: 1, reason: 'changed' });
        expect(verdictSentence(report, 'UTC')).toContain('Seal #1 fails (changed): the entries it seals (1–8) no longer match it');
      },
    );
  });

  it.skipIf(target.skipReason !== undefined)(
    'catches a deleted sealed entry, and a deleted unsealed one even in a quick check',
    async () => {
      await run(
        (raw, t) => raw.remove(entryKey(t, 4)),
        async (t) => {
          expect((await verifyLog(t.deps, t.workspaceId, { full: true })).failure).toMatchObject({
            subject: 'entry',
            number: 4,
            reason: 'missing',
          });
        },
      );
      await run(
        (raw, t) => raw.remove(entryKey(t, 9)),
        async (t) => {
          // Within minutes of entry 10 the hole could be a write in progress; past that it is a loss.
          expect((await verifyLog(t.deps, t.workspaceId)).pending).toEqual([9]);
          t.clock.set(new Date(t.clock.now().getTime() + GAP_GRACE_MS).toISOString());
          const report = await verifyLog(t.deps, t.workspaceId);
          expect(report.failure).toMatchObject({ subject: 'entry', number: 9, reason: 'missing' });
          expect(verdictSentence(report, 'UTC')).toContain('Entry 9 fails (missing): it is not in the store although later entries are');
        },
      );
    },
  );

  it.skipIf(target.skipReason !== undefined)('catches two entries swapped', async () => {
    await run(
      async (raw, t) => {
        const second = await raw.read(entryKey(t, 2));
        const third = await raw.read(entryKey(t, 3));
        await raw.write(entryKey(t, 2), third);
        await raw.write(entryKey(t, 3), second);
      },
      async (t) => {
        const report = await verifyLog(t.deps, t.workspaceId, { full: true });
        expect(report.failure).toMatchObject({ subject: 'entry', number: 2, reason: 'out-of-order' });
        expect(verdictSentence(report, 'UTC')).toBe(
          'Entry 2 fails (out-of-order): the entry stored as number 2 says it is number 3: entries were moved or swapped.',
        );
      },
    );
  });

  it.skipIf(target.skipReason !== undefined)('catches an edited or deleted seal even in a quick check', async () => {
    await run(
      (raw, t) => edit(raw, keys.seal(t.workspaceId, 1), (seal) => ({ ...seal, toSeq: 7 }) as unknown as EvidenceEntry),
      async (t) => {
        expect((await verifyLog(t.deps, t.workspaceId)).failure).toMatchObject({
          subject: 'seal',
          number: 1,
          reason: 'changed',
          detail: 'its content no longer matches its hash',
        });
      },
    );
  });
});
