/**
 * Redaction keeps the log verifiable: snapshot retention removes decision-message text after the
 * workspace's period, and erase-person removes one person's names and text everywhere, in the log
 * and in the stored records; in both cases the hashes stay and verification (full, over seals
 * made before and after) passes, reporting the redacted fields as redacted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditMaintenance } from '../../src/core/audit/maintenance.js';
import { REDACTED_TEXT, SNAPSHOT_REMOVED_TEXT, erasePerson } from '../../src/core/audit/redaction.js';
import { sealWorkspace } from '../../src/core/audit/seal-workspace.js';
import { verifyLog } from '../../src/core/audit/verify-log.js';
import { verifyReportText } from '../../src/core/audit/verify-view.js';
import type { EvidenceEntry } from '../../src/core/domain/evidence.js';
import { createTestCore, expectOk, type TestCore } from '../support/test-core.js';
import { recordingMessengers } from '../digest/support/recording-messenger.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-redaction-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const entries = (t: TestCore): Promise<EvidenceEntry[]> => t.deps.evidence.listBySeq(t.workspaceId, 1, 1000);
const byType = async (t: TestCore, type: string) => (await entries(t)).filter((entry) => entry.type === type);

describe.each([
  { label: 'memory', url: () => 'memory://' },
  { label: 'SQLite', url: () => `sqlite://${join(directory, `${Math.random().toString(36).slice(2)}.sqlite`)}` },
])('redaction on $label', ({ url }) => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore({ storeUrl: url(), messengers: recordingMessengers(['slack']).registry });
  });
  afterEach(() => t.close());

  /** Dana decides and answers; Kim records a requirement she owns and feedback; an admin makes Dana a manager. */
  async function history() {
    const admin = await t.actor('admin', 'U_ADMIN');
    const dana = { id: 'U_DANA', name: 'Dana Doe', workspaceId: t.workspaceId };
    const kim = { id: 'U_KIM', name: 'Kim Lee', workspaceId: t.workspaceId };
    const requirement = expectOk(
      await t.core.addRequirement(kim, { statement: 'Deliveries within 5 days', customer: 'Acme AS', owner: '<@U_DANA|Dana Doe>' }),
    );
    const check = expectOk(
      await t.core.startCheck(kim, {
        text: 'Dana: we cap the free tier at 3 seats',
        place: { platform: 'slack', channelId: 'C1', permalink: 'https://x.slack.com/p1' },
        origin: 'reaction',
        decidedBy: { id: 'U_DANA', name: 'Dana Doe' },
      }),
    );
    const answer = expectOk(
      await t.core.answerCheck(dana, check.id, {
        impact: 'negative',
        explanation: 'Small customers lose seats',
        followUp: { kind: 'action', description: 'Email small customers', owner: '<@U_DANA|Dana Doe>', dueOn: '2026-12-01' },
      }),
    );
    expectOk(
      await t.core.recordFeedback(kim, {
        summary: 'Dana was very helpful',
        fields: { customer: 'Acme AS', sentiment: 'positive', kind: 'compliment' },
      }),
    );
    expectOk(await t.core.setRole(admin, '<@U_DANA|Dana Doe>', 'manager'));
    return { requirement, check, answer, admin };
  }

  it('erase-person redacts one person everywhere, keeps the others, and the log still verifies', async () => {
    const { requirement, check, answer, admin } = await history();
    await sealWorkspace(t.deps, t.workspaceId);
    const before = await verifyLog(t.deps, t.workspaceId, { full: true });
    expect(before.failure).toBeUndefined();

    const outcome = await erasePerson(t.deps, admin, 'U_DANA');
    expect(outcome.entries).toBeGreaterThanOrEqual(5);
    expect(outcome.records).toMatchObject({ requirement: 1, check: 1, answer: 1, action: 1, feedback: 0 });

    // The log: Dana's names and words are gone, Kim's are kept; hashes are unchanged.
    const [started] = await byType(t, 'check.started');
    expect(started?.personal).toEqual({ actorName: 'Kim Lee', text: null, permalink: null, decidedByName: null });
    const [answered] = await byType(t, 'check.answered');
    expect(answered?.personal).toMatchObject({ actorName: null, explanation: null });
    const [created] = await byType(t, 'requirement.created');
    expect(created?.personal).toMatchObject({ actorName: 'Kim Lee', statement: 'Deliveries within 5 days', ownerName: null });
    const [feedback] = await byType(t, 'feedback.recorded');
    expect(feedback?.personal).toMatchObject({ actorName: 'Kim Lee', summary: 'Dana was very helpful' });
    const [role] = await byType(t, 'role.changed');
    expect(role?.personal).toMatchObject({ personName: null });
    const [erased] = await byType(t, 'person.erased');
    expect(erased).toMatchObject({ actorId: 'U_ADMIN', subject: { kind: 'person', id: 'U_DANA' } });

    // The records.
    expect((await t.deps.requirements.get(t.workspaceId, requirement.id))?.owner).toEqual({ id: 'U_DANA' });
    const storedCheck = await t.deps.checks.get(t.workspaceId, check.id);
    expect(storedCheck).toMatchObject({ text: REDACTED_TEXT, decidedBy: { id: 'U_DANA' }, startedBy: { id: 'U_KIM', name: 'Kim Lee' } });
    expect(storedCheck?.place.permalink).toBeUndefined();
    const [storedAnswer] = await t.deps.checks.listAnswers(t.workspaceId, check.id);
    expect(storedAnswer).toMatchObject({ by: { id: 'U_DANA' }, explanation: REDACTED_TEXT });
    expect(JSON.stringify(storedAnswer)).not.toContain('Dana Doe');
    const action = await t.deps.actions.get(t.workspaceId, answer.action?.id ?? '');
    expect(action).toMatchObject({ description: REDACTED_TEXT, owner: { id: 'U_DANA' } });

    await sealWorkspace(t.deps, t.workspaceId);
    const after = await verifyLog(t.deps, t.workspaceId, { full: true });
    expect(after.failure).toBeUndefined();
    expect(after.redactedFields).toBe(outcome.fields);
    expect(verifyReportText(after, 'UTC')).toContain(
      `${outcome.fields} personal fields were redacted (retention or erasure); their hashes remain, so they still verify.`,
    );

    // Erasing again finds nothing more.
    expect(await erasePerson(t.deps, admin, 'U_DANA')).toMatchObject({ entries: 0, fields: 0 });
  });

  it("erase-person redacts the text of digests that quote the person, and keeps the others'", async () => {
    const { admin } = await history();
    // Dana is a manager: the digest goes to her and quotes her decision, her action and her name.
    expectOk(await t.core.sendDigestNow(admin));
    const [quoting] = await byType(t, 'digest.sent');
    expect(quoting?.personal.content).toContain('Dana Doe');
    expect(quoting?.personal.content).toContain('we cap the free tier at 3 seats');
    // Kim, who is not quoted, is erased first: that digest stays as it was.
    expect((await erasePerson(t.deps, admin, 'U_KIM')).entries).toBeGreaterThan(0);
    expect((await byType(t, 'digest.sent'))[0]?.personal.content).toBe(quoting?.personal.content);

    const outcome = await erasePerson(t.deps, admin, 'U_DANA');
    const [redacted] = await byType(t, 'digest.sent');
    expect(redacted?.personal).toMatchObject({ content: null });
    // The digest's facts stay, and so does the hash of its text.
    expect(redacted?.data).toEqual(quoting?.data);
    expect(redacted?.personalHashes).toEqual(quoting?.personalHashes);
    expect(JSON.stringify(await entries(t))).not.toMatch(/Dana Doe|free tier|Email small customers/);
    await sealWorkspace(t.deps, t.workspaceId);
    const after = await verifyLog(t.deps, t.workspaceId, { full: true });
    expect(after.failure).toBeUndefined();
    expect(outcome.fields).toBeGreaterThan(0);
  });

  it('only admins may erase a person', async () => {
    const manager = await t.actor('manager');
    await expect(erasePerson(t.deps, manager, 'U_DANA')).rejects.toThrow(/only admins can change settings/);
  });

  it('snapshot retention redacts decision text after the period, once, and the log still verifies', async () => {
    const { check, admin } = await history();
    expectOk(await t.core.runCommand(admin, 'customer-focus settings retention:30d'));
    await sealWorkspace(t.deps, t.workspaceId);

    // Not yet due: nothing changes.
    t.clock.advanceDays(29);
    expect((await auditMaintenance(t.deps, t.workspaceId)).retention).toMatchObject({ entries: 0 });
    t.clock.advanceDays(2);
    const { retention, seal } = await auditMaintenance(t.deps, t.workspaceId);
    expect(retention).toMatchObject({ entries: 1, checks: 1 });
    const [started] = await byType(t, 'check.started');
    expect(started?.personal).toMatchObject({
      text: null,
      actorName: 'Kim Lee',
      decidedByName: 'Dana Doe',
      permalink: 'https://x.slack.com/p1',
    });
    expect((await t.deps.checks.get(t.workspaceId, check.id))?.text).toBe(SNAPSHOT_REMOVED_TEXT);
    const [redacted] = await byType(t, 'evidence.redacted');
    expect(redacted?.data).toMatchObject({ reason: 'retention', retentionDays: 30, entries: 1 });
    expect(seal.sealed.length).toBe(1);

    const report = await verifyLog(t.deps, t.workspaceId, { full: true });
    expect(report.failure).toBeUndefined();
    expect(report.redactedFields).toBe(1);
    expect((await auditMaintenance(t.deps, t.workspaceId)).retention).toMatchObject({ entries: 0 });
  });

  it('keeps snapshots by default and refuses a retention period it cannot use', async () => {
    const { admin } = await history();
    t.clock.advanceDays(4000);
    expect((await auditMaintenance(t.deps, t.workspaceId)).retention).toEqual({ entries: 0, checks: 0 });
    const refused = await t.core.runCommand(admin, 'customer-focus settings retention:2d');
    expect(refused.ok ? '' : refused.error.message).toContain('"2d" is not a retention period I can use');
    const shown = expectOk(await t.core.runCommand(admin, 'customer-focus settings retention:12m'));
    expect(JSON.stringify(shown)).toContain('kept 360 days, then redacted (hashes stay)');
  });
});
