/**
 * The weak signs of an announcement (src/core/detection/plain-signs.ts): what each is, and that a
 * message that asks or speaks to or of a person gives none.
 */
import { describe, expect, it } from 'vitest';
import { addressOf } from '../../src/core/detection/address.js';
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

  it('reads a quantifier heading its clause as the subject of a rule, not "any idea" or "no joy"', () => {
    expect(plainSigns(tokens('Any refund over 200 euros needs a supervisor to sign it off.'))).toEqual(['quantified']);
    expect(plainSigns(tokens('No reversing down Mill Lane.'))).toEqual(['quantified']);
    expect(plainSigns(tokens('any idea how to mount it'))).toEqual([]);
    expect(plainSigns(tokens('no joy on killing and restarting'))).toEqual([]);
  });

  it('opens for a message addressed to a group, which may then speak to it', () => {
    const text = 'Drivers: keys go back in the locker at the end of your duty';
    const addressed = addressOf(text)?.words ?? 0;
    expect(addressed).toBe(1);
    expect(plainSigns(tokens(text))).toBeUndefined();
    expect(plainSigns(tokens(text), addressed)).toEqual(['motion', 'address']);
    expect(plainlyAnnounced(tokens('Lunchtime supervisors, kids with inhalers sit at the front'), false, 2)).toBe(true);
    expect(plainSigns(tokens('Drivers: can you check the tyres?'), 1)).toBeUndefined();
  });
});

describe('a duty stated in the present', () => {
  it('reads a role in the plural and a verb in its plain form heading a clause', () => {
    expect(plainSigns(tokens('Carers sign the chart at the time the dose is given.'))).toEqual(['duty']);
    expect(plainlyAnnounced(tokens('Floor staff wipe down the racks every hour'), false)).toBe(true);
  });

  it('is not an auxiliary, a verb with -s or -ed, or a negation', () => {
    for (const text of ['Users are asking for it', 'Developers wanted the old API', 'The users do not have to fill it in'])
      expect(plainSigns(tokens(text))).not.toContain('duty');
  });
});

describe('an address to a group', () => {
  it('finds a role or a group at the start, with the words it takes', () => {
    expect(addressOf('Bin crews: no reversing down Mill Lane.')).toEqual({ words: 2, address: 'Bin crews:' });
    expect(addressOf('Agents — any call over 20 minutes gets a note')?.address).toBe('Agents —');
    expect(addressOf('Team, the rota is up')?.words).toBe(1);
  });

  it('is not a chat nick, a greeting or a thank-you', () => {
    for (const text of [
      'Seveas, check the link',
      'eepberries: yes it shows all partitions',
      '@administrador open disks, go to your usb',
      'Thanks, that works',
    ])
      expect(addressOf(text)).toBeUndefined();
  });
});
