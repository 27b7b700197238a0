/**
 * Weak signs of an announcement made without any of the rules' cues or the model's gate words:
 * a state change ("Kenyan goes on the filter menu", "the baby room relocates upstairs"), the
 * wording of a rule ("every", "only", "shall", "no longer", "full stop"), a choice ("plumped
 * for", "Grenache it is"), a time (a month, a year, "as of", "come the"), a word for approving,
 * settling or stopping something, the passive of a change ("is being retired", "has been
 * dropped"). Each is an everyday sign in chat on its own ("it only works on …", "go to settings"),
 * so the model's gate opens (features.ts) only for two different signs in a message that neither
 * asks nor speaks to or of a person ("you", "I", "can", "?"): measured by leave-one-batch-out
 * cross-validation, one sign alone doubled the firing rate on technical chat.
 *
 * One pass over the words, on the messages nothing else opened the gate for (most of ordinary
 * chat), with one look-up per word.
 */
import { CHANGING, MONTHS } from './word-classes.js';
import type { Tokens } from './word-features.js';

export type PlainSign = 'change' | 'rule' | 'choice' | 'time' | 'passive' | 'motion';

// What a word can do, as bits. The main pass looks up each word once in HEADS (the words that
// start a sign, and those that speak of a person); the words around a head are looked up in
// NEIGHBOURS only then. It runs on most messages of ordinary chat, so it must cost little.
const PERSONAL = 1; // addressed to or about a person, or weighing: "you can run it …", "I only have …"
const CHANGE = 2; // a verb of a new arrangement: "relocates", "goes", "stays"
const RULE = 4; // "every", "only", "shall", "anymore"
const CHOOSING = 8; // before "for": "plumped for", "went for"
const MONTH = 16;
const MOTION = 32; // before a particle: "goes into", "comes off", "stay in"
const PAIRED = 64; // a sign with a neighbour: "no longer", "full stop", "are not to", "as of", "start of"
const PARTICLE = 1; // after a verb of motion
const DETERMINER = 2; // "the only way" is not a rule; "X-rays only leave by the secure link" is
const AUXILIARY = 4; // "is being retired", "has been dropped"; not "focused only on"

const HEADS = new Map<string, number>();
const NEIGHBOURS = new Map<string, number>();
const give = (map: Map<string, number>, role: number, words: Iterable<string>) => {
  for (const word of words) map.set(word, (map.get(word) ?? 0) | role);
};
give(HEADS, PERSONAL, ['you', 'your', "you're", 'i', "i'm", 'im', 'can', 'could', 'should', 'would', 'might', 'may', 'if', 'try', '?']);
give(HEADS, CHANGE, CHANGING);
give(HEADS, RULE, ['every', 'only', 'shall', 'anymore']);
give(HEADS, CHOOSING, ['went', 'go', 'going', 'plumped', 'plump', 'opted', 'opting']);
give(HEADS, MONTH, MONTHS);
give(HEADS, MOTION, ['go', 'goes', 'stay', 'stays', 'move', 'moves', 'come', 'comes', 'get', 'gets', 'keep', 'keeps']);
give(HEADS, PAIRED, ['longer', 'more', 'stop', 'not', 'as', 'start']);
give(NEIGHBOURS, PARTICLE, ['on', 'off', 'to', 'into', 'in', 'at', 'through', 'via', 'under', 'back', 'out', 'up', 'down', 'past']);
give(NEIGHBOURS, DETERMINER, ['the', 'an', 'my', 'our', 'your', 'their', 'his', 'her', 'its', 'one']);
give(NEIGHBOURS, AUXILIARY, ['is', 'are', 'has', 'have']);

const neighbour = (word: string | undefined) => (word === undefined ? 0 : (NEIGHBOURS.get(word) ?? 0));
/** "2025": a year of planning. */
const isYear = (word: string) => word.length === 4 && word.startsWith('20') && word.charCodeAt(2) >= 50 && word.charCodeAt(2) <= 51;

const SIGNS: readonly PlainSign[] = ['change', 'rule', 'choice', 'time', 'passive', 'motion'];
// Each sign's bit: 1 << its index in SIGNS.
const CHANGE_SIGN = 1;
const RULE_SIGN = 2;
const CHOICE_SIGN = 4;
const TIME_SIGN = 8;
const PASSIVE_SIGN = 16;
const MOTION_SIGN = 32;

/** The signs (as bits of SIGNS) a head word at `i` of a clause gives ("goes into": a change and a motion). */
function signsAt(clause: readonly string[], i: number, word: string, role: number): number {
  const before = clause[i - 1];
  const after = clause[i + 1];
  let signs = 0;
  if (role & CHANGE) signs |= CHANGE_SIGN;
  if (role & RULE && !(word === 'only' && neighbour(before) & DETERMINER)) signs |= RULE_SIGN;
  if (role & CHOOSING && after === 'for') signs |= CHOICE_SIGN;
  if (role & MONTH) signs |= TIME_SIGN;
  if (role & MOTION && neighbour(after) & PARTICLE) signs |= MOTION_SIGN;
  if (role & PAIRED) {
    // "no longer", "any more", "full stop", "are not to"; "as of", "start of"; "come the".
    if ((word === 'longer' || word === 'more') && (before === 'no' || before === 'any')) signs |= RULE_SIGN;
    if (word === 'stop' && before === 'full') signs |= RULE_SIGN;
    if (word === 'not' && after === 'to' && (before === 'are' || before === 'is')) signs |= RULE_SIGN;
    if ((word === 'as' || word === 'start') && after === 'of') signs |= TIME_SIGN;
  }
  if (word === 'come' && after === 'the') signs |= TIME_SIGN;
  return signs;
}

/** The signs of a message as bits of SIGNS, or -1 when it asks or speaks of a person. */
function signBits(tokens: Tokens): number {
  let signs = 0;
  for (const clause of tokens)
    for (let i = 0; i < clause.length; i += 1) {
      const word = clause[i] ?? '';
      const role = HEADS.get(word);
      if (role !== undefined) {
        if (role & PERSONAL) return -1;
        signs |= signsAt(clause, i, word, role);
      } else if (isYear(word)) signs |= TIME_SIGN;
      else if (word.endsWith('ed') && (clause[i - 1] === 'being' || clause[i - 1] === 'been') && neighbour(clause[i - 2]) & AUXILIARY)
        signs |= PASSIVE_SIGN;
      // "Grenache it is": a verdict at the end of a clause.
      else if (word === 'is' && i === clause.length - 1 && clause[i - 1] === 'it') signs |= CHOICE_SIGN;
    }
  return signs;
}

/** The kinds of weak sign in the message, each once; undefined when it asks or speaks of a person. */
export function plainSigns(tokens: Tokens): PlainSign[] | undefined {
  const signs = signBits(tokens);
  return signs < 0 ? undefined : SIGNS.filter((_, index) => signs & (1 << index));
}

/** How many bits are set. */
function count(bits: number): number {
  let n = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) n += 1;
  return n;
}

/**
 * Two different weak signs in a message that neither asks nor speaks of a person: enough for the
 * model to be asked. `settling`: the message has a word for approving, settling or stopping
 * something (a word class of word-classes.ts), which counts as one sign.
 */
export function plainlyAnnounced(tokens: Tokens, settling: boolean): boolean {
  const signs = signBits(tokens);
  return signs >= 0 && count(signs) + (settling ? 1 : 0) >= 2;
}
