/**
 * Every message the core builds has a notification text: Slack's `text` (shown in notifications,
 * and what chat.update sends with the blocks) and Teams' `summary` are never blank, whatever kinds
 * of blocks the message is made of. The views are enumerated from the module itself, so a new
 * view without a case here fails the test instead of being skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSlackMessage } from '../../src/adapters/slack/block-kit.js';
import { toTeamsMessage } from '../../src/adapters/teams/adaptive-cards.js';
import { verifyLog } from '../../src/core/audit/verify-log.js';
import { verifyReportMessage } from '../../src/core/audit/verify-view.js';
import { dashboardLinkMessage } from '../../src/core/dashboard/dashboard-link.js';
import { gatherDigest } from '../../src/core/digest/content.js';
import { weekEndingAt } from '../../src/core/digest/period.js';
import { digestMessage } from '../../src/core/digest/render.js';
import { actionReminder, requirementReminder } from '../../src/core/digest/reminder-messages.js';
import { digestReviewed, digestSent } from '../../src/core/digest/replies.js';
import type { DecisionCheck, FollowUpAction, ImpactAnswer } from '../../src/core/domain/decision-check.js';
import type { CustomerFeedback } from '../../src/core/domain/feedback.js';
import type { Requirement, RequirementReview } from '../../src/core/domain/requirement.js';
import type { Workspace } from '../../src/core/domain/workspace.js';
import { type Message, fallbackOf, textMessage } from '../../src/core/messages.js';
import type { WeekFigures } from '../../src/core/use-cases/workspace-status.js';
import * as views from '../../src/core/views.js';
import { DIGEST_AT, type TypicalWeek, typicalWeek } from '../digest/support/typical-week.js';

const WS = 'slack:T1';
const KIM = { id: 'U0KIM', name: 'Kim' };
const DANA = { id: 'U0DANA', name: 'Dana' };
const AT = '2026-11-24T09:00:00.000Z';

const requirement: Requirement = {
  workspaceId: WS,
  id: 'REQ-7',
  number: 7,
  statement: 'Deliveries to Norway arrive within 5 working days',
  customer: 'Acme AS',
  type: 'stated',
  category: 'delivery',
  horizon: 'current',
  owner: KIM,
  status: 'at_risk',
  reviewIntervalDays: 90,
  nextReviewOn: '2027-02-22',
  createdBy: KIM,
  createdAt: AT,
  updatedBy: DANA,
  updatedAt: AT,
  version: 2,
};
const review: RequirementReview = {
  workspaceId: WS,
  requirementId: 'REQ-7',
  id: 'r1',
  outcome: 'at_risk',
  note: 'Carrier changes',
  by: DANA,
  at: AT,
};
const check: DecisionCheck = {
  workspaceId: WS,
  id: 'c1',
  text: 'We move support hours to 9-17 from January',
  place: {
    platform: 'slack',
    channelId: 'C0SUPPORT',
    threadId: '1.2',
    messageId: '1.2',
    permalink: 'https://example.slack.com/archives/C0SUPPORT/p12',
  },
  origin: 'detected',
  startedBy: KIM,
  startedAt: AT,
  status: 'awaiting',
  version: 1,
};
const answer: ImpactAnswer = {
  workspaceId: WS,
  checkId: 'c1',
  id: 'a1',
  impact: 'negative',
  affectedCustomers: [],
  requirementIds: [],
  explanation: 'Evening customers lose phone support',
  by: DANA,
  at: AT,
};
const action: FollowUpAction = {
  workspaceId: WS,
  id: 'x1',
  checkId: 'c1',
  answerId: 'a1',
  description: 'Offer chat support in the evening',
  owner: KIM,
  dueOn: '2026-12-01',
  status: 'open',
  createdBy: DANA,
  createdAt: AT,
  version: 1,
};
const feedback: CustomerFeedback = {
  workspaceId: WS,
  id: 'f1',
  customer: 'Acme AS',
  kind: 'complaint',
  sentiment: 'negative',
  summary: 'The parcel came a week late',
  requirementIds: ['REQ-7'],
  receivedAt: AT,
  recordedBy: KIM,
  recordedAt: AT,
};
const workspace: Workspace = {
  id: WS,
  platform: 'slack',
  name: 'Acme',
  createdAt: AT,
  settings: { timeZone: 'Europe/Oslo', defaultDetection: 'auto' },
  version: 1,
};
const figures: WeekFigures = {
  from: '2026-11-23',
  to: '2026-11-29',
  timeZone: 'Europe/Oslo',
  checksStarted: 3,
  checksAnswered: 2,
  checksDismissed: 1,
  checksAwaiting: 0,
  openActions: 1,
  overdueActions: 0,
  reviewsDue: 1,
  feedbackReceived: 1,
  noise: [{ channelId: 'C0SUPPORT', sent: 3, answered: 2, dismissed: 1, ignored: 0 }],
};
const role = { workspaceId: WS, userId: 'U0KIM', role: 'auditor' as const, assignedBy: 'U0DANA', assignedAt: AT };

/** Realistic calls of each view in src/core/views.ts, in every shape it has (empty lists, each status). */
const VIEW_CASES: Record<string, () => Message[]> = {
  requirementSaved: () => [views.requirementSaved(requirement, 'Recorded'), views.requirementSaved(requirement, 'Reassigned')],
  duplicateRequirement: () => [
    views.duplicateRequirement(requirement),
    views.duplicateRequirement(requirement, 'requirement add "Invoices in NOK" duplicate:ok'),
  ],
  requirementDetail: () => [views.requirementDetail(requirement, []), views.requirementDetail(requirement, [review])],
  requirementList: () => [
    views.requirementList([]),
    views.requirementList([requirement]),
    views.requirementList(Array(45).fill(requirement), { qualifier: 'at risk', page: 2 }),
  ],
  reviewRecorded: () => [views.reviewRecorded(requirement, review)],
  ownersReassigned: () => [views.ownersReassigned([requirement], DANA)],
  feedbackRecorded: () => [views.feedbackRecorded(feedback), views.feedbackRecorded({ ...feedback, requirementIds: [] })],
  answerRecorded: () => [
    views.answerRecorded(answer),
    views.answerRecorded(answer, action),
    views.answerRecorded(answer, { ...action, status: 'accepted', acceptedReason: 'Few evening calls' }),
  ],
  rolesList: () => [views.rolesList([]), views.rolesList([role])],
  roleChanged: () => [views.roleChanged(role)],
  settingsShown: () => [views.settingsShown(workspace, 'Monday 09:00')],
  checkStarted: () => [views.checkStarted()],
  decisionPrompt: () => [
    views.decisionPrompt(check, []),
    views.decisionPrompt({ ...check, status: 'answered' }, [answer]),
    // What "Not a decision" turns the prompt into: one context block, nothing else.
    views.decisionPrompt({ ...check, status: 'dismissed', dismissedBy: DANA }, []),
    views.decisionPrompt({ ...check, status: 'dismissed' }, []),
  ],
  weekStatus: () => [views.weekStatus(figures), views.weekStatus({ ...figures, noise: [] })],
  detectionChanged: () => [
    views.detectionChanged({ mode: 'auto' }),
    views.detectionChanged({ mode: 'mention-only' }),
    views.detectionChanged({ mode: 'off' }),
    views.detectionChanged({ snoozedUntil: '2026-12-01T09:00:00.000Z' }),
  ],
  digestHere: () => [views.digestHere()],
  channelIntroduction: () => [views.channelIntroduction()],
  homePage: () => [
    views.homePage({ awaitingChecks: [], myActions: [], myReviews: [], figures }),
    views.homePage({ awaitingChecks: [check], myActions: [action], myReviews: [requirement], figures }),
  ],
};

function expectFallbacks(name: string, message: Message): void {
  expect(message.fallback.trim(), `${name}: the message's own fallback`).not.toBe('');
  expect(toSlackMessage(message).text.trim(), `${name}: Slack text`).not.toBe('');
  expect(toTeamsMessage(message).text.trim(), `${name}: Teams summary`).not.toBe('');
}

describe('every message the core builds has a notification text', () => {
  it('every view in src/core/views.ts has a case here', () => {
    // Helpers that build a sentence, not a message, are left out.
    const notMessages = new Set(['changeInChatHint']);
    const builders = Object.entries(views)
      .filter(([name, value]) => typeof value === 'function' && !notMessages.has(name))
      .map(([name]) => name)
      .sort();
    expect(builders).toEqual(Object.keys(VIEW_CASES).sort());
  });

  for (const [name, build] of Object.entries(VIEW_CASES)) {
    it(`${name}: non-empty on Slack and Teams`, () => {
      for (const message of build()) expectFallbacks(name, message);
    });
  }

  it('"Not a decision": the dismissed prompt says so in the notification', () => {
    const dismissed = views.decisionPrompt({ ...check, status: 'dismissed', dismissedBy: DANA }, []);
    expect(toSlackMessage(dismissed).text).toBe('How does this decision affect customers? — dismissed as not a decision by Dana.');
    expect(toTeamsMessage(dismissed).text).toBe('How does this decision affect customers? — dismissed as not a decision by Dana.');
  });

  it('reminders, digest replies and plain texts', () => {
    expectFallbacks('requirementReminder', requirementReminder(requirement, '2027-02-22'));
    expectFallbacks('actionReminder', actionReminder(action, '2026-12-02', check));
    expectFallbacks('actionReminder without decision', actionReminder(action, '2026-12-01'));
    expectFallbacks('digestReviewed', digestReviewed(true));
    expectFallbacks('digestSent', digestSent({ digestId: 'd1', deliveries: [] }));
    expectFallbacks('textMessage', textMessage('Done.'));
    expectFallbacks(
      'dashboardLinkMessage',
      dashboardLinkMessage({
        url: 'https://focus.example.com/dashboard/slack%3AT1?t=abc',
        timeZone: 'Europe/Oslo',
        grant: {
          id: 'g1',
          workspaceId: WS,
          purpose: 'dashboard',
          role: 'member',
          issuedTo: 'U0KIM',
          expiresAt: '2026-11-25T09:00:00.000Z',
        },
      }),
    );
  });

  it('fields, lists, context or buttons alone still give a fallback; the renderers fill a blank one from the blocks', () => {
    expect(fallbackOf([{ kind: 'fields', items: [['Customer', ['Acme AS']]] }])).toBe('Customer: Acme AS');
    expect(fallbackOf([{ kind: 'list', items: [['one'], [{ user: 'two' }]] }])).toBe('one; two');
    expect(fallbackOf([{ kind: 'actions', buttons: [{ label: 'Done', action: { kind: 'action.close', actionId: 'x1' } }] }])).toBe(
      'Choose: Done',
    );
    const blank: Message = { fallback: ' ', blocks: [{ kind: 'context', parts: ['Nothing waiting.'] }] };
    expect(toSlackMessage(blank).text).toBe('Nothing waiting.');
    expect(toTeamsMessage(blank).text).toBe('Nothing waiting.');
  });

  describe('over a real week of records', () => {
    let week: TypicalWeek;
    beforeAll(async () => {
      week = await typicalWeek();
    });
    afterAll(() => week.t.close());

    it('the weekly digest and the verification report', async () => {
      const { deps, workspaceId } = week.t;
      week.t.clock.set(DIGEST_AT);
      const stored = await deps.workspaces.get(workspaceId);
      if (!stored) throw new Error('the typical week has no workspace');
      const content = await gatherDigest(deps, stored, weekEndingAt(new Date(DIGEST_AT), stored.settings.timeZone));
      expectFallbacks('digestMessage', digestMessage(content));
      expectFallbacks('verifyReportMessage', verifyReportMessage(await verifyLog(deps, workspaceId), 'Europe/Oslo'));
    });
  });
});
