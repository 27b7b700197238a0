import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentAnswers } from '../../src/core/domain/decision-check.js';
import type { Actor } from '../../src/core/domain/shared.js';
import { type TestCore, createTestCore, expectOk } from '../support/test-core.js';

const place = {
  platform: 'slack' as const,
  channelId: 'C1',
  threadId: '1700000000.000100',
  permalink: 'https://example.slack.com/archives/C1/p1700000000000100',
};

describe('decision checks', () => {
  let t: TestCore;
  let member: Actor;

  beforeEach(async () => {
    t = await createTestCore();
    member = await t.actor('member');
  });
  afterEach(() => t.close());

  it('keeps a snapshot of the decision and where it was said, and logs it', async () => {
    const check = expectOk(
      await t.core.startCheck(member, {
        text: 'Decision: support closes at 16:00 from January',
        place,
        origin: 'detected',
        decidedBy: { id: 'U_BOSS', name: 'Boss' },
      }),
    );
    expect(await t.deps.checks.get(t.workspaceId, check.id)).toMatchObject({
      text: 'Decision: support closes at 16:00 from January',
      status: 'awaiting',
      place,
      origin: 'detected',
    });
    const [entry] = await t.deps.evidence.listBySeq(t.workspaceId, 1, 1);
    expect(entry).toMatchObject({
      type: 'check.started',
      data: { origin: 'detected', channelId: 'C1', decidedById: 'U_BOSS' },
      personal: { text: check.text, permalink: place.permalink },
    });
  });

  it('records a negative answer with its follow-up action, which stays open until closed', async () => {
    const check = expectOk(await t.core.startCheck(member, { text: 'We drop the free tier', place, origin: 'command' }));
    const { answer, action } = expectOk(
      await t.core.answerCheck(member, check.id, {
        impact: 'negative',
        affectedCustomers: ['Small shops'],
        requirementIds: [],
        explanation: 'Small shops lose access',
        followUp: { kind: 'action', description: 'Offer a discount to small shops', owner: '<@U_SALES>', dueOn: '2026-12-15' },
      }),
    );
    expect(answer).toMatchObject({ impact: 'negative', actionId: action?.id });
    expect((await t.deps.checks.get(t.workspaceId, check.id))?.status).toBe('answered');
    expect((await t.deps.actions.listOpen(t.workspaceId)).map((a) => a.description)).toEqual(['Offer a discount to small shops']);
    expectOk(await t.core.closeAction(member, action?.id ?? '', 'Discount sent'));
    expect(await t.deps.actions.listOpen(t.workspaceId)).toEqual([]);
    const types = (await t.deps.evidence.listBySeq(t.workspaceId, 1, 20)).map((entry) => entry.type);
    expect(types).toEqual(['check.started', 'check.answered', 'action.created', 'action.closed']);
  });

  it('accepts a risk without action when a reason is given', async () => {
    const check = expectOk(await t.core.startCheck(member, { text: 'We move the launch a week', place, origin: 'command' }));
    const { action } = expectOk(
      await t.core.answerCheck(member, check.id, { impact: 'unknown', followUp: { kind: 'accepted', reason: 'Nobody has ordered yet' } }),
    );
    expect(action).toMatchObject({ status: 'accepted', acceptedReason: 'Nobody has ordered yet' });
    expect(await t.deps.actions.listOpen(t.workspaceId)).toEqual([]);
  });

  it("lets several people answer, and a correction supersedes the same person's earlier answer", async () => {
    const other = await t.actor('manager');
    const check = expectOk(await t.core.startCheck(member, { text: 'Vendor B from March', place, origin: 'command' }));
    await Promise.all([
      t.core.answerCheck(member, check.id, { impact: 'positive' }),
      t.core.answerCheck(other, check.id, { impact: 'none', explanation: 'Same product' }),
    ]);
    t.clock.advanceDays(1);
    expectOk(await t.core.answerCheck(member, check.id, { impact: 'none', explanation: 'On second thought, no change' }));
    const all = await t.deps.checks.listAnswers(t.workspaceId, check.id);
    expect(all).toHaveLength(3);
    expect(currentAnswers(all).map((answer) => [answer.by.id, answer.impact])).toEqual([
      [other.id, 'none'],
      [member.id, 'none'],
    ]);
  });

  it('"Not a decision" dismisses an unanswered check, which then takes no answers', async () => {
    const check = expectOk(await t.core.startCheck(member, { text: 'Decision meeting moved to 3pm', place, origin: 'detected' }));
    expectOk(await t.core.dismissCheck(member, check.id));
    const refused = await t.core.answerCheck(member, check.id, { impact: 'positive' });
    expect(refused.ok ? '' : refused.error.code).toBe('check.closed');
  });

  it('never dismisses a check that already has answers', async () => {
    const check = expectOk(await t.core.startCheck(member, { text: 'Prices up 5%', place, origin: 'detected' }));
    expectOk(await t.core.answerCheck(member, check.id, { impact: 'positive' }));
    const refused = await t.core.dismissCheck(member, check.id);
    expect(refused.ok ? '' : refused.error.message).toMatch(/already has answers/);
  });

  it('lists the checks started in a week without reading other weeks', async () => {
    expectOk(await t.core.startCheck(member, { text: 'Old decision', place, origin: 'command' }));
    t.clock.advanceDays(7);
    expectOk(await t.core.startCheck(member, { text: 'New decision', place, origin: 'command' }));
    const now = t.clock.now();
    const week = await t.deps.checks.listStarted(t.workspaceId, {
      from: new Date(now.getTime() - 86_400_000),
      to: new Date(now.getTime() + 1),
    });
    expect(week.map((check) => check.text)).toEqual(['New decision']);
  });
});
