import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/domain/shared.js';
import { messageToPlain } from '../../src/core/messages.js';
import { type TestCore, createTestCore, expectOk } from '../support/test-core.js';

describe('requirements register', () => {
  let t: TestCore;
  let member: Actor;
  let manager: Actor;

  beforeEach(async () => {
    t = await createTestCore();
    member = await t.actor('member');
    manager = await t.actor('manager');
  });
  afterEach(() => t.close());

  it('records a requirement from a command and confirms it with every field', async () => {
    const outcome = expectOk(
      await t.core.runCommand(
        member,
        'requirement add Deliveries to Norway within 5 days customer:"Acme AS" type:stated category:delivery owner:<@U7|Dana> review:30d',
      ),
    );
    expect(outcome.kind).toBe('message');
    const text = outcome.kind === 'message' ? messageToPlain(outcome.message) : '';
    expect(text).toContain('Recorded REQ-1: Deliveries to Norway within 5 days');
    expect(text).toContain('Customer: Acme AS');
    expect(text).toContain('Owner: Dana');
    // 2026-11-24 in Europe/Oslo + 30 days
    expect(text).toContain('Next review: 2026-12-24 (every 30 days)');
    const stored = await t.deps.requirements.get(t.workspaceId, 'REQ-1');
    expect(stored).toMatchObject({
      type: 'stated',
      category: 'delivery',
      status: 'open',
      owner: { id: 'U7', name: 'Dana' },
      createdBy: { id: member.id },
    });
  });

  it('numbers requirements REQ-1, REQ-2, … per workspace', async () => {
    const a = expectOk(await t.core.addRequirement(member, { statement: 'A' }));
    const b = expectOk(await t.core.addRequirement(member, { statement: 'B' }));
    const other = await createTestCore({ workspaceId: 'teams:tenant-2' });
    try {
      const c = expectOk(await other.core.addRequirement(await other.actor('member'), { statement: 'C' }));
      expect([a.id, b.id, c.id]).toEqual(['REQ-1', 'REQ-2', 'REQ-1']);
    } finally {
      await other.close();
    }
  });

  it('uses sensible defaults and says so', async () => {
    const requirement = expectOk(await t.core.addRequirement(member, { statement: 'Answer support mails within a day' }));
    expect(requirement).toMatchObject({
      customer: 'All customers',
      type: 'stated',
      category: 'other',
      horizon: 'current',
      reviewIntervalDays: 90,
      status: 'open',
    });
  });

  it('keeps a reference only for obligatory requirements', async () => {
    const ok = expectOk(
      await t.core.addRequirement(member, { statement: 'Accessible web shop', type: 'obligatory', reference: 'EU 2019/882' }),
    );
    expect(ok.reference).toBe('EU 2019/882');
    const refused = await t.core.addRequirement(member, { statement: 'x', reference: 'ISO 1234' });
    expect(refused.ok ? '' : refused.error.message).toMatch(/reference .* obligatory/);
  });

  it('edits, keeps who changed what, and logs the change as evidence', async () => {
    expectOk(await t.core.addRequirement(member, { statement: 'Invoices in EUR' }));
    t.clock.advanceDays(1);
    const edited = expectOk(await t.core.editRequirement(manager, 'req-1', { category: 'price', statement: 'Invoices in EUR or NOK' }));
    expect(edited).toMatchObject({
      category: 'price',
      statement: 'Invoices in EUR or NOK',
      version: 2,
      updatedBy: { id: manager.id },
      createdBy: { id: member.id },
    });
    const evidence = await t.deps.evidence.listBySeq(t.workspaceId, 1, 10);
    expect(evidence.map((entry) => entry.type)).toEqual(['requirement.created', 'requirement.changed']);
    expect(evidence[1]).toMatchObject({
      actorId: manager.id,
      subject: { kind: 'requirement', id: 'REQ-1' },
      data: { changedFields: ['category', 'statement'] },
    });
  });

  it('lets a member set a missing owner but only managers change an existing one', async () => {
    expectOk(await t.core.addRequirement(member, { statement: 'A' }));
    expectOk(await t.core.editRequirement(member, 'REQ-1', { owner: '<@U1>' }));
    const refused = await t.core.editRequirement(member, 'REQ-1', { owner: '<@U2>' });
    expect(refused.ok ? '' : refused.error.code).toBe('permission.denied');
    expectOk(await t.core.editRequirement(manager, 'REQ-1', { owner: '<@U2>' }));
  });

  it('records reviews with history, moves the next review date and the status', async () => {
    expectOk(await t.core.addRequirement(member, { statement: 'A', review: '10d' }));
    t.clock.advanceDays(12);
    const outcome = expectOk(await t.core.runCommand(member, 'requirement review REQ-1 at_risk supplier is late'));
    expect(outcome.kind === 'message' ? messageToPlain(outcome.message) : '').toContain(
      'Your review of REQ-1 is recorded: it is at risk. Next review on 2026-12-16.',
    );
    const shown = expectOk(await t.core.showRequirement(member, 'REQ-1'));
    expect(shown.reviews).toMatchObject([{ outcome: 'at_risk', note: 'supplier is late', by: { id: member.id } }]);
    expect(shown.requirement.status).toBe('at_risk');
  });

  it('lists requirements due for review from the review index', async () => {
    expectOk(await t.core.addRequirement(member, { statement: 'Soon', review: '1d' }));
    expectOk(await t.core.addRequirement(member, { statement: 'Later', review: '1y' }));
    t.clock.advanceDays(2);
    const due = expectOk(await t.core.listRequirements(member, { due: 'yes' }));
    expect(due.map((requirement) => requirement.statement)).toEqual(['Soon']);
  });

  it('retires instead of deleting; retired requirements leave the default list and cannot change', async () => {
    expectOk(await t.core.addRequirement(member, { statement: 'Fax support' }));
    expectOk(await t.core.runCommand(manager, 'requirement retire REQ-1 nobody faxes'));
    expect(expectOk(await t.core.listRequirements(member))).toEqual([]);
    expect(expectOk(await t.core.listRequirements(member, { status: 'retired' })).map((r) => r.id)).toEqual(['REQ-1']);
    const refused = await t.core.editRequirement(manager, 'REQ-1', { category: 'service' });
    expect(refused.ok ? '' : refused.error.code).toBe('requirement.retired');
  });

  it('reassigns every active requirement of one owner to another', async () => {
    expectOk(await t.core.addRequirement(member, { statement: 'A', owner: '<@U_LEAVER>' }));
    expectOk(await t.core.addRequirement(member, { statement: 'B', owner: '<@U_STAYS>' }));
    expectOk(await t.core.addRequirement(member, { statement: 'C', owner: '<@U_LEAVER>' }));
    const outcome = expectOk(await t.core.runCommand(manager, 'requirement reassign <@U_LEAVER> <@U_NEW|Kim>'));
    expect(outcome.kind === 'message' ? messageToPlain(outcome.message) : '').toContain('Moved 2 requirements to Kim: REQ-1, REQ-3.');
    const owners = expectOk(await t.core.listRequirements(member)).map((r) => r.owner?.id);
    expect(owners).toEqual(['U_NEW', 'U_STAYS', 'U_NEW']);
  });

  it('filters lists by status, type, category, owner and customer', async () => {
    expectOk(
      await t.core.addRequirement(member, { statement: 'A', customer: 'Acme AS', type: 'implied', category: 'service', owner: '<@U1>' }),
    );
    expectOk(await t.core.addRequirement(member, { statement: 'B', customer: 'Globex', type: 'stated', category: 'price' }));
    const ids = async (filter: Record<string, string>) => expectOk(await t.core.listRequirements(member, filter)).map((r) => r.id);
    expect(await ids({ type: 'implied' })).toEqual(['REQ-1']);
    expect(await ids({ category: 'price' })).toEqual(['REQ-2']);
    expect(await ids({ owner: '<@U1>' })).toEqual(['REQ-1']);
    expect(await ids({ customer: 'acme' })).toEqual(['REQ-1']);
    expect(await ids({ status: 'open' })).toEqual(['REQ-1', 'REQ-2']);
  });

  it('pages long lists, twenty at a time, and says how to get the next page', async () => {
    for (let i = 1; i <= 45; i++) expectOk(await t.core.addRequirement(member, { statement: `Requirement number ${i}` }));
    const first = expectOk(await t.core.runCommand(member, 'requirement list'));
    const firstText = first.kind === 'message' ? messageToPlain(first.message) : '';
    expect(firstText).toContain('45 requirements (page 1 of 3)');
    expect(firstText).toContain('REQ-20 ');
    expect(firstText).not.toContain('REQ-21 ');
    expect(firstText).toContain('add page:2 to the same command');
    const last = expectOk(await t.core.runCommand(member, 'requirement list page:3'));
    const lastText = last.kind === 'message' ? messageToPlain(last.message) : '';
    expect(lastText).toContain('(page 3 of 3)');
    expect(lastText).toContain('REQ-45 ');
    expect(lastText).not.toContain('Next page');
  });

  it('never loses one of two concurrent edits to the same requirement', async () => {
    expectOk(await t.core.addRequirement(member, { statement: 'A' }));
    await Promise.all([
      t.core.editRequirement(member, 'REQ-1', { category: 'price' }),
      t.core.editRequirement(member, 'REQ-1', { customer: 'Acme' }),
      t.core.editRequirement(member, 'REQ-1', { horizon: 'future' }),
    ]);
    expect(await t.deps.requirements.get(t.workspaceId, 'REQ-1')).toMatchObject({
      category: 'price',
      customer: 'Acme',
      horizon: 'future',
      version: 4,
    });
  });
});
