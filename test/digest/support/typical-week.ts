/**
 * A typical week in a workspace, recorded through the real use cases with a clock the test moves:
 * requirements (one obligatory at risk, one overdue for review, one added, one changed), decision
 * checks answered positive, negative and unknown (with follow-up actions), one unanswered, one
 * dismissed as not a decision, customer feedback, and a previous week to compare with.
 *
 * The workspace is in Europe/Oslo; its digest is Mondays 09:00, and the week reported on runs from
 * Monday 23 November 2026 09:00 to Monday 30 November 09:00 (08:00 UTC).
 */
import type { Actor } from '../../../src/core/domain/shared.js';
import type { Messengers } from '../../../src/core/ports.js';
import { type TestCore, createTestCore, expectOk } from '../../support/test-core.js';
import { attachPrompt } from '../../../src/core/use-cases/prompts.js';

export const DIGEST_AT = '2026-11-30T08:00:00.000Z';
export const TIME_ZONE = 'Europe/Oslo';

export interface TypicalWeek {
  t: TestCore;
  admin: Actor;
  manager: Actor;
  member: Actor;
}

const place = (channelId: string, ts: string) => ({
  platform: 'slack' as const,
  channelId,
  threadId: ts,
  messageId: ts,
  permalink: `https://example.slack.com/archives/${channelId}/p${ts.replace('.', '')}`,
});

export async function typicalWeek(options: { storeUrl?: string; namespace?: string; messengers?: Messengers } = {}): Promise<TypicalWeek> {
  const t = await createTestCore({ ...options, timeZone: TIME_ZONE });
  const { core, clock } = t;
  const admin = await t.actor('admin', 'U0ADMIN');
  const manager = await t.actor('manager', 'U0MGR');
  const member = await t.actor('member', 'U0KIM');
  expectOk(await core.changeSettings(admin, { digest: 'mon 09:00' }));

  // Before the week: the register as it stood.
  clock.set('2026-11-02T09:00:00.000Z');
  expectOk(
    await core.addRequirement(member, {
      statement: 'The web shop meets the accessibility requirements of EU 2019/882',
      customer: 'All customers',
      type: 'obligatory',
      reference: 'EU 2019/882',
      category: 'product',
      owner: '<@U0DANA|Dana>',
      review: '90d',
    }),
  );
  expectOk(
    await core.addRequirement(member, {
      statement: 'Deliveries to Norway arrive within 5 working days',
      customer: 'Acme AS',
      type: 'stated',
      category: 'delivery',
      owner: '<@U0KIM|Kim>',
      review: '21d',
    }),
  );
  expectOk(
    await core.addRequirement(member, {
      statement: 'Prices are shown with VAT <!channel>',
      customer: 'Consumers & <b>shops</b>',
      type: 'implied',
      category: 'price',
      owner: '<@U0DANA|Dana>',
      review: '180d',
    }),
  );
  expectOk(
    await core.addRequirement(member, {
      statement: 'Food contact materials comply with EU 10/2011',
      customer: 'Retail partners',
      type: 'obligatory',
      reference: 'EU 10/2011',
      category: 'product',
      review: '365d',
    }),
  );

  // The previous week (16–23 November): two checks, one answered, one detected prompt dismissed.
  clock.set('2026-11-17T10:00:00.000Z');
  const earlier = expectOk(
    await core.startCheck(member, {
      text: 'We close the phone line on Fridays',
      place: place('C0PRODUCT', '1763373600.000100'),
      origin: 'command',
    }),
  );
  expectOk(await core.answerCheck(member, earlier.id, { impact: 'positive' }));
  const noise = expectOk(
    await core.startCheck(member, {
      text: 'Lunch is at noon from now on',
      place: place('C0PRODUCT', '1763373700.000100'),
      origin: 'detected',
    }),
  );
  await attachPrompt(t.deps, noise, { channelId: 'C0PRODUCT', messageId: '1763373701.000100' });
  expectOk(await core.dismissCheck(member, noise.id));
  clock.set('2026-11-18T10:00:00.000Z');
  const prompt = expectOk(
    await core.startCheck(member, {
      text: 'We ship from the new warehouse',
      place: place('C0OPS', '1763460000.000100'),
      origin: 'detected',
    }),
  );
  await attachPrompt(t.deps, prompt, { channelId: 'C0OPS', messageId: '1763460001.000100' });
  expectOk(await core.answerCheck(member, prompt.id, { impact: 'positive' }));

  // The week itself.
  clock.set('2026-11-23T09:30:00.000Z');
  expectOk(await core.reviewRequirement(manager, 'REQ-1', 'at_risk', 'Audit found missing alt texts'));
  expectOk(await core.editRequirement(member, 'REQ-3', { category: 'communication' }));
  expectOk(
    await core.addRequirement(member, {
      statement: 'Invoices are sent as PDF by e-mail',
      customer: 'Acme AS',
      type: 'stated',
      category: 'communication',
      owner: '<@U0KIM|Kim>',
      review: '90d',
    }),
  );

  clock.set('2026-11-24T10:00:00.000Z');
  const positive = expectOk(
    await core.startCheck(member, {
      text: 'Decision: support hours move to 8–18 from January',
      place: place('C0PRODUCT', '1763978400.000100'),
      origin: 'detected',
    }),
  );
  await attachPrompt(t.deps, positive, { channelId: 'C0PRODUCT', messageId: '1763978401.000100' });
  expectOk(await core.answerCheck(member, positive.id, { impact: 'positive' }));

  clock.set('2026-11-25T11:00:00.000Z');
  const negative = expectOk(
    await core.startCheck(member, {
      text: 'We stop shipping to Iceland from March',
      place: place('C0PRODUCT', '1764068400.000100'),
      origin: 'command',
    }),
  );
  expectOk(
    await core.answerCheck(manager, negative.id, {
      impact: 'negative',
      explanation: 'Icelandic customers lose delivery',
      affectedCustomers: ['Nordic Retail'],
      followUp: {
        kind: 'action',
        description: 'Tell Icelandic customers and offer a partner carrier',
        owner: '<@U0KIM|Kim>',
        dueOn: '2026-11-27',
      },
    }),
  );

  clock.set('2026-11-26T12:00:00.000Z');
  const unknown = expectOk(
    await core.startCheck(member, {
      text: 'Going with the cheaper payment provider',
      place: place('C0FINANCE', '1764158400.000100'),
      origin: 'mention',
    }),
  );
  expectOk(
    await core.answerCheck(member, unknown.id, {
      impact: 'unknown',
      followUp: { kind: 'action', description: 'Check refund times of the new provider', owner: '<@U0DANA|Dana>', dueOn: '2026-12-10' },
    }),
  );
  expectOk(
    await core.startCheck(member, {
      text: 'From next month the free tier is capped at 3 seats',
      place: place('C0PRODUCT', '1764158500.000100'),
      origin: 'command',
    }),
  );
  const dismissed = expectOk(
    await core.startCheck(member, { text: 'We decided to order pizza', place: place('C0SOCIAL', '1764158600.000100'), origin: 'detected' }),
  );
  await attachPrompt(t.deps, dismissed, { channelId: 'C0SOCIAL', messageId: '1764158601.000100' });
  expectOk(await core.dismissCheck(member, dismissed.id));

  clock.set('2026-11-27T13:00:00.000Z');
  expectOk(
    await core.recordFeedback(member, {
      summary: 'Delivery took 9 days, again & again <!here>',
      fields: { customer: 'Acme AS', sentiment: 'negative', kind: 'complaint', requirements: 'REQ-2' },
    }),
  );
  expectOk(
    await core.recordFeedback(member, {
      summary: 'The new invoice layout is <great>',
      fields: { customer: 'Nordic Retail', sentiment: 'positive', kind: 'compliment' },
    }),
  );
  expectOk(
    await core.recordFeedback(member, {
      summary: 'Survey: support answers are clear',
      fields: { customer: 'Consumers', sentiment: 'neutral', kind: 'survey' },
    }),
  );

  // How requirements are determined (5.1.2): one stale source, two fresh ones, three named areas.
  for (const command of [
    'knowledge add "Nordic parents study" kind:market-research date:2025-09-20 link:https://example.com/study owner:<@U0DANA|Dana> req:REQ-2',
    'knowledge add "Autumn end-user survey" kind:end-user-survey date:2026-11-20 link:https://example.com/survey horizon:future',
    'knowledge add "EU accessibility act watch" kind:regulatory-watch date:2026-06-01 file:"EAA notes.docx" req:REQ-1',
  ]) {
    expectOk(await core.runCommand(member, command));
  }
  for (const command of [
    'responsible category:delivery <@U0DANA|Dana>',
    'responsible obligatory <@U0DANA|Dana>',
    'responsible product <@U0KIM|Kim>',
  ]) {
    expectOk(await core.runCommand(admin, command));
  }

  clock.set(DIGEST_AT);
  return { t, admin, manager, member };
}
