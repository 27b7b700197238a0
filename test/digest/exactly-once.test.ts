/**
 * The scheduled digest is sent once per workspace and week, to each recipient once, by however
 * many instances at once, on every store; failures are retried or given up as they deserve; the
 * evidence is written before anything is posted; manual sends and previews leave the week alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { weeklySchedule } from '../../src/core/digest/slots.js';
import type { ScheduledDigestOutcome } from '../../src/core/digest/scheduled-digest.js';
import type { EvidenceEntry } from '../../src/core/domain/evidence.js';
import { removeNamespace, uniqueNamespace } from '../support/real-stores.js';
import { storeTargets } from '../support/store-targets.js';
import { expectOk } from '../support/test-core.js';
import { type Instance, osloInstances } from './support/oslo-instances.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-digest-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const MONDAYS_9 = weeklySchedule(1, '09:00');
// Monday 30 November 2026, 09:00:30 in Oslo; the workspace was created the Tuesday before.
const DUE = '2026-11-30T08:00:30.000Z';

const { open: instance, opened } = osloInstances();

/** A workspace with a management channel, a second channel and a manager. */
async function prepare(first: Instance, channels = ['C0MGMT']): Promise<void> {
  const admin = await first.t.actor('admin', 'U0ADMIN');
  await first.t.actor('manager', 'U0MGR');
  for (const channelId of channels)
    expectOk(await first.t.core.runCommand(admin, '/customer-focus digest here', { place: { platform: 'slack', channelId } }));
}

const run = (i: Instance) =>
  i.t.core.runScheduledDigest(i.t.workspaceId, { defaultSchedule: MONDAYS_9, owner: `owner-${opened.indexOf(i)}` });

async function digestEvidence(i: Instance): Promise<EvidenceEntry[]> {
  const all = await i.t.deps.evidence.listBetween(i.t.workspaceId, {
    from: new Date('2026-11-01T00:00:00Z'),
    to: new Date('2026-12-31T00:00:00Z'),
  });
  return all.filter((entry) => entry.type === 'digest.sent');
}

describe.each(storeTargets(directory))('on $label', (target) => {
  it.skipIf(target.skipReason !== undefined)('two instances running six times at once: one digest, each recipient once', async () => {
    const namespace = uniqueNamespace();
    try {
      const a = await instance(target.url, namespace);
      const b = await instance(target.url, namespace);
      await prepare(a, ['C0MGMT', 'C0BOARD']);
      expectOk(await a.t.core.changeSettings({ id: 'U0ADMIN', workspaceId: a.t.workspaceId }, { digest: 'mon 09:00' }));
      a.t.clock.set(DUE);
      b.t.clock.set(DUE);
      const outcomes = await Promise.all([run(a), run(b), run(a), run(b), run(a), run(b)]);
      const sent = [...a.slack.sent, ...b.slack.sent].map((item) => item.to).sort();
      expect(sent).toEqual(['conversation:C0BOARD', 'conversation:C0MGMT', 'person:U0MGR']);
      expect(outcomes.filter((outcome) => outcome.status === 'delivering' && outcome.issuedNow)).toHaveLength(1);
      expect(await digestEvidence(a)).toHaveLength(1);
      // Later runs in the same week find it complete and send nothing more.
      a.t.clock.set('2026-12-03T15:00:00.000Z');
      expect(await run(a)).toEqual({ status: 'complete', week: '2026-W49' });
      expect(a.slack.sent.length + b.slack.sent.length).toBe(3);
    } finally {
      if (target.url) await removeNamespace(target.url, namespace);
    }
  });
});

describe('failures', () => {
  it('a failing recipient does not stop the others; a passing failure is retried on the next run, a lasting one given up', async () => {
    const i = await instance();
    await prepare(i, ['C0MGMT', 'C0GONE']);
    i.t.clock.set(DUE);
    i.slack.failNext('conversation:C0GONE', { ok: false, retryable: false, reason: 'Slack answered channel_not_found' });
    i.slack.failNext('person:U0MGR', { ok: false, retryable: true, reason: 'rate limited by Slack (retry after 30 s)' });
    const first = await run(i);
    expect(first).toMatchObject({ status: 'delivering', complete: false });
    const outcomes = (first as Extract<ScheduledDigestOutcome, { status: 'delivering' }>).deliveries.map((report) => [
      report.recipient.destination,
      report.outcome,
    ]);
    expect(outcomes).toEqual([
      [{ kind: 'conversation', conversationId: 'C0MGMT' }, 'sent'],
      [{ kind: 'conversation', conversationId: 'C0GONE' }, 'failed'],
      [{ kind: 'person', userId: 'U0MGR' }, 'failed'],
    ]);
    i.t.clock.set('2026-11-30T08:01:00.000Z');
    expect(await run(i)).toMatchObject({ status: 'delivering', issuedNow: false, complete: true });
    expect(i.slack.sent.map((item) => item.to)).toEqual(['conversation:C0MGMT', 'person:U0MGR']);
    expect(i.slack.attempts.filter((to) => to === 'conversation:C0GONE')).toHaveLength(1);
    expect(await run(i)).toMatchObject({ status: 'complete' });
    // The retried manager got the same week's digest, with the same Reviewed button.
    expect(JSON.stringify(i.slack.to('person:U0MGR')[0]?.message)).toContain('"digestId":"2026-W49"');
  });

  it("a digest whose building failed is built on the next run, not after the builder's lease runs out", async () => {
    const i = await instance();
    await prepare(i);
    i.t.clock.set(DUE);
    const failing = i.t.core.runScheduledDigest(i.t.workspaceId, {
      defaultSchedule: MONDAYS_9,
      owner: 'an-instance-whose-store-failed',
      beforeBuild: async () => {
        throw new Error('the store did not answer');
      },
    });
    await expect(failing).rejects.toThrow('the store did not answer');
    expect(await digestEvidence(i)).toEqual([]);
    i.t.clock.set('2026-11-30T08:01:30.000Z');
    expect(await run(i)).toMatchObject({ status: 'delivering', issuedNow: true, complete: true });
    expect(i.slack.sent.map((item) => item.to)).toEqual(['conversation:C0MGMT', 'person:U0MGR']);
  });

  it('records the digest as evidence before posting: what, to whom, when, even if every post fails', async () => {
    const i = await instance();
    await prepare(i);
    i.t.clock.set(DUE);
    i.slack.failNext('conversation:C0MGMT', { ok: false, retryable: true, reason: 'Slack answered internal_error' });
    i.slack.failNext('person:U0MGR', { ok: false, retryable: true, reason: 'Slack answered internal_error' });
    await run(i);
    expect(i.slack.sent).toEqual([]);
    const [entry, ...more] = await digestEvidence(i);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorId: 'system',
      at: DUE,
      subject: { kind: 'digest', id: '2026-W49' },
      data: {
        kind: 'scheduled',
        week: '2026-W49',
        slot: '2026-11-30T08:00:00.000Z',
        recipients: [
          { platform: 'slack', kind: 'conversation', id: 'C0MGMT' },
          { platform: 'slack', kind: 'person', id: 'U0MGR' },
        ],
      },
    });
    expect(entry?.personal.content).toContain('Customer focus digest: 2026-11-23 09:00 to 2026-11-30 09:00');
    expect(entry?.data.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('when nothing is owed', () => {
  it("a workspace created after this week's slot waits for the next one", async () => {
    const i = await instance();
    await prepare(i);
    // Created Tuesday 24 November; on that Tuesday the latest Monday slot was before it existed.
    i.t.clock.set('2026-11-25T12:00:00.000Z');
    expect(await run(i)).toEqual({ status: 'not-due' });
    expect(i.slack.attempts).toEqual([]);
  });

  it('with nobody to send to, nothing is recorded and the week stays owed', async () => {
    const i = await instance();
    i.t.clock.set(DUE);
    expect(await run(i)).toEqual({ status: 'no-recipients', week: '2026-W49' });
    expect(await digestEvidence(i)).toEqual([]);
    await prepare(i);
    expect(await run(i)).toMatchObject({ status: 'delivering', issuedNow: true });
  });
});

describe('on demand', () => {
  it("an admin's send goes to every recipient now and is recorded; a member is told who may", async () => {
    const i = await instance();
    await prepare(i);
    const member = await i.t.actor('member', 'U0KIM');
    const refused = await i.t.core.sendDigestNow(member);
    expect(refused.ok ? '' : refused.error.message).toContain('only admins can send the digest outside its schedule');
    const sent = expectOk(await i.t.core.sendDigestNow({ id: 'U0ADMIN', workspaceId: i.t.workspaceId }));
    expect(sent.digestId).toMatch(/^manual-/);
    expect(i.slack.sent.map((item) => item.to)).toEqual(['conversation:C0MGMT', 'person:U0MGR']);
    const [entry] = await digestEvidence(i);
    expect(entry).toMatchObject({ actorId: 'U0ADMIN', subject: { id: sent.digestId }, data: { kind: 'manual', week: null } });
  });

  it('a send with nobody to send to says how to add recipients', async () => {
    const i = await instance();
    const admin = await i.t.actor('admin', 'U0ADMIN');
    const result = await i.t.core.sendDigestNow(admin);
    expect(result.ok ? '' : result.error.message).toContain('Run "{focus}digest here" in the channel');
    expect(await digestEvidence(i)).toEqual([]);
  });

  it('a preview sends and records nothing, and has no Reviewed button', async () => {
    const i = await instance();
    await prepare(i);
    const manager = { id: 'U0MGR', workspaceId: i.t.workspaceId };
    const preview = expectOk(await i.t.core.previewDigest(manager));
    expect(JSON.stringify(preview)).not.toContain('digest.reviewed');
    expect(JSON.stringify(preview)).toContain('Preview: nothing was sent or recorded.');
    expect(i.slack.attempts).toEqual([]);
    expect(await digestEvidence(i)).toEqual([]);
  });

  it('Reviewed records the management review once per person; members are refused', async () => {
    const i = await instance();
    await prepare(i);
    const manager = { id: 'U0MGR', workspaceId: i.t.workspaceId };
    // Only a digest that was sent can be reviewed.
    const unsent = await i.t.core.markDigestReviewed(manager, '2026-W49');
    expect(unsent.ok ? '' : unsent.error.message).toContain('I have no record of sending the digest "2026-W49"');
    i.t.clock.set(DUE);
    expect(await run(i)).toMatchObject({ status: 'delivering', complete: true });
    expect(expectOk(await i.t.core.markDigestReviewed(manager, '2026-W49'))).toBe(true);
    expect(expectOk(await i.t.core.markDigestReviewed(manager, '2026-W49'))).toBe(false);
    const member = await i.t.actor('member', 'U0KIM');
    const refused = await i.t.core.markDigestReviewed(member, '2026-W49');
    expect(refused.ok ? '' : refused.error.message).toContain('only managers and admins can record the management review of a digest');
    const forged = await i.t.core.markDigestReviewed(manager, 'W49; DROP');
    expect(forged.ok ? '' : forged.error.message).toContain('does not belong to a digest I sent');
    const entries = await i.t.deps.evidence.listBetween(i.t.workspaceId, { from: new Date(0), to: new Date('2030-01-01T00:00:00Z') });
    expect(entries.filter((entry) => entry.type === 'digest.reviewed').map((entry) => [entry.actorId, entry.subject.id])).toEqual([
      ['U0MGR', '2026-W49'],
    ]);
  });
});
