import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_LENGTH, MAX_ID_LENGTH, decodeCardAction, encodeCardAction } from '../../src/adapters/teams/action-codec.js';
import type { CoreAction } from '../../src/core/messages.js';

describe('Teams action codec', () => {
  const actions: CoreAction[] = [
    { kind: 'check.answer', checkId: 'tabc', impact: 'positive' },
    { kind: 'check.answer', checkId: 'tabc', impact: 'negative' },
    { kind: 'check.answer', checkId: 'tabc', impact: 'none' },
    { kind: 'check.answer', checkId: 'tabc', impact: 'unknown' },
    { kind: 'check.details', checkId: 'tabc' },
    { kind: 'check.dismiss', checkId: 'tabc' },
    { kind: 'action.close', actionId: 'a1' },
    { kind: 'requirement.review', requirementId: 'REQ-3' },
    { kind: 'command.share', command: 'requirement list at_risk owner:@Ann "with quotes"' },
    { kind: 'command.confirm', command: 'requirement add "Invoices in NOK" customer:"Acme AS" duplicate:ok' },
  ];

  it.each(actions)('round-trips $kind', (action) => {
    const data = encodeCardAction(action);
    // Teams hands the data back as JSON in activity.value.
    expect(decodeCardAction(JSON.parse(JSON.stringify(data)))).toEqual(action);
  });

  it('writes a cfbAction discriminator and flat string fields', () => {
    expect(encodeCardAction({ kind: 'check.answer', checkId: 'c1', impact: 'none' })).toEqual({
      cfbAction: 'check.answer',
      checkId: 'c1',
      impact: 'none',
    });
    expect(encodeCardAction({ kind: 'requirement.review', requirementId: 'REQ-1' })).toEqual({
      cfbAction: 'requirement.review',
      requirementId: 'REQ-1',
    });
  });

  it.each([
    ['not an object', 'check.details'],
    ['null', null],
    ['an array', [{ cfbAction: 'check.details', checkId: 'c1' }]],
    ['no discriminator', { checkId: 'c1' }],
    ['an unknown kind', { cfbAction: 'check.delete', checkId: 'c1' }],
    ['a form submit', { cfbForm: 'check.answer', checkId: 'c1' }],
    ['an unknown impact', { cfbAction: 'check.answer', checkId: 'c1', impact: 'delighted' }],
    ['a missing field', { cfbAction: 'check.answer', checkId: 'c1' }],
    ['a wrong type', { cfbAction: 'check.details', checkId: 42 }],
    ['an empty id', { cfbAction: 'check.details', checkId: '' }],
    ['an extra key', { cfbAction: 'check.details', checkId: 'c1', admin: 'true' }],
    ['a field of another kind', { cfbAction: 'action.close', checkId: 'c1' }],
    ['an oversized id', { cfbAction: 'check.details', checkId: 'x'.repeat(MAX_ID_LENGTH + 1) }],
    ['an oversized command', { cfbAction: 'command.share', command: 'x'.repeat(MAX_COMMAND_LENGTH + 1) }],
    ['an oversized confirmed command', { cfbAction: 'command.confirm', command: 'x'.repeat(MAX_COMMAND_LENGTH + 1) }],
    ['a confirmed command with a control character', { cfbAction: 'command.confirm', command: 'requirement add x\u0000' }],
    ['a confirmed command with an extra key', { cfbAction: 'command.confirm', command: 'requirement add x', as: 'U1' }],
    ['a control character', { cfbAction: 'action.close', actionId: 'a1\n' }],
    ['an inherited discriminator', Object.create({ cfbAction: 'check.details', checkId: 'c1' }) as object],
  ])('refuses %s', (_, value) => {
    expect(decodeCardAction(value)).toBeUndefined();
  });

  it('accepts the longest values it allows', () => {
    expect(decodeCardAction({ cfbAction: 'check.details', checkId: 'x'.repeat(MAX_ID_LENGTH) })).toEqual({
      kind: 'check.details',
      checkId: 'x'.repeat(MAX_ID_LENGTH),
    });
    expect(decodeCardAction({ cfbAction: 'command.share', command: 'y'.repeat(MAX_COMMAND_LENGTH) })).toBeDefined();
  });
});
