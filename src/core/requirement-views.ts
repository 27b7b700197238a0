/**
 * Presenters for the requirements register: a requirement saved, shown, listed, reviewed or
 * reassigned. Pure, like the other views: every text a user typed goes in as `{ user }`.
 */
import type { Requirement, RequirementReview } from './domain/requirement.js';
import type { AppliedDefault } from './domain/requirement-input.js';
import type { PersonRef } from './domain/shared.js';
import { type Block, type Inline, type Message, messageOf, userText } from './messages.js';
import { truncate } from './truncate.js';
import { person, words } from './view-parts.js';
import { plural } from './wording.js';

/** Lists longer than this are cut, with a line saying how many more there are. */
export const MAX_LIST_ITEMS = 20;

const message = messageOf;
function requirementFields(requirement: Requirement): Block {
  return {
    kind: 'fields',
    items: [
      ['Customer', [userText(requirement.customer)]],
      [
        'Type',
        [requirement.type + (requirement.reference ? ' — ' : ''), ...(requirement.reference ? [userText(requirement.reference)] : [])],
      ],
      ['Category', [requirement.category]],
      ['Status', [words(requirement.status)]],
      ['Owner', person(requirement.owner)],
      ['Next review', [`${requirement.nextReviewOn} (every ${requirement.reviewIntervalDays} days)`]],
      ['Horizon', [requirement.horizon]],
      ...(requirement.knowledgeIds?.length ? [['Customer knowledge', [requirement.knowledgeIds.join(', ')]] as const] : []),
      ...(requirement.checkRefs?.length ? [['Decisions', [requirement.checkRefs.join(', ')]] as const] : []),
      ...(requirement.source
        ? [
            [
              'Source',
              requirement.source.link
                ? [{ link: requirement.source.link, label: requirement.source.text ?? requirement.source.link }]
                : [userText(requirement.source.text ?? '')],
            ] as const,
          ]
        : []),
    ],
  };
}

/** What to do next with a saved requirement, in chat. The command line passes its own (it cannot edit). */
export const changeInChatHint = (id: string): string =>
  `Change it with "{requirement} edit ${id} …"; review it with "{requirement} review ${id}".`;

/**
 * The confirmation of a saved requirement. `defaults` are the values the bot chose because none
 * were given: each is named, with the command that changes them, so nothing is applied silently.
 */
export function requirementSaved(
  requirement: Requirement,
  verb: 'Recorded' | 'Updated' | 'Reassigned',
  defaults: readonly AppliedDefault[] = [],
  next: string = changeInChatHint(requirement.id),
): Message {
  const change = defaults.map((applied) => `${applied.option}:…`).join(' ');
  return message([
    { kind: 'text', parts: [`${verb} *${requirement.id}*: `, userText(requirement.statement)] },
    requirementFields(requirement),
    ...(defaults.length
      ? [
          {
            kind: 'text' as const,
            parts: [
              `I used ${defaults.length === 1 ? 'this default' : 'these defaults'}, because you did not give ${defaults.length === 1 ? 'it' : 'them'}: ${defaults
                .map((applied) => `${applied.option} ${applied.value}`)
                .join(', ')}. Change ${defaults.length === 1 ? 'it' : 'them'} with \`{requirement} edit ${requirement.id} ${change}\`.`,
            ],
          },
        ]
      : []),
    { kind: 'context', parts: [next] },
  ]);
}

/**
 * A requirement that is already recorded: the one to look at, and how to record a second one
 * anyway (a button when the command fits on one, and always by typing).
 */
export function duplicateRequirement(existing: Requirement, confirmCommand?: string): Message {
  return message([
    {
      kind: 'text',
      parts: [
        `*${existing.id}* already records this for `,
        userText(existing.customer),
        ': ',
        userText(existing.statement.length > 300 ? `${existing.statement.slice(0, 299)}…` : existing.statement),
        '. I did not record it a second time.',
      ],
    },
    {
      kind: 'context',
      parts: [
        `See it with "{requirement} show ${existing.id}". If you do mean a second, separate requirement, ${
          confirmCommand ? 'click *Record anyway*, or ' : ''
        }give the same command again with duplicate:ok at the end.`,
      ],
    },
    ...(confirmCommand
      ? [
          {
            kind: 'actions' as const,
            buttons: [{ label: 'Record anyway', action: { kind: 'command.confirm' as const, command: confirmCommand } }],
          },
        ]
      : []),
  ]);
}

/** Where a review was reported: the digest that listed it, and whether management reviewed that digest. */
function reportedIn(reports: readonly { readonly sentAt: string; readonly reviewedAt?: string }[] | undefined): Inline[] {
  const first = reports?.[0];
  if (!first) return [];
  return [
    ` — reported in the digest sent ${first.sentAt.slice(0, 10)}${first.reviewedAt ? `, reviewed by management ${first.reviewedAt.slice(0, 10)}` : ''}`,
  ];
}

export function requirementDetail(
  requirement: Requirement,
  reviews: readonly RequirementReview[],
  sources: readonly Block[] = [],
  digests: ReadonlyMap<string, readonly { readonly sentAt: string; readonly reviewedAt?: string }[]> = new Map(),
): Message {
  const history: Block[] = reviews.length
    ? [
        {
          kind: 'list',
          items: reviews
            .slice(-MAX_LIST_ITEMS)
            .map((review) => [
              `${review.at.slice(0, 10)} ${words(review.outcome)} by `,
              { person: review.by },
              ...(review.note ? [': ', userText(review.note)] : []),
              ...reportedIn(digests.get(review.id)),
            ]),
        },
      ]
    : [{ kind: 'context', parts: ['Not reviewed yet.'] }];
  return message([
    { kind: 'heading', text: requirement.id },
    { kind: 'text', parts: [userText(requirement.statement)] },
    requirementFields(requirement),
    ...sources,
    { kind: 'text', parts: ['*Reviews*'] },
    ...history,
    {
      kind: 'context',
      parts: [
        'Created ',
        requirement.createdAt.slice(0, 10),
        ' by ',
        { person: requirement.createdBy },
        '; last changed ',
        requirement.updatedAt.slice(0, 10),
        ' by ',
        { person: requirement.updatedBy },
      ],
    },
  ]);
}

export interface RequirementListOptions {
  /** Words after the count: "due for review". */
  readonly qualifier?: string;
  readonly page?: number;
  /** A filter was given: an empty list then means "none match", not "the register is empty". */
  readonly filtered?: boolean;
}

/** One page of a list; the last line says how to see the next page. */
export function requirementList(requirements: readonly Requirement[], options: RequirementListOptions = {}): Message {
  const { qualifier, page = 1, filtered = false } = options;
  const what = (n: number) => `${plural(n, 'requirement')}${qualifier ? ` ${qualifier}` : ''}`;
  if (requirements.length === 0) {
    return message([
      {
        kind: 'text',
        parts: [
          filtered || qualifier
            ? `No requirement${qualifier ? ` ${qualifier}` : ''} matches this filter. Without a filter, "{requirement} list" shows the whole register.`
            : 'The register is empty. Add the first requirement with "{requirement} add <statement>".',
        ],
      },
    ]);
  }
  const pages = Math.ceil(requirements.length / MAX_LIST_ITEMS);
  const current = Math.min(Math.max(1, page), pages);
  const shown = requirements.slice((current - 1) * MAX_LIST_ITEMS, current * MAX_LIST_ITEMS);
  return message([
    { kind: 'heading', text: `${what(requirements.length)}${pages > 1 ? ` (page ${current} of ${pages})` : ''}` },
    {
      kind: 'list',
      items: shown.map((requirement) => [
        `*${requirement.id}* [${requirement.type}, ${requirement.category}, ${words(requirement.status)}] `,
        userText(truncate(requirement.statement, 150)),
        ' — ',
        userText(requirement.customer),
        ', owner ',
        ...person(requirement.owner),
        `, review ${requirement.nextReviewOn}`,
      ]),
    },
    ...(current < pages
      ? [
          {
            kind: 'context' as const,
            parts: [
              `Next page: add page:${current + 1} to the same command. Narrow the list with a filter such as status:at_risk or owner:@someone.`,
            ],
          },
        ]
      : []),
  ]);
}

/** What a review found, as a person would say it. */
const REVIEW_FINDINGS: Record<RequirementReview['outcome'], string> = {
  still_valid: 'it still holds as written',
  met: 'it is met',
  at_risk: 'it is at risk',
  not_met: 'it is not met',
  retire: 'it no longer applies, so it is retired',
};

export function reviewRecorded(requirement: Requirement, review: RequirementReview): Message {
  const next = requirement.status === 'retired' ? 'It will not be reviewed again.' : `Next review on ${requirement.nextReviewOn}.`;
  return message([
    {
      kind: 'text',
      parts: [`Your review of *${requirement.id}* is recorded: ${REVIEW_FINDINGS[review.outcome]}. ${next}`],
    },
  ]);
}

export function ownersReassigned(moved: readonly Requirement[], to: PersonRef): Message {
  return message([
    {
      kind: 'text',
      parts: [`Moved ${plural(moved.length, 'requirement')} to `, { person: to }, `: ${moved.map((r) => r.id).join(', ')}.`],
    },
  ]);
}
