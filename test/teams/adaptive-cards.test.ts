import { describe, expect, it } from 'vitest';
import { WJ, teamsCheck } from '../support/teams/fixtures.js';
import {
  LIMITS,
  escapeCardText,
  inlineToCardText,
  ownText,
  toAdaptiveCard,
  toTeamsMessage,
} from '../../src/adapters/teams/adaptive-cards.js';
import type { ImpactAnswer } from '../../src/core/domain/decision-check.js';
import type { Requirement } from '../../src/core/domain/requirement.js';
import type { Message } from '../../src/core/messages.js';
import { decisionPrompt, requirementList } from '../../src/core/views.js';

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

const check = teamsCheck();

const answer: ImpactAnswer = {
  workspaceId: 'teams:t1',
  checkId: 'c1',
  id: 'a1',
  impact: 'negative',
  affectedCustomers: [],
  requirementIds: [],
  explanation: 'Small shops lose access',
  by: { id: '29:u2', name: 'Bo' },
  at: '2026-11-24T09:05:00.000Z',
};

const requirement: Requirement = {
  workspaceId: 'teams:t1',
  id: 'REQ-1',
  number: 1,
  statement: 'Invoices in NOK',
  customer: 'Acme AS',
  type: 'stated',
  category: 'price',
  horizon: 'current',
  owner: { id: '29:u1', name: 'Ann' },
  status: 'at_risk',
  reviewIntervalDays: 90,
  nextReviewOn: '2027-02-22',
  createdBy: { id: '29:u1' },
  createdAt: '2026-11-24T09:00:00.000Z',
  updatedBy: { id: '29:u1' },
  updatedAt: '2026-11-24T09:00:00.000Z',
  version: 1,
};

const answerButton = (title: string, impact: string) => ({
  type: 'Action.Submit',
  title,
  data: { cfbAction: 'check.answer', checkId: 'c1', impact },
});

describe('Adaptive Card rendering: representative messages', () => {
  it('renders the decision prompt with one answer exactly', () => {
    expect(toTeamsMessage(decisionPrompt(check, [answer]))).toEqual({
      text: 'How does this decision affect customers?',
      card: {
        type: 'AdaptiveCard',
        $schema: SCHEMA,
        version: '1.5',
        body: [
          { type: 'TextBlock', text: '**How does this decision affect customers?**', wrap: true },
          {
            type: 'Container',
            items: [{ type: 'TextBlock', text: '• Bo: Negative — Small shops lose access', wrap: true, spacing: 'Small' }],
          },
          {
            type: 'ActionSet',
            actions: [
              answerButton('Positive', 'positive'),
              answerButton('Negative', 'negative'),
              answerButton('No impact', 'none'),
              answerButton('Not sure', 'unknown'),
              { type: 'Action.Submit', title: 'Add details', data: { cfbAction: 'check.details', checkId: 'c1' }, style: 'positive' },
            ],
          },
          { type: 'TextBlock', text: 'Answers are kept as ISO 9001 evidence (5.1.2, 8.5.6).', wrap: true, isSubtle: true, size: 'Small' },
        ],
        msteams: { width: 'Full' },
      },
    });
  });

  it('gives the unanswered prompt a quiet "Not a decision" button with no style', () => {
    const { body } = toAdaptiveCard(decisionPrompt(check, []));
    const actionSet = body.find((element) => element.type === 'ActionSet') as { actions: Record<string, unknown>[] };
    expect(actionSet.actions).toHaveLength(6);
    expect(actionSet.actions[5]).toEqual({
      type: 'Action.Submit',
      title: 'Not a decision',
      data: { cfbAction: 'check.dismiss', checkId: 'c1' },
    });
  });

  it('renders a requirement list exactly', () => {
    const second: Requirement = {
      ...requirement,
      id: 'REQ-2',
      statement: 'Deliveries before 10:00',
      customer: 'Small shops',
      owner: undefined,
      status: 'open',
    };
    expect(toAdaptiveCard(requirementList([requirement, second]))).toEqual({
      type: 'AdaptiveCard',
      $schema: SCHEMA,
      version: '1.5',
      body: [
        { type: 'TextBlock', text: '2 requirements', wrap: true, weight: 'Bolder', size: 'Medium' },
        {
          type: 'Container',
          items: [
            {
              type: 'TextBlock',
              text: '• **REQ-1** \\[stated, price, at risk\\] Invoices in NOK — Acme AS, owner Ann, review 2027-02-22',
              wrap: true,
              spacing: 'Small',
            },
            {
              type: 'TextBlock',
              text: '• **REQ-2** \\[stated, price, open\\] Deliveries before 10:00 — Small shops, owner nobody yet, review 2027-02-22',
              wrap: true,
              spacing: 'Small',
            },
          ],
        },
      ],
      msteams: { width: 'Full' },
    });
  });

  it('renders fields as a FactSet and a divider as a separator on the next element', () => {
    const message: Message = {
      fallback: 'f',
      blocks: [
        {
          kind: 'fields',
          items: [
            ['Owner', [{ person: { id: '29:u1', name: 'Ann' } }]],
            ['Channel', [{ channel: 'general' }]],
          ],
        },
        { kind: 'divider' },
        { kind: 'context', parts: ['Done.'] },
      ],
    };
    expect(toAdaptiveCard(message).body).toEqual([
      {
        type: 'FactSet',
        facts: [
          { title: 'Owner', value: 'Ann' },
          { title: 'Channel', value: '#general' },
        ],
      },
      { type: 'TextBlock', text: 'Done.', wrap: true, isSubtle: true, size: 'Small', separator: true, spacing: 'Medium' },
    ]);
  });

  it('maps danger to destructive and splits rows of more than six buttons into several sets', () => {
    const buttons = Array.from({ length: 8 }, (_, index) => ({
      label: `B${index}`,
      action: { kind: 'action.close' as const, actionId: `a${index}` },
      ...(index === 0 ? { style: 'danger' as const } : {}),
    }));
    const [element] = toAdaptiveCard({ fallback: 'f', blocks: [{ kind: 'actions', buttons }] }).body;
    const sets = (element as { type: string; items: { actions: Record<string, unknown>[] }[] }).items;
    expect(element?.type).toBe('Container');
    expect(sets.map((set) => set.actions.length)).toEqual([6, 2]);
    expect(sets[0]?.actions[0]).toMatchObject({ style: 'destructive', data: { cfbAction: 'action.close', actionId: 'a0' } });
  });
});

describe('Adaptive Card rendering: our own text', () => {
  it('turns *bold* into **bold**, spells commands the Teams way and keeps code spans', () => {
    expect(ownText('Use *{requirement} list* or `{check} <the decision>`')).toBe(
      `Use **requirement list** or \`check <${WJ}the decision>\``,
    );
    expect(ownText('`{focus}status` at_risk')).toBe('`status` at\\_risk');
    const message = toTeamsMessage({ fallback: 'Use *{requirement} list* <here>', blocks: [] });
    expect(message.text).toBe(`Use requirement list <${WJ}here>`);
  });

  it('doubles line breaks, because a single \\n in a TextBlock is only a space', () => {
    const [block] = toAdaptiveCard({ fallback: 'f', blocks: [{ kind: 'text', parts: ['one\ntwo\r\nthree'] }] }).body;
    expect(block).toMatchObject({ text: 'one\n\ntwo\n\nthree' });
  });
});

describe('Adaptive Card rendering: user text stays inert', () => {
  const rendered = (user: string): string => inlineToCardText([{ user }]);

  it('never lets <at> (or any tag or autolink) through', () => {
    expect(rendered('<at>Boss</at>')).toBe(`<${WJ}at\\>Boss<${WJ}/at\\>`);
    expect(rendered('<https://evil.example>')).toBe(`<${WJ}https://evil.example\\>`);
    expect(rendered('<b>x</b> &lt;at&gt;')).toBe(`<${WJ}b\\>x<${WJ}/b\\> &${WJ}lt;at&${WJ}gt;`);
    expect(
      JSON.stringify(toTeamsMessage({ fallback: '<at>Boss</at>', blocks: [{ kind: 'text', parts: [{ user: '<at>Boss</at>' }] }] })),
    ).not.toMatch(/<at>/);
  });

  it('makes markdown links, emphasis and Slack-style pings literal', () => {
    expect(rendered('[click](https://evil)')).toBe('\\[click\\]\\(https://evil\\)');
    expect(rendered('**bold** _it_ ~s~ `code`')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\~s\\~ \\`code\\`');
    expect(rendered('<!channel> <@U1>')).toBe(`<${WJ}\\!channel\\> <${WJ}@U1\\>`);
    expect(rendered('![img](https://x/y.png)')).toBe('\\!\\[img\\]\\(https://x/y.png\\)');
  });

  it('escapes line-start markers so a user cannot make lists, quotes or headings', () => {
    expect(rendered('- a\n+ b\n> c\n# d\n12. e')).toBe('\\- a\n\\+ b\n\\> c\n\\# d\n12\\. e');
    expect(rendered('a | b \\ c')).toBe('a \\| b \\\\ c');
    expect(rendered('{{DATE(2017-02-14T06:00:00Z, SHORT)}}')).toBe(`{${WJ}{DATE\\(2017-02-14T06:00:00Z, SHORT\\)}}`);
  });

  it('renders people as escaped names and links only for http(s), with the label escaped', () => {
    expect(inlineToCardText([{ person: { id: '29:x', name: '<at>Boss</at>' } }])).toBe(`<${WJ}at\\>Boss<${WJ}/at\\>`);
    expect(inlineToCardText([{ person: {} }])).toBe('someone');
    expect(inlineToCardText([{ link: 'https://example.com/a b(c)', label: 'the [contract]' }])).toBe(
      '[the \\[contract\\]](https://example.com/a%20b%28c%29)',
    );
    expect(inlineToCardText([{ link: 'javascript:alert(1)', label: 'x' }])).toBe('x');
    expect(inlineToCardText([{ link: 'not a url', label: 'y' }])).toBe('y');
  });

  it('escapeCardText leaves ordinary text alone', () => {
    expect(escapeCardText('Acme AS, 10:00 — ok.')).toBe('Acme AS, 10:00 — ok.');
  });
});

describe('Adaptive Card rendering: limits', () => {
  it('cuts a TextBlock at the limit with …, never leaving a dangling backslash', () => {
    const [block] = toAdaptiveCard({ fallback: 'f', blocks: [{ kind: 'text', parts: [{ user: 'x'.repeat(5000) }] }] }).body as {
      text: string;
    }[];
    expect(block?.text).toHaveLength(LIMITS.textBlock);
    expect(block?.text.endsWith('…')).toBe(true);
    const [escaped] = toAdaptiveCard({ fallback: 'f', blocks: [{ kind: 'text', parts: [{ user: '*'.repeat(5000) }] }] }).body as {
      text: string;
    }[];
    expect(escaped?.text.endsWith('\\*…')).toBe(true);
  });

  it('keeps at most 40 body elements, the last one saying there was more', () => {
    const many: Message = {
      fallback: 'f',
      blocks: Array.from({ length: 80 }, (_, index) => ({ kind: 'text' as const, parts: [`line ${index}`] })),
    };
    const { body } = toAdaptiveCard(many);
    expect(body).toHaveLength(LIMITS.bodyElements);
    expect(JSON.stringify(body.at(-1))).toContain('more than fits');
    expect(body.at(-2)).toMatchObject({ text: 'line 38' });
  });

  it('keeps the serialized card under the byte budget', () => {
    const big: Message = {
      fallback: 'f',
      blocks: Array.from({ length: 30 }, () => ({ kind: 'text' as const, parts: [{ user: 'ø'.repeat(3000) }] })),
    };
    const card = toAdaptiveCard(big);
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThanOrEqual(LIMITS.cardBytes);
    expect(card.body.length).toBeGreaterThan(1);
    expect(JSON.stringify(card.body.at(-1))).toContain('more than fits');
  });

  it('cuts the fallback text', () => {
    expect(toTeamsMessage({ fallback: 'y'.repeat(5000), blocks: [] }).text).toHaveLength(LIMITS.fallback);
  });
});
