/**
 * When the bot asks, and that it asks a thread at most once: across event types, retries,
 * instances, and a crash between claiming the thread and posting.
 */
import { planPrompt, promptFailed, promptPosted } from '../../src/core/use-cases/prompts.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROMPT_LEASE_MS, type SeenMessage } from '../../src/core/use-cases/prompts.js';
import { type TestCore, createTestCore, expectOk } from '../support/test-core.js';

const DECISION = 'Decision: from January support is open 9-17 CET, no more weekend hours.';

describe('decision prompts', () => {
  let t: TestCore;
  let seen: SeenMessage;

  beforeEach(async () => {
    t = await createTestCore();
    seen = {
      place: { platform: 'slack', channelId: 'C1', threadId: '1764000000.000100', messageId: '1764000000.000100' },
      text: DECISION,
      author: { id: 'U_AUTHOR' },
      postedAt: t.clock.now(),
      isThreadReply: false,
      origin: 'detected',
    };
  });
  afterEach(async () => {
    vi.useRealTimers();
    await t.close();
  });

  it('asks about a decision once, records the check before anything is posted', async () => {
    const plan = await planPrompt(t.deps, t.workspaceId, seen);
    expect(plan.kind).toBe('post');
    if (plan.kind !== 'post') return;
    expect((await t.deps.evidence.listBySeq(t.workspaceId, 1, 5)).map((entry) => entry.type)).toEqual(['check.started']);
    await promptPosted(t.deps, plan.check, plan.lease, { channelId: 'C1', messageId: '1764000001.000200' });
    expect(await planPrompt(t.deps, t.workspaceId, seen)).toEqual({ kind: 'skip', reason: 'already-asked' });
    expect(await planPrompt(t.deps, t.workspaceId, { ...seen, origin: 'mention', requestedBy: { id: 'U2' } })).toEqual({
      kind: 'skip',
      reason: 'already-asked',
    });
    expect((await t.deps.checks.get(t.workspaceId, plan.check.id))?.prompt).toEqual({ channelId: 'C1', messageId: '1764000001.000200' });
  });

  it('lets only one of several concurrent deliveries post', async () => {
    const plans = await Promise.all([1, 2, 3].map(() => planPrompt(t.deps, t.workspaceId, seen)));
    expect(plans.filter((plan) => plan.kind === 'post')).toHaveLength(1);
    expect(plans.filter((plan) => plan.kind === 'skip' && plan.reason === 'being-asked')).toHaveLength(2);
  });

  it('lets a retry post after a crash between claim and post, reusing the same check', async () => {
    const first = await planPrompt(t.deps, t.workspaceId, seen);
    expect(first.kind).toBe('post');
    // The instance dies here: no promptPosted, no promptFailed. The lease runs out by the store's
    // clock, so only Date is faked (timers stay real for the store's own I/O).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + PROMPT_LEASE_MS + 1000);
    t.clock.set(new Date().toISOString());
    const retry = await planPrompt(t.deps, t.workspaceId, { ...seen, postedAt: t.clock.now() });
    expect(retry.kind).toBe('post');
    if (first.kind === 'post' && retry.kind === 'post') expect(retry.check.id).toBe(first.check.id);
    expect((await t.deps.evidence.listBySeq(t.workspaceId, 1, 10)).filter((entry) => entry.type === 'check.started')).toHaveLength(1);
  });

  it("lets go of the thread at once when posting failed, so Slack's retry can post", async () => {
    const plan = await planPrompt(t.deps, t.workspaceId, seen);
    if (plan.kind !== 'post') throw new Error('expected a prompt');
    await promptFailed(t.deps, plan.check, plan.lease);
    expect((await planPrompt(t.deps, t.workspaceId, seen)).kind).toBe('post');
  });

  it('does not detect on messages older than an hour, but explicit requests still work', async () => {
    const old = { ...seen, postedAt: new Date(t.clock.now().getTime() - 61 * 60 * 1000) };
    expect(await planPrompt(t.deps, t.workspaceId, old)).toEqual({ kind: 'skip', reason: 'too-old' });
    expect((await planPrompt(t.deps, t.workspaceId, { ...old, origin: 'shortcut', requestedBy: { id: 'U9' } })).kind).toBe('post');
  });

  it('does not ask about ordinary chat', async () => {
    expect(await planPrompt(t.deps, t.workspaceId, { ...seen, text: 'anyone up for lunch at 12?' })).toEqual({
      kind: 'skip',
      reason: 'not-a-decision',
    });
  });

  it("follows the channel's detection mode; explicit requests always work", async () => {
    const admin = await t.actor('admin');
    expectOk(await t.core.runCommand(admin, 'detection mention-only', { place: { platform: 'slack', channelId: 'C1' } }));
    expect(await planPrompt(t.deps, t.workspaceId, seen)).toEqual({ kind: 'skip', reason: 'mention-only' });
    expectOk(await t.core.runCommand(admin, 'detection off', { place: { platform: 'slack', channelId: 'C1' } }));
    expect(await planPrompt(t.deps, t.workspaceId, seen)).toEqual({ kind: 'skip', reason: 'detection-off' });
    expect((await planPrompt(t.deps, t.workspaceId, { ...seen, origin: 'mention', requestedBy: { id: 'U2' } })).kind).toBe('post');
    expect((await planPrompt(t.deps, t.workspaceId, { ...seen, place: { ...seen.place, channelId: 'C2' } })).kind).toBe('post');
  });
});
