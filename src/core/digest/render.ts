/**
 * The weekly digest as a neutral message: short enough to read in a minute, most important first,
 * each section labelled with the ISO 9001:2015 clauses it serves. Empty sections are left out, and
 * a week with nothing to report says so in one line. Pure: no I/O.
 */
import { zoneMinute } from '../domain/dates.js';
import type { DecisionCheck } from '../domain/decision-check.js';
import type { Requirement } from '../domain/requirement.js';
import { knowledgeKindLabel } from '../domain/knowledge.js';
import { areaLabel } from '../domain/responsibility.js';
import type { PersonRef } from '../domain/shared.js';
import { percent } from '../knowledge/coverage.js';
import { type Block, type Button, type Inline, type Message, userText } from '../messages.js';
import { type DigestContent, SHOWN_PER_SECTION, type Share, isQuietWeek } from './content.js';
import { truncate } from '../truncate.js';
import { describePeriod } from './period.js';
import { plural } from '../wording.js';

export interface DigestMessageOptions {
  /** The issued digest's id: adds the *Reviewed* button. A preview has none. */
  readonly digestId?: string;
}

const words = (value: string) => value.replace(/_/g, ' ');
const excerpt = (text: string, max = 140) => truncate(text, max);
const person = (ref: PersonRef | undefined): Inline[] => (ref ? [{ person: ref }] : ['nobody']);

/** "…and 3 more", with where to see them. */
const more = (total: number, where: string): Block[] =>
  total > SHOWN_PER_SECTION ? [{ kind: 'context', parts: [`…and ${total - SHOWN_PER_SECTION} more: ${where}`] }] : [];

const sectionTitle = (title: string, clauses: string, summary: string): Block => ({
  kind: 'text',
  parts: [`*${title}* (${clauses}): ${summary}`],
});

/** The buttons under a requirement that is due for review; each records the review as evidence. */
export function reviewButtons(requirementId: string): Button[] {
  return [
    { label: 'Still valid', action: { kind: 'requirement.keep', requirementId }, style: 'primary' },
    { label: 'Update', action: { kind: 'requirement.review', requirementId } },
    {
      label: 'Retire',
      action: { kind: 'requirement.retire', requirementId },
      style: 'danger',
      confirm: `Retire ${requirementId}? A retired requirement can no longer be changed or reviewed.`,
    },
  ];
}

function obligatory(content: DigestContent): Block[] {
  const items = content.obligatoryAtRisk;
  if (items.length === 0) return [];
  return [
    sectionTitle('Obligatory requirements at risk or not met', '5.1.2, 8.2.2', String(items.length)),
    {
      kind: 'list',
      items: items
        .slice(0, SHOWN_PER_SECTION)
        .map((requirement) => [
          `*${requirement.id}* ${words(requirement.status)}: `,
          userText(excerpt(requirement.statement)),
          ' — ',
          userText(requirement.customer),
          ...(requirement.reference ? [' (', userText(requirement.reference), ')'] : []),
          ', owner ',
          ...person(requirement.owner),
        ]),
    },
    ...more(items.length, '"{requirement} list at_risk type:obligatory" and "{requirement} list not_met type:obligatory".'),
  ];
}

function openActions(content: DigestContent): Block[] {
  const items = content.openActions;
  if (items.length === 0) return [];
  const overdue = items.filter((item) => item.overdue).length;
  return [
    sectionTitle('Open follow-up actions', '5.1.2, 8.5.6', `${items.length} open${overdue ? `, ${overdue} overdue` : ''}`),
    {
      kind: 'list',
      items: items
        .slice(0, SHOWN_PER_SECTION)
        .map(({ action, overdue: late, decision }) => [
          late ? `*Overdue since ${action.dueOn}*: ` : `Due ${action.dueOn ?? 'without a date'}: `,
          userText(excerpt(action.description)),
          ' — ',
          ...person(action.owner),
          ...(decision ? [' (decision: ', userText(excerpt(decision.text, 80)), ')'] : []),
        ]),
    },
    ...more(items.length, "each owner sees theirs on the bot's home page."),
  ];
}

function reviewsDue(content: DigestContent): Block[] {
  const items = content.reviewsDue;
  if (items.length === 0) return [];
  const overdue = items.filter((requirement) => requirement.nextReviewOn < content.period.endDay).length;
  const due = (requirement: Requirement) =>
    requirement.nextReviewOn < content.period.endDay ? `overdue since ${requirement.nextReviewOn}` : 'due today';
  return [
    sectionTitle('Requirements due for review', '8.2.2', `${items.length}${overdue ? `, ${overdue} overdue` : ''}`),
    ...items.slice(0, SHOWN_PER_SECTION).flatMap((requirement): Block[] => [
      {
        kind: 'text',
        parts: [
          `*${requirement.id}* `,
          userText(excerpt(requirement.statement)),
          ` — ${due(requirement)}, owner `,
          ...person(requirement.owner),
        ],
      },
      { kind: 'actions', buttons: reviewButtons(requirement.id) },
    ]),
    ...more(items.length, '"{requirement} list due".'),
  ];
}

const decisionLine = (check: DecisionCheck, prefix: Inline[]): Inline[] => [
  ...prefix,
  userText(excerpt(check.text, 120)),
  ...(check.place.permalink ? [' ', { link: check.place.permalink, label: 'open thread' } as const] : []),
];

function decisions(content: DigestContent): Block[] {
  const { started, answered, awaiting, dismissed, unanswered, concerning } = content.checks;
  if (started === 0 && concerning.length === 0) return [];
  const summary = `${started} started, ${answered} answered, ${awaiting} unanswered${dismissed ? `, ${dismissed} not a decision` : ''}`;
  const impactWords = { negative: 'negative', unknown: 'impact unknown', positive: 'positive', none: 'no impact' } as const;
  return [
    sectionTitle('Decision checks this week', '5.1.2, 8.5.6', summary),
    ...(concerning.length
      ? [
          { kind: 'text' as const, parts: ['Answered negative or unknown:'] },
          {
            kind: 'list' as const,
            items: concerning
              .slice(0, SHOWN_PER_SECTION)
              .map(({ check, impacts }) => decisionLine(check, [`${impacts.map((impact) => impactWords[impact]).join(', ')}: `])),
          },
          ...more(concerning.length, 'see the follow-up actions above.'),
        ]
      : []),
    ...(unanswered.length
      ? [
          { kind: 'text' as const, parts: ['Still unanswered:'] },
          { kind: 'list' as const, items: unanswered.slice(0, SHOWN_PER_SECTION).map((check) => decisionLine(check, [])) },
          ...more(unanswered.length, "the bot's home page lists them all."),
        ]
      : []),
  ];
}

function feedback(content: DigestContent): Block[] {
  const { total, bySentiment, negative } = content.feedback;
  if (total === 0) return [];
  const split = (['negative', 'neutral', 'positive'] as const).map((sentiment) => `${bySentiment[sentiment]} ${sentiment}`).join(', ');
  return [
    sectionTitle('Customer feedback received', '9.1.2', `${total} (${split})`),
    ...(negative.length
      ? [
          {
            kind: 'list' as const,
            items: negative.slice(0, 3).map((item) => [userText(item.customer), ` (${item.kind}): `, userText(excerpt(item.summary))]),
          },
        ]
      : []),
  ];
}

/** The reviews recorded in the period: the digest is where management sees them (and the requirement's view links back here). */
function reviewsRecorded(content: DigestContent): Block[] {
  const { reviews } = content.register;
  if (reviews.length === 0) return [];
  return [
    sectionTitle('Requirement reviews recorded', '8.2.3', `${reviews.length}`),
    {
      kind: 'list',
      items: reviews.slice(0, SHOWN_PER_SECTION).map((review) => [`*${review.requirementId}*: ${review.outcome.replace(/_/g, ' ')}`]),
    },
    ...more(reviews.length, "each requirement's view lists its reviews."),
  ];
}

function registerChanges(content: DigestContent): Block[] {
  const { added, changed, byType, byCategory } = content.register;
  if (added + changed === 0) return reviewsRecorded(content);
  const list = (pairs: readonly (readonly [string, number])[]) => pairs.map(([name, count]) => `${count} ${name}`).join(', ');
  return [
    sectionTitle('Requirements added or changed', '8.2.2', `${added} added, ${changed} changed`),
    {
      kind: 'fields',
      items: [
        ['By type', [list(byType) || '—']],
        ['By category', [list(byCategory) || '—']],
      ],
    },
    ...reviewsRecorded(content),
  ];
}

/** `75% (up 10 points on last week)`. */
function shareText(share: Share): string | undefined {
  if (share.value === undefined) return undefined;
  const now = Math.round(share.value * 100);
  if (share.previous === undefined) return `${now}% (nothing to compare with last week)`;
  const change = now - Math.round(share.previous * 100);
  const trend = change === 0 ? 'same as last week' : `${change > 0 ? 'up' : 'down'} ${plural(Math.abs(change), 'point')} on last week`;
  return `${now}% (${trend})`;
}

function habit(content: DigestContent): Block[] {
  const answered = shareText(content.habit.answered);
  const dismissed = shareText(content.habit.dismissed);
  const items: [string, Inline[]][] = [
    ...(answered ? [['Checks answered', [answered]] as [string, Inline[]]] : []),
    ...(dismissed ? [['Prompts dismissed as "not a decision"', [dismissed]] as [string, Inline[]]] : []),
  ];
  return items.length
    ? [
        { kind: 'text', parts: ['*How the habit holds* (5.1.2)'] },
        { kind: 'fields', items },
      ]
    : [];
}

/**
 * How requirements are determined (5.1.2): shown every week, quiet or not, because it is about
 * what is missing rather than what happened. One line per flag, so it stays short.
 */
function determining(content: DigestContent): Block[] {
  const { requirements, stale, neverRecorded, unassigned } = content.knowledge;
  const traced = `${requirements.traced} of ${plural(requirements.active, 'requirement')} traced to a source (${percent(requirements.traced, requirements.active)})`;
  const future = `${requirements.future} about future needs (${percent(requirements.future, requirements.active)})`;
  const flags: Inline[][] = [
    ...stale.map((row): Inline[] => [
      `No ${knowledgeKindLabel(row.kind)} recorded in ${plural(row.ageMonths ?? 0, 'month')} (latest ${row.latest?.id ?? ''} of ${row.latest?.date ?? ''}, review every ${plural(row.reviewMonths, 'month')}; responsible: `,
      ...person(row.responsible),
      ')',
    ]),
    ...(neverRecorded.length ? [[`Never recorded: ${neverRecorded.map(knowledgeKindLabel).join(', ')}`]] : []),
    ...(unassigned.length ? [[`Nobody named responsible for: ${unassigned.map(areaLabel).join(', ')}`]] : []),
  ];
  const summary = requirements.active ? `${traced}, ${future}` : 'no requirements in the register yet';
  return [
    sectionTitle('How we determine customer requirements', '5.1.2', summary),
    ...(flags.length
      ? [
          { kind: 'list' as const, items: flags },
          {
            kind: 'context' as const,
            parts: ['Record sources with "{knowledge} add"; admins name who is responsible with "{focus}responsible category:… @person".'],
          },
        ]
      : []),
  ];
}

function sealLine(content: DigestContent): Block[] {
  const seal = content.seal;
  if (!seal) return [];
  return [
    {
      kind: 'context',
      parts: [
        `Evidence log sealed up to entry ${seal.toSeq}: seal #${seal.number} \`${seal.hash.slice(0, 12)}\`, ${zoneMinute(seal.at, content.timeZone)}.`,
      ],
    },
  ];
}

/** The plain-text summary Slack and Teams show in notifications. */
function fallbackOf(content: DigestContent, quiet: boolean): string {
  const head = `Customer focus digest, ${describePeriod(content.period, content.timeZone)}`;
  if (quiet) return `${head}: a quiet week, nothing to report.`;
  const parts = [
    content.obligatoryAtRisk.length ? plural(content.obligatoryAtRisk.length, 'obligatory requirement') + ' at risk or not met' : '',
    content.openActions.length ? plural(content.openActions.length, 'open action') : '',
    content.reviewsDue.length ? plural(content.reviewsDue.length, 'review') + ' due' : '',
    content.checks.started ? plural(content.checks.started, 'decision check') : '',
    content.feedback.total ? `${content.feedback.total} customer feedback` : '',
  ].filter(Boolean);
  return `${head}: ${parts.join(', ') || 'register changes only'}.`;
}

export function digestMessage(content: DigestContent, options: DigestMessageOptions = {}): Message {
  const quiet = isQuietWeek(content);
  const intro: Block[] = [
    { kind: 'heading', text: `Customer focus digest: ${describePeriod(content.period, content.timeZone)}` },
    {
      kind: 'context',
      parts: [
        'Weekly input to management review (ISO 9001:2015 9.3.2) for ',
        userText(content.workspaceName),
        `. Dates and times are in ${content.timeZone}.`,
      ],
    },
  ];
  const body: Block[] = quiet
    ? [
        {
          kind: 'text',
          parts: [
            'A quiet week: no decision checks, no customer feedback, no changes to the register, and nothing at risk, open or due for review.',
          ],
        },
      ]
    : [
        ...obligatory(content),
        ...openActions(content),
        ...reviewsDue(content),
        ...decisions(content),
        ...feedback(content),
        ...registerChanges(content),
        ...habit(content),
      ];
  body.push(...determining(content));
  const closing: Block[] = options.digestId
    ? [
        { kind: 'divider' },
        {
          kind: 'context',
          parts: [
            'This digest is kept as evidence. Once management has reviewed it, a manager clicks *Reviewed*: that click is the management-review record (9.3.2).',
          ],
        },
        {
          kind: 'actions',
          buttons: [{ label: 'Reviewed', action: { kind: 'digest.reviewed', digestId: options.digestId }, style: 'primary' }],
        },
      ]
    : [{ kind: 'context', parts: ['Preview: nothing was sent or recorded.'] }];
  return { fallback: fallbackOf(content, quiet), blocks: [...intro, ...body, ...sealLine(content), ...closing] };
}
