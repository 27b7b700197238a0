/**
 * Bad input gets a clear message naming the problem (and the allowed values), and leaves nothing
 * behind: no record, no evidence entry, no requirement number used up.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/domain/shared.js';
import { type TestCore, createTestCore, expectOk } from '../support/test-core.js';

/** Test names stay readable: long inputs are shortened and invisible characters shown. */
const label = (command: string): string =>
  (command.length > 80 ? `${command.slice(0, 40)}… (${command.length} characters)` : command).replace(
    /[\u0000-\u001f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

describe('bad input', () => {
  let t: TestCore;
  let admin: Actor;

  beforeEach(async () => {
    t = await createTestCore();
    admin = await t.actor('admin');
  });
  afterEach(() => t.close());

  async function expectRefused(command: string, pattern: RegExp): Promise<void> {
    const evidenceBefore = await t.deps.evidence.lastSeq(t.workspaceId);
    const requirementsBefore = await t.backend.counters.current(`ws:${t.workspaceId}:req`);
    const result = await t.core.runCommand(admin, command);
    expect(result.ok, `"${command}" should be refused`).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(pattern);
      expect(result.error.message).not.toMatch(/at .*\.ts:\d+/); // no stack traces
    }
    expect(await t.deps.evidence.lastSeq(t.workspaceId)).toBe(evidenceBefore);
    expect(await t.backend.counters.current(`ws:${t.workspaceId}:req`)).toBe(requirementsBefore);
  }

  const cases: [command: string, pattern: RegExp][] = [
    ['requirement add "   "', /needs a statement/],
    ['requirement add statement:"  "', /"statement:" needs a value/],
    [`requirement add ${'x'.repeat(3001)}`, /3001 characters long; the limit is 3000/],
    ['requirement add Bell\u0007 character', /invisible control characters/],
    ['requirement add Null\u0000 byte', /invisible control characters/],
    ['requirement add x type:wished', /"wished" is not a valid type\. Use one of: stated, implied, obligatory/],
    [
      'requirement add x category:food',
      /"food" is not a valid category\. Use one of: product, price, delivery, communication, service, support, other/,
    ],
    ['requirement add x horizon:someday', /Use one of: current, future/],
    ['requirement add x review:soon', /review interval .* e\.g\. review:30d/],
    ['requirement add x review:0d', /between 1 day and 10 years/],
    ['requirement add x link:javascript:alert(1)', /not a web link/],
    ['requirement add x customer:"bad\u001bname"', /customer contains invisible control characters/],
    [`requirement add x customer:"${'c'.repeat(201)}"`, /customer is 201 characters long; the limit is 200/],
    ['requirement add x catgory:price', /Did you mean "category:"/],
    ['requirement list status:closed', /"closed" is not a valid status\. Use one of: open, met, at_risk, not_met, retired/],
    ['requirement show REQ-99', /There is no REQ-99 in this workspace/],
    ['requirement show banana', /"banana" is not a requirement id\. Ids look like REQ-12/],
    ['requirement review REQ-1 maybe', /"maybe" is not a valid review outcome\. Use one of: still_valid, met, at_risk, not_met, retire/],
    ['role <@U5> superuser', /"superuser" is not a valid role\. Use one of: member, manager, admin, auditor/],
    ['role dana manager', /"dana" is not a person I can find in this workspace.*Mention them with @/],
    ['settings timezone:Mars/Olympus', /not a time zone I know/],
    ['settings digest:"someday 25:00"', /not a digest time I understand/],
    ['feedback Slow answers', /Say which customer said it/],
    ['feedback Slow answers customer:Acme sentiment:angry', /Use one of: positive, neutral, negative/],
    ['feedback Slow answers customer:Acme sentiment:negative req:REQ-42', /There is no REQ-42/],
  ];
  it.each(cases.map(([command, pattern]) => [label(command), command, pattern] as const))('%s', async (_label, command, pattern) => {
    expectOk(await t.core.addRequirement(admin, { statement: 'An existing requirement' }));
    await expectRefused(command, pattern);
  });

  it('refuses an answer that needs an explanation or a follow-up, naming the field', async () => {
    const check = expectOk(
      await t.core.startCheck(admin, { text: 'We stop phone support', origin: 'command', place: { platform: 'slack', channelId: 'C1' } }),
    );
    const noExplanation = await t.core.answerCheck(admin, check.id, { impact: 'negative' });
    expect(noExplanation.ok ? undefined : noExplanation.error.field).toBe('explanation');
    const noFollowUp = await t.core.answerCheck(admin, check.id, { impact: 'negative', explanation: 'Some customers only call' });
    expect(noFollowUp.ok ? undefined : noFollowUp.error.field).toBe('action');
    const noOwner = await t.core.answerCheck(admin, check.id, {
      impact: 'unknown',
      followUp: { kind: 'action', description: 'Ask them', dueOn: '2026-12-01' },
    });
    expect(noOwner.ok ? '' : noOwner.error.message).toMatch(/needs an owner, so it does not get lost/);
    const badDate = await t.core.answerCheck(admin, check.id, {
      impact: 'unknown',
      followUp: { kind: 'action', description: 'Ask', owner: '<@U1>', dueOn: '2026-02-30' },
    });
    expect(badDate.ok ? '' : badDate.error.message).toMatch(/"2026-02-30" is not a valid due date\. Write the date as YYYY-MM-DD/);
    expect(await t.deps.checks.listAnswers(t.workspaceId, check.id)).toEqual([]);
    expect(await t.deps.actions.listOpen(t.workspaceId)).toEqual([]);
  });

  it('refuses unknown check and action ids politely', async () => {
    const check = await t.core.answerCheck(admin, 'no-such-check', { impact: 'positive' });
    expect(check.ok ? '' : check.error.message).toMatch(/could not find that decision check/);
    const action = await t.core.closeAction(admin, 'no-such-action');
    expect(action.ok ? '' : action.error.message).toMatch(/could not find that follow-up action/);
  });
});
