/**
 * The permissions matrix, table-driven: every role against every use case. A role either gets
 * through (any outcome but a refusal) or is refused with `permission.denied` and nothing written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/core/domain/roles.js';
import type { Actor } from '../../src/core/domain/shared.js';
import type { Result } from '../../src/core/errors.js';
import { type TestCore, createTestCore, expectOk } from '../support/test-core.js';

type Attempt = (t: TestCore, actor: Actor, fixture: Fixture) => Promise<Result<unknown>>;
interface Fixture {
  requirementId: string;
  checkId: string;
  actionId: string;
}

const ALL: Role[] = [...ROLES];
const WRITERS: Role[] = ['member', 'manager', 'admin'];
const MANAGERS: Role[] = ['manager', 'admin'];
const ADMINS: Role[] = ['admin'];
const EXPORTERS: Role[] = ['manager', 'admin', 'auditor'];

const MATRIX: [useCase: string, allowed: Role[], attempt: Attempt][] = [
  ['list requirements', ALL, (t, a) => t.core.listRequirements(a)],
  ['show a requirement', ALL, (t, a, f) => t.core.showRequirement(a, f.requirementId)],
  ['add a requirement', WRITERS, (t, a) => t.core.addRequirement(a, { statement: 'Invoices in EUR' })],
  ['edit a requirement', WRITERS, (t, a, f) => t.core.editRequirement(a, f.requirementId, { category: 'price' })],
  ['review a requirement', WRITERS, (t, a, f) => t.core.reviewRequirement(a, f.requirementId, 'still_valid')],
  ['retire a requirement', MANAGERS, (t, a, f) => t.core.runCommand(a, `requirement retire ${f.requirementId}`)],
  ['reassign a requirement', MANAGERS, (t, a, f) => t.core.runCommand(a, `requirement reassign ${f.requirementId} <@U_NEW>`)],
  ['reassign an owner', MANAGERS, (t, a) => t.core.runCommand(a, 'requirement reassign <@U_OWNER> <@U_NEW>')],
  [
    'record feedback',
    WRITERS,
    (t, a) => t.core.recordFeedback(a, { summary: 'Great', fields: { customer: 'Acme', sentiment: 'positive' } }),
  ],
  [
    'start a check',
    WRITERS,
    (t, a) => t.core.startCheck(a, { text: 'We move support to 9-5', origin: 'command', place: { platform: 'slack', channelId: 'C1' } }),
  ],
  ['answer a check', WRITERS, (t, a, f) => t.core.answerCheck(a, f.checkId, { impact: 'positive' })],
  ['dismiss a check', WRITERS, (t, a, f) => t.core.dismissCheck(a, f.checkId)],
  ['close an action', WRITERS, (t, a, f) => t.core.closeAction(a, f.actionId)],
  ['export evidence', EXPORTERS, (t, a) => t.core.listEvidence(a, '2026-11-01', '2026-11-30')],
  ['change settings', ADMINS, (t, a) => t.core.changeSettings(a, { timezone: 'Europe/London' })],
  ['change a role', ADMINS, (t, a) => t.core.setRole(a, '<@U_SOMEONE>', 'manager')],
  ['list roles', ALL, (t, a) => t.core.runCommand(a, 'roles')],
];

describe('permissions matrix', () => {
  let t: TestCore;
  let fixture: Fixture;

  beforeEach(async () => {
    t = await createTestCore();
    const admin = await t.actor('admin', 'U_FIXTURE_ADMIN');
    const requirement = expectOk(await t.core.addRequirement(admin, { statement: 'Deliveries within 5 days', owner: '<@U_OWNER>' }));
    const check = expectOk(
      await t.core.startCheck(admin, {
        text: 'Decision: ship from Oslo',
        origin: 'command',
        place: { platform: 'slack', channelId: 'C1' },
      }),
    );
    const other = expectOk(
      await t.core.startCheck(admin, { text: 'Decision: raise prices', origin: 'command', place: { platform: 'slack', channelId: 'C1' } }),
    );
    const answered = expectOk(
      await t.core.answerCheck(admin, other.id, {
        impact: 'negative',
        explanation: 'Costs more',
        followUp: { kind: 'action', description: 'Tell key accounts', owner: '<@U_OWNER>', dueOn: '2026-12-01' },
      }),
    );
    fixture = { requirementId: requirement.id, checkId: check.id, actionId: answered.action?.id ?? '' };
  });
  afterEach(() => t.close());

  for (const [useCase, allowed, attempt] of MATRIX) {
    for (const role of ROLES) {
      const expected = allowed.includes(role) ? 'allowed' : 'refused';
      it(`${role}: ${useCase} is ${expected}`, async () => {
        const actor = await t.actor(role);
        const seqBefore = await t.deps.evidence.lastSeq(t.workspaceId);
        const result = await attempt(t, actor, fixture);
        if (expected === 'allowed') {
          expect(result.ok ? 'ok' : result.error.code).not.toBe('permission.denied');
          expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error.code).toBe('permission.denied');
            expect(result.error.message).toMatch(/only .* can/i);
          }
          expect(await t.deps.evidence.lastSeq(t.workspaceId)).toBe(seqBefore);
        }
      });
    }
  }

  it('people listed in ADMIN_USERS are admins without an assignment', async () => {
    const result = await t.core.changeSettings({ id: 'U_CONFIG_ADMIN', workspaceId: t.workspaceId }, { timezone: 'UTC' });
    expect(result.ok).toBe(true);
  });

  it('platform admins (Slack workspace admins and owners) are admins until given another role', async () => {
    const platformAdmin = { id: 'U_OWNER_OF_SLACK', workspaceId: t.workspaceId, platformAdmin: true };
    expect((await t.core.changeSettings(platformAdmin, { timezone: 'UTC' })).ok).toBe(true);
    const admin = await t.actor('admin');
    expectOk(await t.core.setRole(admin, '<@U_OWNER_OF_SLACK>', 'member'));
    const refused = await t.core.changeSettings(platformAdmin, { timezone: 'UTC' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('permission.denied');
  });

  it('people without a role are members', async () => {
    const stranger = { id: 'U_NEW_PERSON', workspaceId: t.workspaceId };
    expect((await t.core.addRequirement(stranger, { statement: 'Quotes within a day' })).ok).toBe(true);
    const refused = await t.core.changeSettings(stranger, { timezone: 'UTC' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('permission.denied');
  });
});
