/**
 * A kind of customer knowledge that goes stale gets its owner one reminder, on the reminders'
 * no-nagging rules: from 09:00 local on the day it goes stale, once, and only within a week.
 */
import { describe, expect, it } from 'vitest';
import { expectOk } from '../support/test-core.js';
import { type Instance, osloInstances } from './support/oslo-instances.js';

const { open: instance, opened } = osloInstances();
const remind = (i: Instance) => i.t.core.sendDueReminders(i.t.workspaceId, { owner: `owner-${opened.indexOf(i)}` });

describe('stale customer knowledge', () => {
  it('reminds the owner once when the kind goes stale, after the period an admin set for it', async () => {
    const i = await instance();
    const kim = await i.t.actor('member', 'U0KIM');
    const admin = await i.t.actor('admin', 'U0ADMIN');
    // Today is 2026-11-24; a study of 2026-05-25 goes stale on 2026-11-25 with a six-month period.
    expectOk(
      await i.t.core.runCommand(kim, 'knowledge add "Spring market study" kind:market-research date:2026-05-25 link:https://example.com/m'),
    );
    expectOk(await i.t.core.runCommand(admin, 'knowledge review-every market-research 6m'));
    expect((await i.t.deps.workspaces.get(i.t.workspaceId))?.settings.knowledgeReviewMonths).toEqual({ 'market-research': 6 });
    expect(await remind(i)).toEqual([]);

    i.t.clock.set('2026-11-25T08:05:00.000Z'); // 09:05 in Oslo, the day it goes stale
    await remind(i);
    await remind(i);
    i.t.clock.set('2026-11-28T10:00:00.000Z');
    await remind(i);
    expect(i.slack.sent.map((item) => item.to)).toEqual(['person:U0KIM']);
    expect(i.slack.sent[0]?.message.fallback).toBe(
      'Reminder: the latest market research (K-1, Spring market study, 2026-05-25) is older than its review period of 6 months today.',
    );
  });

  it('refuses a review period it cannot read, and members may not set one', async () => {
    const i = await instance();
    const admin = await i.t.actor('admin', 'U0ADMIN');
    const bad = await i.t.core.runCommand(admin, 'knowledge review-every market-research soon');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('is not a review period I understand');
    const member = await i.t.core.runCommand(await i.t.actor('member'), 'knowledge review-every market-research 6m');
    expect(member.ok).toBe(false);
    expect((await i.t.deps.workspaces.get(i.t.workspaceId))?.settings.knowledgeReviewMonths).toBeUndefined();
  });
});
