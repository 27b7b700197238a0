/**
 * Presenters for customer knowledge and responsibilities (ISO 9001 5.1.2). Pure, like views.ts:
 * everything a person typed goes in as `{ user }` so the platform renderers escape it.
 */
import { type DecisionCheck, refOfCheck } from './domain/decision-check.js';
import { type KnowledgeRecord, knowledgeKindLabel } from './domain/knowledge.js';
import type { Requirement } from './domain/requirement.js';
import { type Responsibility, type ResponsibilityArea, areaLabel } from './domain/responsibility.js';
import type { ResponsibilityChange } from './use-cases/responsibilities.js';
import { type Block, type Inline, type Message, inlineToPlain, userText } from './messages.js';
import { MAX_LIST_ITEMS } from './views.js';

function message(blocks: Block[]): Message {
  const fallback = blocks
    .map((block) => (block.kind === 'heading' ? block.text : block.kind === 'text' ? inlineToPlain(block.parts) : ''))
    .filter(Boolean)
    .join(' — ');
  return { fallback, blocks };
}

const short = (text: string, max = 150): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Where the source can be read: its link (labelled with the file name when there is one), else the file name. */
function whereToRead(record: KnowledgeRecord): Inline[] {
  if (record.link) return [{ link: record.link, label: record.fileName ?? record.link }];
  return [userText(record.fileName ?? '')];
}

function knowledgeFields(record: KnowledgeRecord): Block {
  return {
    kind: 'fields',
    items: [
      ['Kind', [knowledgeKindLabel(record.kind)]],
      ['Date', [record.date]],
      ['Source', whereToRead(record)],
      ['Customers', record.customers ? [userText(record.customers)] : ['not said']],
      ['Horizon', [record.horizon]],
      ['Owner', record.owner ? [{ person: record.owner }] : ['nobody yet']],
    ],
  };
}

export function knowledgeRecorded(record: KnowledgeRecord): Message {
  return message([
    { kind: 'text', parts: [`Recorded *${record.id}* (${knowledgeKindLabel(record.kind)}): `, userText(record.title)] },
    knowledgeFields(record),
    ...(record.requirementIds.length
      ? [{ kind: 'context' as const, parts: [`Informed ${record.requirementIds.join(', ')}.`] }]
      : [
          {
            kind: 'context' as const,
            parts: [`Link it to the requirements it informed with "{requirement} edit REQ-… source:${record.id}".`],
          },
        ]),
  ]);
}

export function knowledgeDetail(record: KnowledgeRecord, requirements: readonly Requirement[]): Message {
  const informed: Block[] = requirements.length
    ? [
        {
          kind: 'list',
          items: requirements
            .slice(0, MAX_LIST_ITEMS)
            .map((requirement) => [
              `*${requirement.id}* [${requirement.status.replace(/_/g, ' ')}] `,
              userText(short(requirement.statement)),
            ]),
        },
      ]
    : [{ kind: 'context', parts: [`No requirement names it yet: "{requirement} edit REQ-… source:${record.id}" links one.`] }];
  return message([
    { kind: 'heading', text: `${record.id}: ${short(record.title, 120)}` },
    knowledgeFields(record),
    ...(record.summary ? [{ kind: 'text' as const, parts: ['*What it found:* ', userText(record.summary)] }] : []),
    { kind: 'text', parts: [`*Requirements it informed* (${requirements.length})`] },
    ...informed,
    { kind: 'context', parts: ['Recorded ', record.recordedAt.slice(0, 10), ' by ', { person: record.recordedBy }] },
  ]);
}

export function knowledgeList(records: readonly KnowledgeRecord[], kind?: string): Message {
  if (records.length === 0) {
    return message([
      {
        kind: 'text',
        parts: [
          `No customer knowledge${kind ? ` of kind ${kind}` : ''} recorded yet. Add some with "{knowledge} add <title> kind:… link:https://…".`,
        ],
      },
    ]);
  }
  return message([
    { kind: 'heading', text: `${records.length} customer-knowledge record${records.length === 1 ? '' : 's'}` },
    {
      kind: 'list',
      items: records
        .slice(0, MAX_LIST_ITEMS)
        .map((record) => [
          `*${record.id}* ${record.date} [${knowledgeKindLabel(record.kind)}, ${record.horizon}] `,
          userText(short(record.title)),
          ...(record.requirementIds.length ? [` — ${record.requirementIds.join(', ')}`] : []),
        ]),
    },
    ...(records.length > MAX_LIST_ITEMS
      ? [
          {
            kind: 'context' as const,
            parts: [`${records.length - MAX_LIST_ITEMS} more: narrow the list with a kind, e.g. "{knowledge} list market-research".`],
          },
        ]
      : []),
  ]);
}

/** A requirement's sources, for `{requirement} show`: knowledge records, decision checks and customer feedback. */
export function sourceLines(sources: {
  readonly knowledge: readonly KnowledgeRecord[];
  readonly checks?: readonly DecisionCheck[];
  readonly feedback: readonly {
    readonly id: string;
    readonly kind: string;
    readonly customer: string;
    readonly summary: string;
    readonly receivedAt: string;
  }[];
}): Block[] {
  const items: Inline[][] = [
    ...sources.knowledge.map((record): Inline[] => [
      `*${record.id}* ${knowledgeKindLabel(record.kind)}, ${record.date}: `,
      ...(record.link ? [{ link: record.link, label: short(record.title, 80) }] : [userText(short(record.title, 80))]),
    ]),
    ...(sources.checks ?? []).map((check): Inline[] => [
      `*${refOfCheck(check) ?? 'Decision'}* decision of ${check.startedAt.slice(0, 10)}: `,
      ...(check.place.permalink ? [{ link: check.place.permalink, label: short(check.text, 80) }] : [userText(short(check.text, 80))]),
    ]),
    ...sources.feedback.map((item): Inline[] => [
      `Customer ${item.kind} ${item.receivedAt.slice(0, 10)} from `,
      userText(item.customer),
      ': ',
      userText(short(item.summary, 80)),
    ]),
  ];
  return [
    { kind: 'text', parts: [`*Sources* (${items.length})`] },
    items.length
      ? { kind: 'list', items: items.slice(0, MAX_LIST_ITEMS) }
      : { kind: 'context', parts: ['No customer knowledge, decision or feedback names it yet: add one with source:K-3 or source:D-12.'] },
  ];
}

export function responsibilitySet(change: ResponsibilityChange): Message {
  const { area, responsibility, previous } = change;
  if (!responsibility) {
    return message([
      {
        kind: 'text',
        parts: [
          `Nobody is named for ${areaLabel(area)} any more`,
          ...(previous ? [' (before: ', { person: previous.person } as Inline, ')'] : []),
          '. Recorded as evidence; the digest flags the area until someone is named.',
        ],
      },
    ]);
  }
  return message([
    {
      kind: 'text',
      parts: [
        { person: responsibility.person },
        ` now determines customer requirements for ${areaLabel(responsibility.area)}`,
        ...(previous && previous.person.id !== responsibility.person.id ? [' (before: ', { person: previous.person } as Inline, ')'] : []),
        '. Recorded as evidence.',
      ],
    },
  ]);
}

export function responsibilityList(rows: readonly { area: ResponsibilityArea; responsibility?: Responsibility }[]): Message {
  const missing = rows.filter((row) => !row.responsibility).length;
  return message([
    { kind: 'heading', text: 'Who determines customer requirements' },
    {
      kind: 'list',
      items: rows.map((row): Inline[] =>
        row.responsibility
          ? [
              `${areaLabel(row.area)}: `,
              { person: row.responsibility.person },
              ` (set ${row.responsibility.setAt.slice(0, 10)} by `,
              { person: row.responsibility.setBy },
              ')',
            ]
          : [`${areaLabel(row.area)}: *nobody named*`],
      ),
    },
    ...(missing
      ? [{ kind: 'context' as const, parts: [`An admin names someone with "{focus}responsible category:delivery @someone".`] }]
      : []),
  ]);
}

/** One line for the register: who determines requirements per area, or that nobody is named. */
export function responsibleLine(rows: readonly { area: ResponsibilityArea; responsibility?: Responsibility }[]): Block {
  const parts: Inline[] = ['Responsible for determining requirements: '];
  rows.forEach((row, index) => {
    if (index > 0) parts.push('; ');
    parts.push(`${areaLabel(row.area)} `);
    parts.push(row.responsibility ? { person: row.responsibility.person } : 'nobody named');
  });
  return { kind: 'context', parts };
}
