/** The noise budget: caps, quiet hours, snoozes, and the figures that show how prompts land. */
import { planPrompt, promptPosted } from '../../src/core/use-cases/prompts.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/domain/shared.js';
import { messageToPlain } from '../../src/core/messages.js';
import { inQuietHours, type SeenMessage } from '../../src/core/use-cases/prompts.js';
import { type TestCore, createTestCore, expectOk } from '../support/test-core.js';

const place = { platform: 'slack' as const, channelId: 'C1' };

describe('detection controls', () => {
  let t: TestCore;
  let admin: Actor;
  let n = 0;
  const decision = (channelId = 'C1'): SeenMessage => {
    n += 1;
    const ts = `1764000000.${String(n).padStart(6, '0')}`;
    return {
      place: { platform: 'slack', channelId, threadId: ts, messageId: ts },
      text: `Decision: we raise the price of plan ${n} by 5% from March.`,
      author: { id: 'U1' },
      postedAt: t.clock.now(),
      isThreadReply: false,
      origin: 'detected',
    };
  };
  const ask = async (seen: SeenMessage) => {
    const plan = await planPrompt(t.deps, t.workspaceId, seen);
    if (plan.kind === 'post') await promptPosted(t.deps, plan.check, plan.lease, { channelId: seen.place.channelId, messageId: `p${n}` });
    return plan.kind === 'post' ? 'asked' : plan.reason;
  };

  beforeEach(async () => {
    t = await createTestCore();
    admin = await t.actor('admin');
  });
  afterEach(() => t.close());

  it('asks at most five times per channel and day unless an admin changes the cap', async () => {
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await ask(decision()));
    expect(results).toEqual(['asked', 'asked', 'asked', 'asked', 'asked', 'daily-cap', 'daily-cap']);
    expect(await ask(decision('C2'))).toBe('asked');
    expect((await planPrompt(t.deps, t.workspaceId, { ...decision(), origin: 'mention', requestedBy: { id: 'U2' } })).kind).toBe('post');
    t.clock.advanceDays(1);
    expect(await ask(decision())).toBe('asked');
    expectOk(await t.core.runCommand(admin, 'settings cap:1'));
    expect(await ask(decision('C3'))).toBe('asked');
    expect(await ask(decision('C3'))).toBe('daily-cap');
  });

  it('stays quiet in quiet hours, in the workspace time zone', async () => {
    expectOk(await t.core.runCommand(admin, 'settings timezone:Europe/Oslo quiet:"18:00-08:00"'));
    t.clock.set('2026-11-24T18:30:00Z'); // 19:30 in Oslo
    expect(await ask(decision())).toBe('quiet-hours');
    t.clock.set('2026-11-25T08:30:00Z'); // 09:30 in Oslo
    expect(await ask(decision())).toBe('asked');
    expectOk(await t.core.runCommand(admin, 'settings quiet:off'));
    t.clock.set('2026-11-25T22:00:00Z');
    expect(await ask(decision())).toBe('asked');
    expect(inQuietHours(new Date('2026-11-24T02:00:00Z'), 'Asia/Kolkata', '07:00-08:00')).toBe(true); // 07:30 IST
  });

  it('snoozes a channel for a week', async () => {
    const outcome = expectOk(await t.core.runCommand(admin, 'detection snooze', { place }));
    expect(outcome.kind === 'message' ? messageToPlain(outcome.message) : '').toContain('snoozed until 2026-12-01 10:00 UTC');
    expect(await ask(decision())).toBe('snoozed');
    expect(await ask(decision('C2'))).toBe('asked');
    t.clock.advanceDays(8);
    expect(await ask(decision())).toBe('asked');
  });

  it('shows the settings in words, with the default digest schedule', async () => {
    expectOk(await t.core.runCommand(admin, 'settings cap:3 quiet:"19:00-07:30"'));
    const outcome = expectOk(await t.core.runCommand(admin, 'settings'));
    const text = outcome.kind === 'message' ? messageToPlain(outcome.message) : '';
    expect(text).toContain('Time zone: Europe/Oslo');
    expect(text).toContain('Weekly digest: Mondays at 09:00 (the default)');
    expect(text).toContain('Unasked prompts per channel and day: 3');
    expect(text).toContain('Quiet hours: 19:00-07:30');
    expectOk(await t.core.runCommand(admin, 'settings digest:"thu 16:30"'));
    const changed = expectOk(await t.core.runCommand(admin, 'settings'));
    expect(changed.kind === 'message' ? messageToPlain(changed.message) : '').toContain('Weekly digest: Thursday 16:30');
  });

  it('refuses bad settings with the expected form', async () => {
    const cap = await t.core.runCommand(admin, 'settings cap:500');
    expect(cap.ok ? '' : cap.error.message).toContain('whole number from 1 to 50');
    const quiet = await t.core.runCommand(admin, 'settings quiet:evenings');
    expect(quiet.ok ? '' : quiet.error.message).toContain('quiet:"18:00-08:00"');
    const member = await t.actor('member');
    const snooze = await t.core.runCommand(member, 'detection snooze', { place });
    expect(snooze.ok ? '' : snooze.error.code).toBe('permission.denied');
  });

  it('shows per channel how unasked prompts landed over 30 days', async () => {
    for (let i = 0; i < 4; i++) await ask(decision());
    await ask(decision('C2'));
    const checks = await t.deps.checks.listStarted(t.workspaceId, { from: new Date(0), to: new Date('2100-01-01') });
    const inC1 = checks.filter((check) => check.place.channelId === 'C1');
    expectOk(await t.core.answerCheck(admin, inC1[0]?.id ?? '', { impact: 'positive' }));
    expectOk(await t.core.dismissCheck(admin, inC1[1]?.id ?? ''));
    t.clock.advanceDays(2);
    const outcome = expectOk(await t.core.runCommand(admin, 'status'));
    const text = outcome.kind === 'message' ? messageToPlain(outcome.message) : '';
    expect(text).toContain('#C1: 4 sent, 1 answered, 1 not a decision, 2 ignored');
    expect(text).toContain('#C2: 1 sent, 0 answered, 0 not a decision, 1 ignored');
  });
});
