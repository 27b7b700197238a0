/**
 * Weak signs of an announcement made without any of the rules' cues or the model's gate words:
 * a state change ("Kenyan goes on the filter menu", "the baby room relocates upstairs"), the
 * wording of a rule ("every", "only", "shall", "no longer", "full stop"), a choice ("plumped
 * for", "Grenache it is"), a time (a month, a year, "as of", "come the"), a word for approving,
 * settling or stopping something, the passive of a change ("is being retired", "has been
 * dropped"), a quantifier heading a clause ("any refund over €200 needs …"); and the shapes of a
 * rule for staff, each enough alone: an address to a group ("Drivers: keys go back …", address.ts)
 * and a duty in the plain present ("Carers sign the chart …"), one of our bodies acting ("Board gave
 * … the boot", "Committee's knocked … on the head"), a rule that insists ("… No exceptions.", "…
 * Always.", "at all times") and a short choice closed by "then" ("So Asana then."). A decision
 * passed on ("Per Jonas …", "Word from above: …", "Exec team says …") is a weak sign. The others are everyday signs in
 * chat on their own ("it only works on …", "go to settings"), so the model's gate opens (evidence.ts) only for two different signs in a message that neither
 * asks nor speaks to or of a person ("you", "I", "can", "?"): measured by leave-one-batch-out
 * cross-validation, one sign alone doubled the firing rate on technical chat.
 *
 * One pass over the words, on the messages nothing else opened the gate for (most of ordinary
 * chat), with one look-up per word.
 */
import { MONTHS } from './time-words.js';
import { CHANGING } from './word-classes.js';
import type { Tokens } from './word-features.js';

export type PlainSign =
  | 'change'
  | 'rule'
  | 'choice'
  | 'time'
  | 'passive'
  | 'motion'
  | 'address'
  | 'quantified'
  | 'duty'
  | 'emphatic'
  | 'body'
  | 'report'
  | 'then';

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
// Spoken to: personal, except in a message addressed to a group, as rules for staff are
// ("Drivers: keys go back in the locker at the end of your duty").
const ADDRESSEE = 128;
// A quantifier heading its clause, the subject of a rule: "any refund over €200 needs …", "each
// job needs …", "nobody takes the van home"; "no" only before a verb's -ing ("no reversing").
const QUANTIFIER = 256;
const PARTICLE = 1; // after a verb of motion
const DETERMINER = 2; // "the only way" is not a rule; "X-rays only leave by the secure link" is
const AUXILIARY = 4; // "is being retired", "has been dropped"; not "focused only on"
const NOT_A_SUBJECT = 8;

const HEADS = new Map<string, number>();
const NEIGHBOURS = new Map<string, number>();
const give = (map: Map<string, number>, role: number, words: Iterable<string>) => {
  for (const word of words) map.set(word, (map.get(word) ?? 0) | role);
};
give(HEADS, ADDRESSEE, ['you', 'your', "you're"]);
give(HEADS, PERSONAL, ['i', "i'm", 'im', 'can', 'could', 'should', 'would', 'might', 'may', 'if', 'try', '?']);
give(HEADS, CHANGE, CHANGING);
give(HEADS, RULE, ['every', 'only', 'shall', 'anymore']);
give(HEADS, CHOOSING, ['went', 'go', 'going', 'plumped', 'plump', 'opted', 'opting']);
give(HEADS, MONTH, MONTHS);
give(HEADS, MOTION, ['go', 'goes', 'stay', 'stays', 'move', 'moves', 'come', 'comes', 'get', 'gets', 'keep', 'keeps', 'head', 'heads']);
give(HEADS, PAIRED, ['longer', 'more', 'stop', 'not', 'as', 'start', 'never', 'times']);
give(HEADS, QUANTIFIER, ['any', 'anything', 'each', 'nobody', 'no', 'every', 'everyone', 'everybody']);
give(NEIGHBOURS, PARTICLE, ['on', 'off', 'to', 'into', 'in', 'at', 'through', 'via', 'under', 'back', 'out', 'up', 'down', 'past']);
give(NEIGHBOURS, DETERMINER, ['the', 'an', 'my', 'our', 'your', 'their', 'his', 'her', 'its', 'one']);
give(NEIGHBOURS, AUXILIARY, ['is', 'are', 'has', 'have']);
// After a quantifier, words that make it no subject: "any idea", "any of", "each other", "no more".
give(NEIGHBOURS, NOT_A_SUBJECT, [
  'idea',
  'ideas',
  'of',
  'other',
  'more',
  'longer',
  'way',
  'one',
  'problem',
  'luck',
  'chance',
  'help',
  'else',
  'time',
  'now',
  'so',
  'once',
]);

const neighbour = (word: string | undefined) => (word === undefined ? 0 : (NEIGHBOURS.get(word) ?? 0));
/** "2025": a year of planning. */
const isYear = (word: string) => word.length === 4 && word.startsWith('20') && word.charCodeAt(2) >= 50 && word.charCodeAt(2) <= 51;

const SIGNS: readonly PlainSign[] = [
  'change',
  'rule',
  'choice',
  'time',
  'passive',
  'motion',
  'address',
  'quantified',
  'duty',
  'emphatic',
  'body',
  'report',
  'then',
];
// Each sign's bit: 1 << its index in SIGNS.
const SIGN = Object.fromEntries(SIGNS.map((sign, index) => [sign, 1 << index])) as Readonly<Record<PlainSign, number>>;
// Signs that open the gate alone (they count twice): each is the shape of an announcement.
const STRONG_SIGNS = SIGN.address | SIGN.duty | SIGN.emphatic | SIGN.body | SIGN.then;

// A clause that only insists, after a rule: "Wear gloves. No exceptions.", "… Always.", "Ever.".
const EMPHATIC_CLAUSES = new Set([
  'always',
  'ever',
  'never',
  'no exceptions',
  'no exception',
  'zero exceptions',
  'without exception',
  'no excuses',
  'non-negotiable',
  'period',
  'full stop',
  'every time',
  'at all times',
]);
const isEmphatic = (clause: readonly string[]) => clause.length <= 3 && EMPHATIC_CLAUSES.has(clause.join(' '));

// The organisation's own bodies and functions, which decide for it: "Board gave … the boot",
// "Committee's knocked … on the head", "Governors said yes to …", "The motion passed".
const BODIES = new Set(
  'board committee council governors trustees partners exec execs exco slt leadership management mgmt directors jury panel motion members owners founders senate steering procurement legal compliance finance hr ops design marketing sales product engineering hq ceo cfo coo cto md gm owner boss bosses'.split(
    ' ',
  ),
);
// After a body, what is its verb: a past form, or one of the verbs a body decides with.
const BODY_VERBS = new Set(
  'gave give gives put puts said says say made makes took takes got gets has have had spoke spoken went goes wants backs signs voted votes'.split(
    ' ',
  ),
);
const bodyAt = (word: string | undefined) =>
  word !== undefined && (BODIES.has(word) || (word.endsWith("'s") && BODIES.has(word.slice(0, -2))));
/** One of our bodies heading a clause (at most two words in), then its verb: "the band committee pulled it". */
function bodyActs(clause: readonly string[], start: number): boolean {
  for (let at = start; at <= start + 2 && at < clause.length; at += 1) {
    const word = clause[at];
    if (!bodyAt(word)) continue;
    const verb = clause[at + 1];
    if (verb === undefined) return false;
    return word?.endsWith("'s") === true || BODY_VERBS.has(verb) || (verb.endsWith('ed') && verb.length > 4);
  }
  return false;
}
// A decision told second-hand: "Per Jonas, we …", "Word from above: …", "Exec team says we …".
const REPORTERS = new Set(['says', 'said', 'confirms', 'confirmed']);
const NOT_REPORTERS = new Set(['he', 'she', 'it', 'they', 'someone', 'somebody', 'man', 'doc', 'docs', 'wiki', 'guide', 'error', 'log']);
function reported(clause: readonly string[], start: number): boolean {
  const first = clause[start];
  if (first === 'per' || (first === 'according' && clause[start + 1] === 'to')) return true;
  if (first === 'word' && (clause[start + 1] === 'from' || clause[start + 1] === 'is')) return true;
  for (let at = start + 1; at <= start + 3 && at < clause.length - 1; at += 1)
    if (REPORTERS.has(clause[at] ?? '') && !NOT_REPORTERS.has(clause[at - 1] ?? '')) return true;
  return false;
}
// "So Asana then.": a short choice closed by "then"; not "ok then", "and then", "what then".
const NOT_CHOSEN = new Set(
  'ok okay fine right alright good and but just since even back bye well now so what how who why where when it that this me you him them us there here since only'.split(
    ' ',
  ),
);
function chosenThen(tokens: Tokens): boolean {
  if (tokens.length > 2) return false;
  const clause = tokens[0] ?? [];
  const words = tokens.reduce((sum, each) => sum + each.length, 0);
  const last = clause.length - 1;
  return words <= 7 && last >= 1 && last <= 4 && clause[last] === 'then' && !NOT_CHOSEN.has(clause[last - 1] ?? '');
}

// A role in the plural heading its clause, then a verb in its plain form: the duty of a group of
// staff, stated in the present ("Carers sign the MAR chart …", "Floor staff wipe down …").
const ROLE = /^[a-z]{2,}(?:er|or|ant|ent|ist|ian|ee|ech)s$|^staff$/;
// What follows a role without being its verb: auxiliaries, joining words, adverbs.
const NOT_A_VERB = new Set(
  'are were have had do did can cannot could will would should may might must need to and or of in on at for with from the a an who that which there here all also only just still never always often usually sometimes not'.split(
    ' ',
  ),
);
/** A role and its verb at `start` or a word later ("floor staff wipe"): the verb's plain form, no -s, -ed, -ing, -ly. */
function dutyAt(clause: readonly string[], start: number): boolean {
  for (const at of [start, start + 1]) {
    const role = clause[at];
    const verb = clause[at + 1];
    if (role === undefined || verb === undefined || !ROLE.test(role)) continue;
    if (NOT_A_VERB.has(verb) || /(?:s|ed|ing|ly|'[a-z]+)$/.test(verb) || !/^[a-z]+$/.test(verb)) continue;
    // "users don't have to …", canonically "users do not have": a negation is no duty.
    return clause[at + 2] !== undefined && clause[at + 2] !== 'not';
  }
  return false;
}

/**
 * The signs (as bits of SIGNS) a head word at `i` of a clause gives ("goes into": a change and a
 * motion). `start`: where the clause's own words begin (after an address such as "Drivers:").
 */
function signsAt(clause: readonly string[], i: number, word: string, role: number, start: number): number {
  const before = clause[i - 1];
  const after = clause[i + 1];
  let signs = 0;
  if (role & CHANGE) signs |= SIGN.change;
  if (role & RULE && !(word === 'only' && neighbour(before) & DETERMINER)) signs |= SIGN.rule;
  if (role & CHOOSING && after === 'for') signs |= SIGN.choice;
  if (role & MONTH) signs |= SIGN.time;
  if (role & MOTION && neighbour(after) & PARTICLE) signs |= SIGN.motion;
  if (role & PAIRED) {
    // "no longer", "any more", "full stop", "are not to"; "as of", "start of"; "come the".
    if ((word === 'longer' || word === 'more') && (before === 'no' || before === 'any')) signs |= SIGN.rule;
    if (word === 'stop' && before === 'full') signs |= SIGN.rule;
    if (word === 'not' && after === 'to' && (before === 'are' || before === 'is')) signs |= SIGN.rule;
    if ((word === 'as' || word === 'start') && after === 'of') signs |= SIGN.time;
    // "are never closed by the bot", "photos never go in WhatsApp": a rule, not "it never worked".
    if (
      word === 'never' &&
      (before === 'are' || (before !== undefined && before.length > 3 && before.endsWith('s') && !before.endsWith('ss')))
    )
      signs |= SIGN.rule;
    // "at all times": insists like "No exceptions.".
    if (word === 'times' && before === 'all' && clause[i - 2] === 'at') signs |= SIGN.emphatic;
  }
  if (word === 'come' && after === 'the') signs |= SIGN.time;
  if (role & QUANTIFIER && i === start && after !== undefined && !(neighbour(after) & NOT_A_SUBJECT))
    if ((word !== 'no' || after.endsWith('ing')) && (!word.startsWith('every') || clause.length >= start + 4)) signs |= SIGN.quantified;
  return signs;
}

/**
 * The signs of a message as bits of SIGNS, or -1 when it asks or speaks of a person. `addressed`:
 * how many words of its first clause address a group ("Bin crews:" 2), 0 when none do.
 */
function signBits(tokens: Tokens, addressed: number): number {
  let signs = addressed > 0 ? SIGN.address : 0;
  // A rule that insists ("… No exceptions.") speaks to its audience, like an address to a group.
  if (tokens.length > 1 && tokens.some(isEmphatic)) signs |= SIGN.emphatic;
  if (chosenThen(tokens)) signs |= SIGN.then;
  const spokenTo = addressed > 0 || signs & SIGN.emphatic;
  for (const clause of tokens) {
    const start = clause === tokens[0] ? addressed : 0;
    if (dutyAt(clause, start)) signs |= SIGN.duty;
    if (bodyActs(clause, start)) signs |= SIGN.body;
    if (reported(clause, start)) signs |= SIGN.report;
    for (let i = 0; i < clause.length; i += 1) {
      const word = clause[i] ?? '';
      const role = HEADS.get(word);
      if (role !== undefined) {
        if (role & PERSONAL || (role & ADDRESSEE && !spokenTo)) return -1;
        signs |= signsAt(clause, i, word, role, start);
      } else if (isYear(word)) signs |= SIGN.time;
      else if (word.endsWith('ed') && (clause[i - 1] === 'being' || clause[i - 1] === 'been') && neighbour(clause[i - 2]) & AUXILIARY)
        signs |= SIGN.passive;
      // "Grenache it is": a verdict at the end of a clause.
      else if (word === 'is' && i === clause.length - 1 && clause[i - 1] === 'it') signs |= SIGN.choice;
    }
  }
  return signs;
}

/** The kinds of weak sign in the message, each once; undefined when it asks or speaks of a person. */
export function plainSigns(tokens: Tokens, addressed = 0): PlainSign[] | undefined {
  const signs = signBits(tokens, addressed);
  return signs < 0 ? undefined : SIGNS.filter((_, index) => signs & (1 << index));
}

/** The signs that are shapes of an announcement, for the model (features.ts): "body", "emphatic", "then", "report". */
export function shapeSigns(tokens: Tokens, addressed = 0): PlainSign[] {
  const signs = signBits(tokens, addressed);
  if (signs < 0) return [];
  return SHAPES.filter((sign) => signs & SIGN[sign]);
}
const SHAPES: readonly PlainSign[] = ['emphatic', 'body', 'report', 'then'];

/** How many bits are set. */
function count(bits: number): number {
  let n = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) n += 1;
  return n;
}

/**
 * Two different weak signs in a message that neither asks nor speaks of a person: enough for the
 * model to be asked. `settling`: the message has a word for approving, settling or stopping
 * something (a word class of word-classes.ts), which counts as one sign. `addressed`: as for signBits.
 */
export function plainlyAnnounced(tokens: Tokens, settling: boolean, addressed = 0): boolean {
  const signs = signBits(tokens, addressed);
  // An address to a group counts twice: "Lunchtime supervisors, kids with inhalers sit at …".
  return signs >= 0 && count(signs) + count(signs & STRONG_SIGNS) + (settling ? 1 : 0) >= 2;
}
