/** Core rules behind issue 16, items 6, 9 and 10: defaults, people, past dates, all errors at once. */
import { describe, expect, it } from 'vitest';
import { InvalidFields } from '../../src/core/domain/field-checks.js';
import { parsePerson } from '../../src/core/domain/person.js';
import { defaultsApplied, requirementValuesForCreate } from '../../src/core/domain/requirement-input.js';
import { DomainError } from '../../src/core/errors.js';

const ACTOR_IDS: Record<string, string> = { 'slack:T1': 'U0DANA', 'teams:t1': '29:dana', local: 'local:dana' };
const actorIn = (workspaceId: string) => ({ id: ACTOR_IDS[workspaceId] ?? 'cli:operator', name: 'Dana', workspaceId });
const slack = actorIn('slack:T1');

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('people', () => {
  it.each([
    ['slack:T1', '<@U0123ABCD|kim>', { id: 'U0123ABCD', name: 'kim' }],
    ['slack:T1', 'W0123ABCD', { id: 'W0123ABCD' }],
    ['teams:t1', '<@29:1abc|Kim>', { id: '29:1abc', name: 'Kim' }],
    ['teams:t1', '0b5d2f3a-1c4e-4f6a-9b8d-2e7c5a1f3d90', { id: '0b5d2f3a-1c4e-4f6a-9b8d-2e7c5a1f3d90' }],
    ['local', 'local:kim', { id: 'local:kim' }],
    ['local', 'me', { id: 'local:dana', name: 'Dana' }],
  ])('in %s, %s is a person', (workspaceId, raw, expected) => {
    expect(parsePerson(raw, actorIn(workspaceId), 'owner')).toEqual(expected);
  });

  it.each([
    ['slack:T1', '@kim'],
    ['slack:T1', 'kim'],
    ['slack:T1', '<@29:1abc>'], // a Teams id is nobody in a Slack workspace
    ['teams:t1', 'U0123ABCD'],
    ['local', 'kim'],
    ['slack:T1', 'kim@example.com'],
  ])('in %s, %s is refused with a hint, never kept as a name', (workspaceId, raw) => {
    const error = refusal(() => parsePerson(raw, actorIn(workspaceId), 'owner'));
    expect(error.field).toBe('owner');
    expect(error.message).toMatch(/Mention them with @/);
  });

  it('"me" at the command line is nobody of the workspace', () => {
    expect(refusal(() => parsePerson('me', { id: 'cli:operator', workspaceId: 'local' }, 'owner')).message).toContain(
      'here is you at the command line',
    );
  });

  it('a lookup (list filter, "reassign from") may still name a person recorded by name before owners were checked', () => {
    expect(parsePerson('@kim', slack, 'owner', { lookup: true })).toEqual({ name: 'kim' });
  });
});

describe('requirement fields', () => {
  it('names the defaults a new requirement gets', () => {
    expect(defaultsApplied({ statement: 'x', customer: 'Acme', review: '' })).toEqual([
      { option: 'type', value: 'stated' },
      { option: 'category', value: 'other' },
      { option: 'horizon', value: 'current' },
      { option: 'review', value: 'every 90 days' },
    ]);
  });

  it('refuses every bad field at once, each with its field', () => {
    const error = refusal(() =>
      requirementValuesForCreate(
        { statement: ' ', type: 'wished', category: 'food', owner: 'kim', review: '2020-01-01', link: 'file:///etc' },
        slack,
        '2026-12-06',
      ),
    );
    expect(error).toBeInstanceOf(InvalidFields);
    expect((error as InvalidFields).problems.map((problem) => problem.field)).toEqual([
      'statement',
      'type',
      'category',
      'owner',
      'review',
      'link',
    ]);
    expect(error.message).toMatch(/^There are 6 things to fix:\n• The requirement needs a statement/);
    expect(error.message).toContain('The review date 2020-01-01 is in the past');
  });

  it('one mistake is refused as it is', () => {
    const error = refusal(() => requirementValuesForCreate({ statement: 'x', review: '2027-01-01' }, slack, '2026-12-06'));
    expect(error).not.toBeInstanceOf(InvalidFields);
    expect(error.message).toMatch(/^"2027-01-01" is a date\. review: says how often to review/);
  });
});
