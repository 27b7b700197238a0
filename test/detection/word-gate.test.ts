/**
 * Word gates (src/core/detection/word-gate.ts): the words an expression needs are read from its
 * source, and a gated expression answers exactly as the expression itself, only without running
 * it on a text that lacks those words.
 */
import { describe, expect, it } from 'vitest';
import { wordsNeeded } from '../../src/core/detection/regex-words.js';
import { gated, shareWords } from '../../src/core/detection/word-gate.js';

describe('the words an expression needs', () => {
  // A need is a choice of conjunctions of word sets: "word$" is that whole word, "word" any word it starts.
  it('are the words its alternatives are, plural endings and all; a phrase needs all its words', () => {
    expect(wordsNeeded(/\b(?:prices?|pricing|free tier)\b/)).toEqual([
      [[['price$', 'prices$', 'pricing$']], [['free$'], ['tier$']]],
      [[['free$', 'price$', 'prices$', 'pricing$']]],
    ]);
  });

  it('keep a prefix once: "decid" covers "decided"', () => {
    expect(wordsNeeded(/\b(?:decid|decided|agree)/)).toEqual([[[['agree', 'decid']]]]);
  });

  it('include every word a sequence needs, the longest words first', () => {
    expect(wordsNeeded(/\bit (?:is |was )?(decided|agreed)\b/)).toEqual([
      [[['agreed$', 'decided$']]],
      [[['it$']]],
      [[['agreed$', 'decided$', 'is$', 'was$']]],
    ]);
  });

  it('start a word only at a word boundary: "decision" alone may sit inside "indecision"', () => {
    expect(wordsNeeded(/decision/)).toEqual([]);
    expect(wordsNeeded(/(?:^|\s)decision/)).toEqual([[[['decision']]]]);
  });

  it('come from the first letters of a number or a small class', () => {
    expect(wordsNeeded(/\bq[1-4]\b|\b\d{1,2}(?:st|th)\b/)).toEqual([
      [[['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'q1', 'q2', 'q3', 'q4']]],
    ]);
  });

  it('keep the words of a branch together: "the 3rd" needs "the" and a number', () => {
    expect(wordsNeeded(/\bthe \d{1,2}(?:st|th)\b|\bq[1-4]\b/)).toEqual([
      [[['q1', 'q2', 'q3', 'q4']], [['the$'], ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']]],
    ]);
  });

  it('are none when a match may start with any word, or case does not matter', () => {
    expect(wordsNeeded(/\b[a-z]+ing\b/)).toEqual([]);
    expect(wordsNeeded(/\bdecided\b/i)).toEqual([]);
    expect(wordsNeeded(/[{}=]|::/)).toEqual([]);
  });
});

describe('a gated expression', () => {
  const texts = [
    'we decided to go with option b',
    'did we decide?',
    'decision: the free tier is capped at 3 seats from q3',
    'the 1st of june',
    'Pricing changes',
    'indecision is a decision too',
    'see you on the 3rd',
    'the third',
    'sure /s',
    'sure /sarcasm lol',
    'is',
    '',
  ];
  const expressions = [
    /\b(?:prices?|pricing|free tier)\b/,
    /\bit (?:is |was )?(decided|agreed)\b/,
    /\bq[1-4]\b|\b\d{1,2}(?:st|th)\b/,
    /decision/,
    /(?:^|\s)decision/,
    /\bwe (?:decided|agreed) to (\w+)/,
    /\bthe \d{1,2}(?:st|th)\b|\bq[1-4]\b/,
    /(?:^|\s)\/s\b|\blol\b/,
  ];

  it('answers exec and test exactly as the expression does', () => {
    for (const expression of expressions) {
      const gate = gated(expression);
      for (const text of texts) {
        expect(gate.exec(text)).toEqual(expression.exec(text));
        expect(gate.test(text)).toBe(expression.test(text));
      }
    }
  });

  it('finds every match of a global expression, as matchAll does, empty matches included', () => {
    for (const expression of [/\b(?:decided|agreed)\b/g, /\b(?:we|x*)/g, /(?:😂|)/gu]) {
      const gate = gated(expression);
      for (const text of [...texts, 'we decided, we agreed 😂 and decided']) {
        expect(gate.matchAll(text).map((match) => [match.index, match[0]])).toEqual(
          [...text.matchAll(expression)].map((match) => [match.index, match[0]]),
        );
      }
    }
  });

  it('finds the words of a gate made after others, even when the trie already had them', () => {
    const first = gated(/\bdecided\b/);
    expect(first.test('we decided')).toBe(true);
    // "deci" is already in the trie: the new need must still be found there.
    const second = gated(/\bdeci/);
    expect(second.test('we decided')).toBe(true);
    expect(second.test('we agreed')).toBe(false);
  });

  it('reads a message once for its clauses, and still answers for each clause', () => {
    const gate = gated(/\bgoing with\b/);
    const message = 'ok team.\ngoing with option b';
    shareWords(message, ['ok team.', 'going with option b']);
    expect(gate.test('ok team.')).toBe(false);
    expect(gate.test('going with option b')).toBe(true);
  });
});
