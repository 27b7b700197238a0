/**
 * Customer knowledge and named responsibilities (ISO 9001 5.1.2) through the core: the command
 * grammar, the form, traceability both ways, roles, evidence, and bad input that writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandOutcome } from '../../src/core/commands/execute.js';
import type { Actor } from '../../src/core/domain/shared.js';
import type { Result } from '../../src/core/errors.js';
import { erasePerson } from '../../src/core/audit/redaction.js';
import { knowledgeForm } from '../../src/core/forms/catalogue.js';
import { buildDigest, recordIssue } from '../../src/core/digest/issue.js';
import { weekEndingAt } from '../../src/core/digest/period.js';
import { requireWorkspace } from '../../src/core/use-cases/workspaces.js';
import { decisionPrompt } from '../../src/core/views.js';
import { messageToPlain } from '../../src/core/messages.js';
import { type TestCore, createTestCore, expectOk } from '../support/test-core.js';

const text = (result: Result<CommandOutcome>): string => {
  const outcome = expectOk(result);
  return outcome.kind === 'message' ? messageToPlain(outcome.message) : `(${outcome.kind})`;
};

describe('customer knowledge', () => {
  let t: TestCore;
  let member: Actor;

  beforeEach(async () => {
    t = await createTestCore();
    member = await t.actor('member');
    expectOk(await t.core.addRequirement(member, { statement: 'Seats clean in five minutes' }));
    expectOk(await t.core.addRequirement(member, { statement: 'Fits small cars', horizon: 'future' }));
  });
  afterEach(() => t.close());

  /** What the store holds that a refused command must leave alone. */
  const snapshot = async () => ({
    knowledge: await t.deps.knowledge.list(t.workspaceId),
    evidence: await t.deps.evidence.lastSeq(t.workspaceId),
    requirements: await t.deps.requirements.list(t.workspaceId),
  });

  it('records a source from the command, with evidence, and shows it with what it informed', async () => {
    const shown = text(
      await t.core.runCommand(
        member,
        'knowledge add "Q3 end-user survey" kind:end-user-survey link:https://example.com/q3.pdf req:REQ-1,req2 horizon:future date:2026-10-01 for:"parents of toddlers" summary:"Cleaning matters most"',
      ),
    );
    expect(shown).toContain('Recorded K-1 (end-user survey): Q3 end-user survey');
    expect(shown).toContain('Informed REQ-1, REQ-2.');
    const record = await t.deps.knowledge.get(t.workspaceId, 'K-1');
    expect(record).toMatchObject({
      kind: 'end-user-survey',
      date: '2026-10-01',
      horizon: 'future',
      link: 'https://example.com/q3.pdf',
      customers: 'parents of toddlers',
      requirementIds: ['REQ-1', 'REQ-2'],
      owner: { id: member.id },
    });
    const [entry] = (await t.deps.evidence.listBySeq(t.workspaceId, 1, 100)).filter((e) => e.type === 'knowledge.recorded');
    expect(entry).toMatchObject({
      subject: { kind: 'knowledge', id: 'K-1' },
      data: { kind: 'end-user-survey', requirementIds: ['REQ-1', 'REQ-2'] },
    });

    const detail = text(await t.core.runCommand(member, 'customer-knowledge show k1'));
    expect(detail).toContain('Requirements it informed (2)');
    expect(detail).toContain('REQ-1 [open] Seats clean in five minutes');
    expect(detail).toContain('What it found: Cleaning matters most');
    expect(text(await t.core.runCommand(member, 'knowledge list end-user-survey'))).toContain(
      'K-1 2026-10-01 [end-user survey, future] Q3 end-user survey',
    );
    expect(text(await t.core.runCommand(member, 'knowledge list kind:trade-press'))).toContain('No customer knowledge of kind trade-press');
  });

  it('lets a requirement name its source (source:K-1) and shows the trace both ways', async () => {
    expectOk(await t.core.runCommand(member, 'knowledge add "Market study 2026" kind:market-research link:https://example.com/study'));
    expectOk(await t.core.runCommand(member, 'customer-feedback Seats are hard to clean customer:"Acme AS" sentiment:negative req:REQ-1'));
    expect(text(await t.core.runCommand(member, 'requirement edit REQ-1 source:K-1'))).toContain('Customer knowledge: K-1');
    const requirement = text(await t.core.runCommand(member, 'requirement show REQ-1'));
    expect(requirement).toContain('Sources (2)');
    expect(requirement).toContain('K-1 market research');
    expect(requirement).toContain('Customer other 2026-11-24 from Acme AS: Seats are hard to clean');
    expect(text(await t.core.runCommand(member, 'knowledge show K-1'))).toContain('REQ-1 [open] Seats clean in five minutes');
    // A new requirement can name it at once; a description stays a description.
    const added = text(await t.core.runCommand(member, 'requirement add Lighter seats source:K-1'));
    expect(added).toContain('Customer knowledge: K-1');
    expect(text(await t.core.runCommand(member, 'requirement add Cheaper seats source:"contract K-1 annex"'))).toContain(
      'Source: contract K-1 annex',
    );
  });

  it('follows a decision check (source:D-1) to the requirement it gave rise to, its review and the digest that reported it', async () => {
    const place = { platform: 'slack' as const, channelId: 'C1', threadId: '1.1', permalink: 'https://example.slack.com/p1' };
    const check = expectOk(await t.core.startCheck(member, { text: 'We offer seat cleaning kits', place, origin: 'command' }));
    expect(check.number).toBe(1);
    expect(messageToPlain(decisionPrompt(check, []))).toContain('Decision D-1: a requirement it gives rise to names it with source:D-1.');
    expect(text(await t.core.runCommand(member, 'requirement add Cleaning kit in the box source:d1'))).toContain('Decisions: D-1');
    expectOk(await t.core.runCommand(member, 'knowledge add "Kit study" kind:market-research link:https://example.com/kit'));
    expect(text(await t.core.runCommand(member, 'requirement edit REQ-3 source:K-1,D-1'))).toContain('Customer knowledge: K-1');
    const created = (await t.deps.evidence.listBySeq(t.workspaceId, 1, 100)).find(
      (e) => e.type === 'requirement.created' && e.subject.id === 'REQ-3',
    );
    expect(created?.data).toMatchObject({ checkRefs: ['D-1'] });

    expectOk(await t.core.runCommand(member, 'requirement review REQ-3 still_valid'));
    t.clock.advanceDays(1);
    const workspace = await requireWorkspace(t.deps, t.workspaceId);
    const built = await buildDigest(t.deps, workspace, t.clock.now(), '2026-W48');
    expect(messageToPlain(built.message)).toContain('REQ-3: still valid');
    const period = weekEndingAt(t.clock.now(), workspace.settings.timeZone);
    await recordIssue(t.deps, member, t.clock.now(), { digestId: '2026-W48', kind: 'manual', period, recipients: [], built });

    const shown = text(await t.core.runCommand(member, 'requirement show REQ-3'));
    expect(shown).toContain('Sources (2)');
    expect(shown).toContain('D-1 decision of 2026-11-24: We offer seat cleaning kits');
    expect(shown).toContain('still valid by member person — reported in the digest sent 2026-11-25');
    expect(text(await t.core.runCommand(member, 'knowledge show K-1'))).toContain('REQ-3 [open] Cleaning kit in the box');
  });

  it.each([
    ['an unknown kind', 'knowledge add "Survey" kind:gossip link:https://example.com', '"gossip" is not a valid kind'],
    ['a link that is not http(s)', 'knowledge add "Survey" kind:other link:javascript:alert(1)', 'is not a web link'],
    ['an unknown requirement', 'knowledge add "Survey" kind:other link:https://example.com req:REQ-99', 'There is no REQ-99'],
    [
      'a malformed requirement id',
      'knowledge add "Survey" kind:other link:https://example.com req:banana',
      '"banana" is not a requirement id',
    ],
    ['a future date', 'knowledge add "Survey" kind:end-user-survey link:https://example.com date:2027-01-10', 'is in the future'],
    ['no link and no file', 'knowledge add "Survey" kind:other', 'Say where the source can be read'],
    ['no kind', 'knowledge add "Survey" link:https://example.com', 'Say what kind of source it is'],
    ['an unknown source on a requirement', 'requirement add Lighter seats source:K-9', 'There is no customer-knowledge record K-9'],
    ['an unknown record', 'knowledge show K-9', 'There is no K-9'],
    ['an unknown decision check as a source', 'requirement add Lighter seats source:D-7', 'There is no decision check D-7'],
  ])('refuses %s with a clear message and writes nothing', async (_what, command, message) => {
    const before = await snapshot();
    const result = await t.core.runCommand(member, command);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an edit naming an unknown source and leaves the requirement as it was', async () => {
    const before = await snapshot();
    const result = await t.core.runCommand(member, 'requirement edit REQ-1 source:K-4');
    expect(result.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('opens the form without text, and the form shows refusals next to the field', async () => {
    expect(expectOk(await t.core.runCommand(member, 'knowledge add'))).toEqual({
      kind: 'form',
      request: { form: 'knowledge.record', prefill: {} },
    });
    const refused = await t.core.submitForm(
      member,
      { kind: 'knowledge.record', context: {} },
      { title: 'Trade press', kind: 'trade-press', link: 'ftp://x' },
    );
    expect(refused).toMatchObject({ kind: 'invalid', errors: [{ field: 'link' }] });
    const done = await t.core.submitForm(
      member,
      { kind: 'knowledge.record', context: {} },
      { title: 'Trade press', kind: 'trade-press', link: 'https://example.com/a', requirements: ['REQ-2'], owner: '<@U9|Kim>' },
    );
    expect(done.kind).toBe('done');
    expect(await t.deps.knowledge.get(t.workspaceId, 'K-1')).toMatchObject({ requirementIds: ['REQ-2'], owner: { id: 'U9', name: 'Kim' } });
  });

  it('prefills the form from a chat message: its link is the document, its first line the title', () => {
    const form = knowledgeForm({
      summary: 'New <https://example.com/brief.pdf|design brief> is out\nread it',
      link: 'https://slack.example/p1',
    });
    const initial = Object.fromEntries(form.fields.map((field) => [field.id, field.initial]));
    expect(initial).toMatchObject({
      title: 'design brief',
      link: 'https://example.com/brief.pdf',
      summary: 'New design brief (https://example.com/brief.pdf) is out\nread it',
    });
    const plain = knowledgeForm({ summary: 'Customers ask for night deliveries', link: 'https://slack.example/p2' });
    expect(Object.fromEntries(plain.fields.map((field) => [field.id, field.initial]))).toMatchObject({
      title: 'Customers ask for night deliveries',
      link: 'https://slack.example/p2',
    });
  });

  it('erasing a person removes their name from the records and responsibilities, and keeps the sources', async () => {
    const admin = await t.actor('admin');
    expectOk(await t.core.runCommand(member, 'knowledge add "Study" kind:market-research link:https://example.com owner:<@U9|Kim>'));
    expectOk(await t.core.runCommand(admin, 'responsible category:delivery <@U9|Kim>'));
    const report = await erasePerson(t.deps, admin, 'U9');
    expect(report.records).toMatchObject({ knowledge: 1, responsibility: 1 });
    expect(await t.deps.knowledge.get(t.workspaceId, 'K-1')).toMatchObject({ title: 'Study', owner: { id: 'U9' } });
    expect((await t.deps.knowledge.get(t.workspaceId, 'K-1'))?.owner?.name).toBeUndefined();
    expect((await t.deps.responsibilities.get(t.workspaceId, 'delivery'))?.person).toEqual({ id: 'U9' });
  });

  it('lets auditors read but not record', async () => {
    const auditor = await t.actor('auditor');
    expectOk(await t.core.runCommand(member, 'knowledge add "Study" kind:market-research link:https://example.com'));
    expect(text(await t.core.runCommand(auditor, 'knowledge show K-1'))).toContain('K-1: Study');
    const refused = await t.core.runCommand(auditor, 'knowledge add "Study 2" kind:market-research link:https://example.com');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('only members, managers and admins can record customer knowledge');
  });
});

describe('named responsibilities', () => {
  let t: TestCore;
  let admin: Actor;

  beforeEach(async () => {
    t = await createTestCore();
    admin = await t.actor('admin');
  });
  afterEach(() => t.close());

  it('an admin names who determines requirements per category, for obligatory ones and future needs; each change is evidence', async () => {
    expect(text(await t.core.runCommand(admin, 'customer-focus responsible category:delivery <@U7|Dana>'))).toContain(
      'Dana now determines customer requirements for delivery',
    );
    expect(text(await t.core.runCommand(admin, 'responsible obligatory <@U8|Omar>'))).toContain('for obligatory requirements');
    expect(text(await t.core.runCommand(admin, 'responsible category:delivery <@U8|Omar>'))).toContain('(before: Dana)');
    const list = text(await t.core.runCommand(await t.actor('auditor'), 'responsible'));
    expect(list).toContain('delivery: Omar (set 2026-11-24 by admin person)');
    expect(list).toContain('price: nobody named');
    expect(list).toContain('future needs: nobody named');
    const entries = (await t.deps.evidence.listBySeq(t.workspaceId, 1, 100)).filter((e) => e.type === 'responsibility.set');
    expect(entries.map((e) => e.data)).toEqual([
      { area: 'delivery', ownerId: 'U7', fromId: null },
      { area: 'obligatory', ownerId: 'U8', fromId: null },
      { area: 'delivery', ownerId: 'U8', fromId: 'U7' },
    ]);
  });

  it('an admin leaves an area with nobody named; the removal is evidence and the list flags the area again', async () => {
    expectOk(await t.core.runCommand(admin, 'responsible category:delivery <@U7|Dana>'));
    expect(text(await t.core.runCommand(admin, 'customer-focus responsible category:delivery none'))).toContain(
      'Nobody is named for delivery any more (before: Dana). Recorded as evidence',
    );
    expect(text(await t.core.runCommand(admin, 'responsible'))).toContain('delivery: nobody named');
    expect(await t.deps.responsibilities.get(t.workspaceId, 'delivery')).toBeUndefined();
    const entries = (await t.deps.evidence.listBySeq(t.workspaceId, 1, 100)).filter((e) => e.type === 'responsibility.set');
    expect(entries.at(-1)?.data).toEqual({ area: 'delivery', ownerId: null, fromId: 'U7' });
    // Named again later: an ordinary change, the removal in between is history.
    expect(text(await t.core.runCommand(admin, 'responsible category:delivery <@U8|Omar>'))).toContain(
      'Omar now determines customer requirements for delivery',
    );
  });

  it.each([
    ['a member', 'member', 'responsible category:delivery <@U7|Dana>', 'only admins can name who determines customer requirements'],
    ['a person who is not a real user', 'admin', 'responsible category:delivery @dana', 'is not a person I can find in this workspace'],
    ['an unknown category', 'admin', 'responsible category:weather <@U7|Dana>', '"weather" is not a valid area'],
    ['a missing person', 'admin', 'responsible category:delivery', 'Say which area and who'],
    ['removing from an area where nobody is named', 'admin', 'responsible category:price none', 'Nobody is named for price'],
    ['a member removing', 'member', 'responsible category:price none', 'only admins can name who determines customer requirements'],
  ])('refuses %s and writes nothing', async (_what, role, command, message) => {
    const actor = role === 'admin' ? admin : await t.actor('member');
    const before = await t.deps.evidence.lastSeq(t.workspaceId);
    const result = await t.core.runCommand(actor, command);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
    expect(await t.deps.evidence.lastSeq(t.workspaceId)).toBe(before);
    expect(await t.deps.responsibilities.list(t.workspaceId)).toEqual([]);
  });
});
