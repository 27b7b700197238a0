/**
 * Pure presenters: domain records → neutral messages. No I/O. Every text a user typed goes in as
 * `{ user }` so the platform renderers escape it.
 */
import { type DecisionCheck, type FollowUpAction, type ImpactAnswer, checkRef, currentAnswers } from './domain/decision-check.js';
import type { CustomerFeedback } from './domain/feedback.js';
import type { PersonRef } from './domain/shared.js';
import { DEFAULT_DAILY_PROMPT_CAP, type DetectionMode, type RoleAssignment, type Workspace } from './domain/workspace.js';
import type { DetectionChange } from './use-cases/channel-settings.js';
import type { HomeData } from './use-cases/home.js';
import type { WeekFigures } from './use-cases/workspace-status.js';
import { type Block, type Inline, type Message, messageOf, userText } from './messages.js';
import { person, words } from './view-parts.js';
import { truncate } from './truncate.js';

// The register's views live in their own file; they are re-exported here for the callers.
export * from './requirement-views.js';

const message = messageOf;

export function feedbackRecorded(feedback: CustomerFeedback): Message {
  return message([
    {
      kind: 'text',
      parts: [`Recorded ${feedback.sentiment} ${feedback.kind} from `, userText(feedback.customer), ': ', userText(feedback.summary)],
    },
    ...(feedback.requirementIds.length ? [{ kind: 'context' as const, parts: [`Linked to ${feedback.requirementIds.join(', ')}.`] }] : []),
  ]);
}

export function answerRecorded(answer: ImpactAnswer, action?: FollowUpAction): Message {
  const follow: Inline[] = !action
    ? []
    : action.status === 'accepted'
      ? [' Risk accepted without action: ', userText(action.acceptedReason ?? '')]
      : [' Follow-up: ', userText(action.description), ' — ', ...person(action.owner), `, due ${action.dueOn}.`];
  return message([{ kind: 'text', parts: [`Thanks, your answer (${words(answer.impact)} impact) is recorded as evidence.`, ...follow] }]);
}

export function rolesList(assignments: readonly RoleAssignment[]): Message {
  if (assignments.length === 0) {
    return message([{ kind: 'text', parts: ['Nobody has an assigned role yet: everyone is a member, and workspace admins are admins.'] }]);
  }
  return message([
    { kind: 'heading', text: 'Roles' },
    { kind: 'list', items: assignments.map((assignment) => [{ person: { id: assignment.userId } }, `: ${assignment.role}`]) },
  ]);
}

/** `person`: who was named in the command, so the confirmation (and its notification text) names them. */
export function roleChanged(assignment: RoleAssignment, person: PersonRef = { id: assignment.userId }): Message {
  return message([
    {
      kind: 'text',
      parts: [
        { person: { ...person, id: assignment.userId } },
        ` is now ${assignment.role === 'admin' || assignment.role === 'auditor' ? 'an' : 'a'} ${assignment.role}.`,
      ],
    },
  ]);
}

export function settingsShown(workspace: Workspace, defaultSchedule: string): Message {
  const settings = workspace.settings;
  const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const digest =
    settings.digestWeekday && settings.digestTime
      ? `${weekdays[settings.digestWeekday - 1]} ${settings.digestTime}`
      : `${defaultSchedule} (the default)`;
  return message([
    { kind: 'heading', text: 'Settings' },
    {
      kind: 'fields',
      items: [
        ['Time zone', [settings.timeZone]],
        ['Weekly digest', [digest]],
        ['Decision detection', [settings.defaultDetection]],
        ['Unasked prompts per channel and day', [String(settings.dailyPromptCap ?? DEFAULT_DAILY_PROMPT_CAP)]],
        ['Quiet hours', [settings.quietHours ?? 'none']],
        [
          'Decision-message text in the evidence',
          [settings.snapshotRetentionDays ? `kept ${settings.snapshotRetentionDays} days, then redacted (hashes stay)` : 'kept'],
        ],
      ],
    },
    { kind: 'context', parts: ['Admins change them with `{focus}settings timezone:Europe/Oslo digest:"mon 09:00"`.'] },
  ]);
}

export function checkStarted(): Message {
  return message([{ kind: 'text', parts: ['Decision check started: I asked "How does this decision affect customers?" in the thread.'] }]);
}

export const PROMPT_QUESTION = 'How does this decision affect customers?';

const IMPACT_WORDS = { positive: 'Positive', negative: 'Negative', none: 'No impact', unknown: 'Not sure' } as const;

/**
 * The prompt in the decision's thread, updated in place as people answer, so the thread shows
 * who answered what without a new message per answer.
 */
export function decisionPrompt(check: DecisionCheck, answers: readonly ImpactAnswer[]): Message {
  // A check started by command is its own message: it says what is being asked about, and keeps
  // saying so when it is redrawn.
  const header: Block[] =
    check.origin === 'command'
      ? [{ kind: 'text', parts: ['Decision check from ', { person: check.startedBy }, ': ', userText(check.text)] }]
      : [];
  if (check.status === 'dismissed') {
    return message([
      ...header,
      { kind: 'context', parts: [`${PROMPT_QUESTION} — dismissed as not a decision by `, ...person(check.dismissedBy), '.'] },
    ]);
  }
  const current = currentAnswers(answers);
  const answered: Block[] = current.length
    ? [
        {
          kind: 'list',
          items: current.map((answer) => [
            { person: answer.by },
            `: ${IMPACT_WORDS[answer.impact]}`,
            ...(answer.explanation ? [' — ', userText(truncate(answer.explanation, 200))] : []),
          ]),
        },
      ]
    : [];
  return message([
    ...header,
    { kind: 'text', parts: [`*${PROMPT_QUESTION}*`] },
    ...answered,
    {
      kind: 'actions',
      buttons: [
        { label: 'Positive', action: { kind: 'check.answer', checkId: check.id, impact: 'positive' } },
        { label: 'Negative', action: { kind: 'check.answer', checkId: check.id, impact: 'negative' } },
        { label: 'No impact', action: { kind: 'check.answer', checkId: check.id, impact: 'none' } },
        { label: 'Not sure', action: { kind: 'check.answer', checkId: check.id, impact: 'unknown' } },
        { label: 'Add details', action: { kind: 'check.details', checkId: check.id }, style: 'primary' },
        ...(current.length === 0
          ? [{ label: 'Not a decision', action: { kind: 'check.dismiss' as const, checkId: check.id }, style: 'quiet' as const }]
          : []),
      ],
    },
    {
      kind: 'context',
      parts: [
        'Answers are kept as ISO 9001 evidence (5.1.2, 8.5.6).',
        // The reference lets a requirement this decision gives rise to name it as its source.
        ...(check.number !== undefined
          ? [` Decision ${checkRef(check.number)}: a requirement it gives rise to names it with source:${checkRef(check.number)}.`]
          : []),
      ],
    },
  ]);
}

export function weekStatus(figures: WeekFigures): Message {
  return message([
    // A calendar week, named as such: the digest's period (a week up to its send time) is named differently.
    { kind: 'heading', text: `This week: Monday ${figures.from} to Sunday ${figures.to} (${figures.timeZone})` },
    {
      kind: 'fields',
      items: [
        [
          'Decision checks',
          [
            `${figures.checksStarted} started, ${figures.checksAnswered} answered, ${figures.checksAwaiting} awaiting, ${figures.checksDismissed} not a decision`,
          ],
        ],
        ['Follow-up actions', [`${figures.openActions} open, ${figures.overdueActions} overdue`]],
        ['Requirement reviews due', [String(figures.reviewsDue)]],
        ['Customer feedback', [`${figures.feedbackReceived} received`]],
      ],
    },
    { kind: 'text', parts: ['*Unasked prompts, last 30 days*'] },
    figures.noise.length
      ? {
          kind: 'list',
          items: figures.noise
            .slice(0, 10)
            .map((channel) => [
              { channel: channel.channelId },
              `: ${channel.sent} sent, ${channel.answered} answered, ${channel.dismissed} not a decision, ${channel.ignored} ignored`,
            ]),
        }
      : { kind: 'context', parts: ['None yet.'] },
  ]);
}

export function detectionChanged(change: DetectionChange): Message {
  if ('snoozedUntil' in change) {
    return message([
      {
        kind: 'text',
        parts: [
          `Decision detection here is snoozed until ${change.snoozedUntil.slice(0, 16).replace('T', ' ')} UTC. Mentions, the reaction and the shortcut still work.`,
        ],
      },
    ]);
  }
  const what: Record<DetectionMode, string> = {
    auto: 'I will ask about decisions I notice in this channel.',
    'mention-only': 'I will only ask when someone mentions me, reacts, or uses the shortcut.',
    off: 'I will not ask about decisions in this channel.',
  };
  return message([{ kind: 'text', parts: [`Decision detection here is now ${change.mode}. ${what[change.mode]}`] }]);
}

export function digestHere(): Message {
  return message([
    { kind: 'text', parts: ['The weekly customer-focus digest will be posted here, and to everyone with the manager role.'] },
  ]);
}

/** What the bot reads, keeps, for how long, and who sees it: shown on the home page and on joining. */
export const ABOUT_AND_PRIVACY = [
  '*About and privacy*',
  'I read messages in the channels I am added to, to notice decisions; I keep nothing from messages that are not decisions.',
  'When I ask about a decision I keep a copy of its text, who said it and where, and every answer: that is the ISO 9001 evidence. It is kept until an admin removes it.',
  'Everyone in this workspace with access to the bot can see requirements, checks and answers; auditors can read and export them. Admins can turn detection off per channel with "{focus}detection off".',
].join('\n');

export function channelIntroduction(): Message {
  return message([
    {
      kind: 'text',
      parts: [
        'Hello! I help this team keep customers in mind. When someone here announces a decision, I ask once, in its thread: *How does this decision affect customers?* One click answers it.',
      ],
    },
    { kind: 'context', parts: [ABOUT_AND_PRIVACY.replace(/\n/g, ' ')] },
  ]);
}

export function homePage(data: HomeData): Message {
  const section = <T>(title: string, items: readonly T[], render: (item: T) => Block[], empty: string): Block[] => [
    { kind: 'heading', text: title },
    ...(items.length ? items.slice(0, 10).flatMap(render) : [{ kind: 'context' as const, parts: [empty] }]),
  ];
  return message([
    ...section(
      'Decisions waiting for an answer',
      data.awaitingChecks,
      (check) => [
        {
          kind: 'text',
          parts: [
            userText(truncate(check.text, 200)),
            ...(check.place.permalink ? [' ', { link: check.place.permalink, label: 'open thread' }] : []),
          ],
        },
        { kind: 'actions', buttons: [{ label: 'Answer', action: { kind: 'check.details', checkId: check.id }, style: 'primary' }] },
      ],
      'Nothing waiting. Nice.',
    ),
    ...section(
      'Your open follow-up actions',
      data.myActions,
      (action) => [
        { kind: 'text', parts: [userText(action.description), ` — due ${action.dueOn ?? 'no date'}`] },
        { kind: 'actions', buttons: [{ label: 'Done', action: { kind: 'action.close', actionId: action.id } }] },
      ],
      'No open actions.',
    ),
    ...section(
      'Your requirements due for review',
      data.myReviews,
      (requirement) => [
        {
          kind: 'text',
          parts: [`*${requirement.id}* `, userText(truncate(requirement.statement, 200)), ` — review by ${requirement.nextReviewOn}`],
        },
        { kind: 'actions', buttons: [{ label: 'Review', action: { kind: 'requirement.review', requirementId: requirement.id } }] },
      ],
      'None due in the next week.',
    ),
    ...weekStatus(data.figures).blocks,
    { kind: 'divider' },
    { kind: 'text', parts: [ABOUT_AND_PRIVACY] },
  ]);
}
