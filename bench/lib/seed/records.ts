/**
 * The register and the records behind the evidence: requirements, decision checks with their
 * answers and follow-up actions, and customer feedback, each with the index entries the bot's
 * repositories keep. Older follow-up actions are all closed, so the open actions (current state,
 * which the digest and the dashboard read whole) are those of the recent band at every size.
 */
import { NO_DATE, dayNumber, keys } from '../../../src/adapters/storage/repositories/keys.js';
import type { DecisionCheck, FollowUpAction, Impact, ImpactAnswer } from '../../../src/core/domain/decision-check.js';
import type { CustomerFeedback } from '../../../src/core/domain/feedback.js';
import {
  REQUIREMENT_CATEGORIES,
  type Requirement,
  type RequirementStatus,
  type RequirementType,
} from '../../../src/core/domain/requirement.js';
import {
  CHANNELS,
  CUSTOMERS,
  DAY_MS,
  DIGEST_AT,
  HISTORY_END,
  HISTORY_START,
  type HistoryPlan,
  PEOPLE,
  RECENT_START,
  WORKSPACE,
  iso,
  isoDate,
} from './plan.js';
import { Random } from './random.js';
import type { BulkSink } from './sink.js';

export async function seedRequirements(sink: BulkSink, count: number): Promise<void> {
  const random = new Random(1);
  for (let n = 1; n <= count; n++) {
    const createdAt = HISTORY_START + (HISTORY_END - HISTORY_START) * random.next();
    const status = random.weighted<RequirementStatus>([
      ['open', 70],
      ['met', 15],
      ['at_risk', 8],
      ['not_met', 2],
      ['retired', 5],
    ]);
    const type = random.weighted<RequirementType>([
      ['stated', 60],
      ['implied', 25],
      ['obligatory', 15],
    ]);
    const owner = random.pick(PEOPLE);
    const requirement: Requirement = {
      workspaceId: WORKSPACE,
      id: `REQ-${n}`,
      number: n,
      statement: `Requirement ${n}: deliveries to region ${n % 17} within ${2 + (n % 9)} working days, confirmed in writing`,
      customer: random.pick(CUSTOMERS),
      type,
      ...(type === 'obligatory' ? { reference: 'EU 2019/882' } : {}),
      category: random.pick(REQUIREMENT_CATEGORIES),
      horizon: random.next() < 0.9 ? 'current' : 'future',
      owner,
      status,
      reviewIntervalDays: 90,
      nextReviewOn: isoDate(DIGEST_AT - 60 * DAY_MS + random.next() * 425 * DAY_MS),
      createdBy: owner,
      createdAt: iso(createdAt),
      updatedBy: owner,
      updatedAt: iso(createdAt),
      version: 1,
    };
    await sink.record(keys.requirement(WORKSPACE, requirement.id), requirement);
    await sink.indexed(keys.requirementsByNumber(WORKSPACE), requirement.id, n);
    if (status !== 'retired') await sink.indexed(keys.requirementsByReview(WORKSPACE), requirement.id, dayNumber(requirement.nextReviewOn));
  }
  await sink.counter(keys.requirementCounter(WORKSPACE), count);
}

/** Checks started evenly over [from, to), with ids `c<first>`…; answered ones get 1–3 answers. */
async function seedCheckBand(
  sink: BulkSink,
  random: Random,
  band: { first: number; count: number; from: number; to: number; openActions: boolean },
): Promise<void> {
  for (let i = 0; i < band.count; i++) {
    const number = band.first + i;
    const started = band.from + Math.floor(((band.to - band.from) * (i + random.next())) / band.count);
    const status = random.weighted<DecisionCheck['status']>([
      ['answered', 70],
      ['dismissed', 10],
      ['awaiting', 20],
    ]);
    const startedBy = random.pick(PEOPLE);
    const check: DecisionCheck = {
      workspaceId: WORKSPACE,
      id: `c${number}`,
      text: `Decision ${number}: from next month we change the support rota for region ${number % 17}`,
      place: {
        platform: 'slack',
        channelId: random.pick(CHANNELS),
        threadId: `${Math.floor(started / 1000)}.000100`,
        messageId: `${Math.floor(started / 1000)}.000100`,
      },
      decidedBy: startedBy,
      origin: random.weighted([
        ['detected', 80],
        ['command', 10],
        ['reaction', 5],
        ['mention', 5],
      ]),
      startedBy,
      startedAt: iso(started),
      status,
      ...(status === 'dismissed' ? { dismissedBy: startedBy, dismissedAt: iso(started + 3_600_000) } : {}),
      prompt: { channelId: CHANNELS[0] as string, messageId: `${Math.floor(started / 1000)}.000200` },
      version: 1,
    };
    await sink.record(keys.check(WORKSPACE, check.id), check);
    await sink.indexed(keys.checksByStart(WORKSPACE), check.id, started);
    if (status === 'answered') await seedAnswers(sink, random, check, started, band.openActions);
  }
}

async function seedAnswers(sink: BulkSink, random: Random, check: DecisionCheck, started: number, mayBeOpen: boolean): Promise<void> {
  const answers = 1 + Math.floor(random.next() * 3);
  for (let a = 1; a <= answers; a++) {
    const impact = random.weighted<Impact>([
      ['positive', 45],
      ['negative', 20],
      ['none', 25],
      ['unknown', 10],
    ]);
    const at = started + a * 1_800_000;
    const by = random.pick(PEOPLE);
    const answerId = `a${check.id}-${a}`;
    const needsAction = impact === 'negative' || impact === 'unknown';
    const answer: ImpactAnswer = {
      workspaceId: WORKSPACE,
      checkId: check.id,
      id: answerId,
      impact,
      affectedCustomers: random.next() < 0.6 ? [random.pick(CUSTOMERS)] : [],
      requirementIds: random.next() < 0.3 ? [`REQ-${1 + Math.floor(random.next() * 1000)}`] : [],
      ...(impact === 'negative' || impact === 'none' ? { explanation: 'Customers on the annual plan see the change at renewal.' } : {}),
      by,
      at: iso(at),
      ...(needsAction ? { actionId: `x${check.id}-${a}` } : {}),
    };
    await sink.record(keys.answer(WORKSPACE, check.id, answerId), answer);
    await sink.indexed(keys.answersOf(WORKSPACE, check.id), answerId, at);
    if (!needsAction) continue;
    const open = mayBeOpen && random.next() < 0.6;
    const action: FollowUpAction = {
      workspaceId: WORKSPACE,
      id: `x${check.id}-${a}`,
      checkId: check.id,
      answerId,
      description: 'Tell the affected customers before the change',
      owner: by,
      dueOn: isoDate(at + (7 + random.next() * 60) * DAY_MS),
      status: open ? 'open' : 'done',
      createdBy: by,
      createdAt: iso(at),
      version: 1,
    };
    await sink.record(keys.action(WORKSPACE, action.id), action);
    if (open) await sink.indexed(keys.openActions(WORKSPACE), action.id, action.dueOn ? dayNumber(action.dueOn) : NO_DATE);
  }
}

/** Each band draws from a generator of its own, so the recent band is the same at every history size. */
export async function seedChecks(sink: BulkSink, plan: HistoryPlan): Promise<void> {
  await seedCheckBand(sink, new Random(11), {
    first: 1,
    count: plan.olderChecks,
    from: HISTORY_START,
    to: RECENT_START,
    openActions: false,
  });
  await seedCheckBand(sink, new Random(12), {
    first: plan.olderChecks + 1,
    count: plan.recentChecks,
    from: RECENT_START,
    to: HISTORY_END,
    openActions: true,
  });
}

async function seedFeedbackBand(
  sink: BulkSink,
  random: Random,
  band: { first: number; count: number; from: number; to: number },
): Promise<void> {
  for (let i = 0; i < band.count; i++) {
    const number = band.first + i;
    const received = band.from + Math.floor(((band.to - band.from) * (i + random.next())) / band.count);
    const feedback: CustomerFeedback = {
      workspaceId: WORKSPACE,
      id: `f${number}`,
      customer: random.pick(CUSTOMERS),
      kind: random.pick(['complaint', 'compliment', 'survey', 'review', 'other'] as const),
      sentiment: random.weighted([
        ['positive', 40],
        ['neutral', 30],
        ['negative', 30],
      ]),
      summary: `What the customer said about the service, number ${number}`,
      requirementIds: [],
      receivedAt: iso(received),
      recordedBy: random.pick(PEOPLE),
      recordedAt: iso(received),
    };
    await sink.record(keys.feedback(WORKSPACE, feedback.id), feedback);
    await sink.indexed(keys.feedbackByReceipt(WORKSPACE), feedback.id, received);
  }
}

export async function seedFeedback(sink: BulkSink, plan: HistoryPlan): Promise<void> {
  await seedFeedbackBand(sink, new Random(21), { first: 1, count: plan.olderFeedback, from: HISTORY_START, to: RECENT_START });
  await seedFeedbackBand(sink, new Random(22), {
    first: plan.olderFeedback + 1,
    count: plan.recentFeedback,
    from: RECENT_START,
    to: HISTORY_END,
  });
}
