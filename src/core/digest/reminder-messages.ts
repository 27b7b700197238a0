/** The direct messages owners get on a review date or a due date, with buttons to act. Pure. */
import type { DecisionCheck, FollowUpAction } from '../domain/decision-check.js';
import type { Requirement } from '../domain/requirement.js';
import { knowledgeKindLabel } from '../domain/knowledge.js';
import type { IsoDate } from '../domain/shared.js';
import type { KindCoverage } from '../knowledge/coverage.js';
import { type Block, type Message, fallbackOf, userText } from '../messages.js';
import { reviewButtons } from './render.js';
import { truncate } from '../truncate.js';

const NO_NAGGING = 'At most one reminder a week; anything still overdue appears in the weekly digest to management.';

const when = (due: IsoDate, today: IsoDate) => (due === today ? 'today' : `since ${due}`);

/** The first paragraph says what the reminder is about; that is what the notification shows. */
function message(blocks: Block[]): Message {
  const first = blocks[0];
  return { fallback: first ? fallbackOf([first]) : 'Reminder', blocks };
}

export function requirementReminder(requirement: Requirement, today: IsoDate): Message {
  return message([
    {
      kind: 'text',
      parts: [
        `Reminder: *${requirement.id}* is due for review ${when(requirement.nextReviewOn, today)}. `,
        userText(requirement.statement),
      ],
    },
    {
      kind: 'fields',
      items: [
        ['Customer', [userText(requirement.customer)]],
        ['Type', [requirement.type]],
        ['Status', [requirement.status.replace(/_/g, ' ')]],
      ],
    },
    { kind: 'actions', buttons: reviewButtons(requirement.id) },
    {
      kind: 'context',
      parts: [`You own this requirement. *Still valid* keeps it as it is; *Update* records another outcome. ${NO_NAGGING}`],
    },
  ]);
}

export function actionReminder(action: FollowUpAction, today: IsoDate, decision?: DecisionCheck): Message {
  return message([
    {
      kind: 'text',
      parts: [`Reminder: your follow-up action is due ${when(action.dueOn ?? today, today)}: `, userText(action.description)],
    },
    ...(decision
      ? [
          {
            kind: 'context' as const,
            parts: [
              'It follows up the decision: ',
              userText(truncate(decision.text, 200)),
              ...(decision.place.permalink ? [' ', { link: decision.place.permalink, label: 'open thread' }] : []),
            ],
          },
        ]
      : []),
    { kind: 'actions', buttons: [{ label: 'Done', action: { kind: 'action.close', actionId: action.id }, style: 'primary' }] },
    { kind: 'context', parts: [NO_NAGGING] },
  ]);
}

/** A kind of customer knowledge went stale: its owner is asked to renew it (ISO 9001 5.1.2). */
export function knowledgeReminder(row: KindCoverage, today: IsoDate): Message {
  const kind = knowledgeKindLabel(row.kind);
  return message([
    {
      kind: 'text',
      parts: [
        `Reminder: the latest ${kind} (*${row.latest?.id ?? ''}*, `,
        userText(row.latest?.title ?? ''),
        `, ${row.latest?.date ?? ''}) is older than its review period of ${row.reviewMonths} months ${when(row.dueOn ?? today, today)}.`,
      ],
    },
    {
      kind: 'context',
      parts: [
        `You own it. When newer ${kind} exists, record it with "{knowledge} add <title> kind:${row.kind} link:https://…". ${NO_NAGGING}`,
      ],
    },
  ]);
}
