/**
 * Owner reminders: one direct message on a requirement's review date and on a follow-up action's
 * due date, with buttons to act; at most one per item and week, however often the scheduler runs
 * and however many instances run it; a reminder missed while the bot was down goes out once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/domain/shared.js';
import { removeNamespace, uniqueNamespace } from '../support/real-stores.js';
import { storeTargets } from '../support/store-targets.js';
import { expectOk } from '../support/test-core.js';
import { type Instance, osloInstances } from './support/oslo-instances.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-reminders-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const { open: instance, opened } = osloInstances();

const remind = (i: Instance) => i.t.core.sendDueReminders(i.t.workspaceId, { owner: `owner-${opened.indexOf(i)}` });

/**
 * Tuesday 24 November 2026: REQ-1 (Kim's) is due for review on Wednesday 25th, REQ-2 (owned by a
 * name without a platform account) too, and Kim's follow-up action is due on Thursday 26th.
 */
async function seed(i: Instance): Promise<Actor> {
  const member = await i.t.actor('member', 'U0KIM');
  expectOk(
    await i.t.core.addRequirement(member, {
      statement: 'Deliveries within 5 days',
      customer: 'Acme AS',
      owner: '<@U0KIM|Kim>',
      review: '1d',
    }),
  );
  const pdf = expectOk(await i.t.core.addRequirement(member, { statement: 'Invoices as PDF', customer: 'Acme AS', review: '1d' }));
  // An owner by name only, as registers imported before owners were checked still hold: no one to remind.
  await i.t.deps.requirements.update(i.t.workspaceId, pdf.id, (current) => ({ ...current, owner: { name: 'Dana from the spreadsheet' } }));
  const check = expectOk(
    await i.t.core.startCheck(member, {
      text: 'We stop shipping to Iceland',
      place: { platform: 'slack', channelId: 'C1', permalink: 'https://example.slack.com/archives/C1/p1' },
      origin: 'command',
    }),
  );
  expectOk(
    await i.t.core.answerCheck(member, check.id, {
      impact: 'unknown',
      followUp: { kind: 'action', description: 'Ask the carrier about Iceland', owner: '<@U0KIM|Kim>', dueOn: '2026-11-26' },
    }),
  );
  return member;
}

describe('owner reminders', () => {
  it('one message on the due date from 09:00 local, with buttons; none before, none again', async () => {
    const i = await instance();
    await seed(i);
    i.t.clock.set('2026-11-25T07:30:00.000Z'); // 08:30 in Oslo
    expect(await remind(i)).toEqual([]);
    i.t.clock.set('2026-11-25T08:05:00.000Z'); // 09:05
    await remind(i);
    i.t.clock.set('2026-11-25T15:00:00.000Z');
    await remind(i);
    expect(i.slack.sent.map((item) => item.to)).toEqual(['person:U0KIM']);
    const message = i.slack.sent[0]?.message;
    expect(message?.fallback).toContain('Reminder: REQ-1 is due for review today.');
    expect(JSON.stringify(message)).toContain('"kind":"requirement.keep","requirementId":"REQ-1"');
    expect(JSON.stringify(message)).toContain('"kind":"requirement.review","requirementId":"REQ-1"');
    expect(JSON.stringify(message)).toContain('"kind":"requirement.retire","requirementId":"REQ-1"');

    i.t.clock.set('2026-11-26T09:00:00.000Z'); // Thursday 10:00: the action
    await remind(i);
    await remind(i);
    i.t.clock.set('2026-11-27T09:00:00.000Z');
    await remind(i);
    expect(i.slack.sent.map((item) => item.to)).toEqual(['person:U0KIM', 'person:U0KIM']);
    const action = i.slack.sent[1]?.message;
    expect(action?.fallback).toContain('Reminder: your follow-up action is due today: Ask the carrier about Iceland');
    expect(JSON.stringify(action)).toContain('"kind":"action.close"');
    expect(JSON.stringify(action)).toContain('We stop shipping to Iceland');
  });

  it('a reminder missed while the bot was down goes out once later that week; after a week, the digest has it', async () => {
    const i = await instance();
    await seed(i);
    i.t.clock.set('2026-11-28T10:00:00.000Z'); // Saturday: both items are overdue, neither reminded yet
    await remind(i);
    await remind(i);
    expect(i.slack.sent.map((item) => item.message.fallback)).toEqual([
      'Reminder: REQ-1 is due for review since 2026-11-25. Deliveries within 5 days',
      'Reminder: your follow-up action is due since 2026-11-26: Ask the carrier about Iceland',
    ]);
    const late = await instance();
    await seed(late);
    // Wednesday 2 December: a week after the review date (too late), the seventh day of the action's (still in time).
    late.t.clock.set('2026-12-02T10:00:00.000Z');
    await remind(late);
    expect(late.slack.sent.map((item) => item.message.fallback)).toEqual([
      'Reminder: your follow-up action is due since 2026-11-26: Ask the carrier about Iceland',
    ]);
  });

  it('a send that may succeed later is tried again on the next run; one that will not, is not', async () => {
    const i = await instance();
    await seed(i);
    i.t.clock.set('2026-11-25T08:05:00.000Z');
    i.slack.failNext('person:U0KIM', { ok: false, retryable: true, reason: 'rate limited by Slack (retry after 1 s)' });
    const first = await remind(i);
    expect(first.map((report) => report.delivery.outcome)).toEqual(['failed']);
    await remind(i);
    expect(i.slack.sent).toHaveLength(1);
    i.t.clock.set('2026-11-26T09:00:00.000Z');
    i.slack.failNext('person:U0KIM', { ok: false, retryable: false, reason: 'Slack answered user_not_found' });
    await remind(i);
    await remind(i);
    expect(i.slack.attempts).toEqual(['person:U0KIM', 'person:U0KIM', 'person:U0KIM']);
  });
});

describe.each(storeTargets(directory).filter((target) => target.kind !== 'memory'))(
  'one reminder per item and week on $label',
  (target) => {
    it.skipIf(target.skipReason !== undefined)('three instances reminding at once send one message per item', async () => {
      const namespace = uniqueNamespace();
      try {
        const instances = [
          await instance(target.url, namespace),
          await instance(target.url, namespace),
          await instance(target.url, namespace),
        ];
        const [first] = instances;
        if (!first) throw new Error('no instance');
        await seed(first);
        for (const i of instances) i.t.clock.set('2026-11-28T10:00:00.000Z');
        await Promise.all(instances.flatMap((i) => [remind(i), remind(i)]));
        const sent = instances.flatMap((i) => i.slack.sent.map((item) => item.message.fallback)).sort();
        expect(sent).toEqual([
          'Reminder: REQ-1 is due for review since 2026-11-25. Deliveries within 5 days',
          'Reminder: your follow-up action is due since 2026-11-26: Ask the carrier about Iceland',
        ]);
      } finally {
        await removeNamespace(target.url, namespace);
      }
    });
  },
);
