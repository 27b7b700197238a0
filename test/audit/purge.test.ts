/**
 * Purging a workspace leaves no key of it in any backend (records, indexes and their members,
 * counters, claims, seals, revoked links), read from the raw store; another workspace in the same
 * store is untouched and still verifies.
 */
import { planPrompt } from '../../src/core/use-cases/prompts.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreInstallationStore } from '../../src/adapters/slack/installation-store.js';
import { purgeWorkspace } from '../../src/core/audit/purge.js';
import { sealWorkspace } from '../../src/core/audit/seal-workspace.js';
import { verifyLog } from '../../src/core/audit/verify-log.js';
import { createLinkSigner } from '../../src/core/links/signed-links.js';
import { createTestCore, expectOk, type TestCore } from '../support/test-core.js';
import { rawTargets } from './support/raw-store.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-purge-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const GONE = 'slack:TGONE';
const KEPT = 'slack:TKEPT';

async function fill(t: TestCore, workspaceId: string): Promise<void> {
  await t.core.ensureWorkspace({ id: workspaceId, platform: 'slack', name: workspaceId });
  const admin = { id: 'U_CONFIG_ADMIN', name: 'Admin', workspaceId };
  expectOk(await t.core.setRole(admin, '<@U_M|Mo>', 'manager'));
  const requirement = expectOk(await t.core.addRequirement(admin, { statement: 'Invoices in NOK', customer: 'Acme AS', review: '30d' }));
  expectOk(await t.core.reviewRequirement(admin, requirement.id, 'met', 'fine'));
  const check = expectOk(
    await t.core.startCheck(admin, { text: 'We drop the phone line', place: { platform: 'slack', channelId: 'C1' }, origin: 'command' }),
  );
  expectOk(
    await t.core.answerCheck(admin, check.id, {
      impact: 'unknown',
      followUp: { kind: 'action', description: 'Ask customers', owner: '<@U_M|Mo>', dueOn: '2026-12-24' },
    }),
  );
  expectOk(await t.core.recordFeedback(admin, { summary: 'Slow support', fields: { customer: 'Acme AS', sentiment: 'negative' } }));
  // A prompt in a channel: its daily counter and thread claims live under the workspace too.
  await planPrompt(t.deps, workspaceId, {
    place: { platform: 'slack', channelId: 'C2', threadId: '1.1', messageId: '1.1' },
    text: 'Decision: we move the release to Friday',
    author: { id: 'U_M' },
    postedAt: t.clock.now(),
    isThreadReply: false,
    origin: 'detected',
  });
  const signer = createLinkSigner(t.deps, 'x'.repeat(40));
  const { grant } = await signer.issue({
    workspaceId,
    purpose: 'download',
    role: 'admin',
    issuedTo: admin.id,
    subject: '2026-11-01..2026-11-30',
  });
  await signer.revoke(workspaceId, grant.id, admin);
  // The workspace's Slack token (a multi-workspace install) lives under its prefix too.
  const teamId = workspaceId.replace(/^slack:/, '');
  await new StoreInstallationStore(t.backend.records).storeInstallation({
    team: { id: teamId },
    enterprise: undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { token: `xoxb-${teamId}`, scopes: ['chat:write'], id: 'B1', userId: 'UB1' },
  });
  await sealWorkspace(t.deps, workspaceId);
}

describe.each(rawTargets(directory))('purge on $label', (target) => {
  it.skipIf(target.skipReason !== undefined)('leaves no key of the workspace and keeps the other one intact', async () => {
    const { url, namespace } = target.fresh();
    const t = await createTestCore({ storeUrl: url, namespace, workspaceId: KEPT });
    const raw = await target.open(url, namespace);
    try {
      await fill(t, GONE);
      await fill(t, KEPT);
      const before = await raw.everythingContaining(GONE);
      // Records, indexes, counters, claims and the workspace list all hold something of it.
      expect(before.length).toBeGreaterThan(20);
      expect(before.some((key) => key.includes('seal'))).toBe(true);
      expect(before.some((key) => key.includes('link-revoked'))).toBe(true);
      expect(before.some((key) => key.endsWith(':installation'))).toBe(true);
      const keptBefore = (await raw.everythingContaining(KEPT)).length;

      const report = await purgeWorkspace(t.deps, { id: 'cli:operator', workspaceId: GONE, platformAdmin: true });
      expect(report).toMatchObject({ workspaceId: GONE, requirements: 1, decisionChecks: 2, feedback: 1, seals: 1, roles: 1 });
      expect(report.evidenceEntries).toBeGreaterThanOrEqual(8);
      expect(report.keys).toBeGreaterThan(20);

      expect(await raw.everythingContaining(GONE)).toEqual([]);
      expect(await t.deps.workspaces.get(GONE)).toBeUndefined();
      expect((await t.deps.workspaces.list()).map((w) => w.id)).toEqual([KEPT]);
      expect((await raw.everythingContaining(KEPT)).length).toBe(keptBefore);
      const kept = await verifyLog(t.deps, KEPT, { full: true });
      expect(kept.failure).toBeUndefined();
      expect(kept.entriesVerified).toBeGreaterThanOrEqual(8);
    } finally {
      await raw.close();
      await t.close();
      await target.cleanUp(url, namespace);
    }
  });
});
