/**
 * The weak signs of an announcement (src/core/detection/plain-signs.ts): what each is, and that a
 * message that asks or speaks to or of a person gives none.
 */
import { describe, expect, it } from 'vitest';
import { plainSigns, plainlyAnnounced } from '../../src/core/detection/plain-signs.js';
import { readByRules } from '../../src/core/detection/rules.js';
import { tokensOf } from '../../src/core/detection/word-features.js';

const tokens = (text: string) => tokensOf(readByRules(text, false).clauses);

describe('weak signs of an announcement', () => {
  it('reads a state change, a rule, a choice, a time and the passive of a change', () => {
    expect(plainSigns(tokens('Kenyan goes on the filter menu, Honduras comes off'))).toEqual(['change', 'motion']);
    expect(plainSigns(tokens('X-rays only leave the practice by the secure link'))).toEqual(['rule']);
    expect(plainSigns(tokens('plumped for the oak coffins'))).toEqual(['choice']);
    expect(plainSigns(tokens('Grenache it is'))).toEqual(['choice']);
    expect(plainSigns(tokens('fees stay flat through 2025'))).toContain('time');
    expect(plainSigns(tokens('The climbing wall is being retired.'))).toEqual(['passive']);
  });

  it('tells the adverb "only" from the adjective, and the passive from a participle', () => {
    expect(plainSigns(tokens('the only way to set data in that column'))).toEqual([]);
    expect(plainSigns(tokens('the channel is specific, being focused on support'))).toEqual([]);
  });

  it('gives none for a message that asks, advises or speaks of a person', () => {
    expect(plainSigns(tokens('ubuntu comes with bash by default, but you can get more shells'))).toBeUndefined();
    expect(plainSigns(tokens('does it go on the filter menu?'))).toBeUndefined();
    expect(plainSigns(tokens('I only have 1 option there'))).toBeUndefined();
  });

  it('asks the model only for two different signs, a settling word counting as one', () => {
    expect(plainlyAnnounced(tokens('Kenyan goes on the filter menu'), false)).toBe(true);
    expect(plainlyAnnounced(tokens('it only works in gutsy'), false)).toBe(false);
    expect(plainlyAnnounced(tokens('every rental gets photos'), false)).toBe(true);
    expect(plainlyAnnounced(tokens('every rental'), true)).toBe(true);
  });
});
