/**
 * Implicit announcements: a statement that a customer-facing rule, price, date or scope has
 * changed, without the word "decided" ("From next month the free tier is capped at 3 seats.",
 * "The Berlin launch is cancelled."). A change verb alone is too common in chat ("the server is
 * moved"), so strength comes from the combination: change + customer-facing topic + a time from
 * which it applies.
 */
import * as lexicon from './lexicon.js';
import { MEETING, alternation } from './lexicon.js';
import { ORGANISATIONS } from './subject-words.js';
import { type Matcher, gated, gatedRegExp } from './word-gate.js';
import type { Cue } from './cues.js';
import { BASE, CHANGE_VERB, DONE, EVENT, ING, NOT_A_CHANGE, NOW_VERB, STATE, VALUE, WILL_CHANGE } from './policy-words.js';

// Each expression runs only on a clause with the words it needs (word-gate.ts).
const ANCHOR = gated(lexicon.ANCHOR);
const DATE = gated(lexicon.DATE);

interface PolicyRule {
  readonly pattern: Matcher;
  readonly base: number;
  readonly reason: string;
  /** Rescheduling words: when what moves (their subject, or object) is a meeting, it is logistics. */
  readonly scheduling?: 'subject' | 'object';
  /** Only counts with a time anchor ("from now on … must …"). */
  readonly needsAnchor?: boolean;
  /** Only counts with an open-ended anchor ("from now on", "going forward", "as of …"). */
  readonly needsStrongAnchor?: boolean;
}

// Every rule has every field, so that the loop over them reads one shape of object (rules spread
// from their options came in five shapes, and the engine's property look-ups went generic).
const rule = (source: string, base: number, reason: string, options: Omit<PolicyRule, 'pattern' | 'base' | 'reason'> = {}): PolicyRule => ({
  pattern: gatedRegExp(source),
  base,
  reason,
  scheduling: options.scheduling,
  needsAnchor: options.needsAnchor ?? false,
  needsStrongAnchor: options.needsStrongAnchor ?? false,
});

const RULES: readonly PolicyRule[] = [
  rule(
    `\\b(?:is|are|will be|will now be|has been|have been|gets|get|being)(?: now| officially| also| hereby| temporarily| permanently| fully| effectively| indefinitely| formally| all){0,2} ${EVENT}\\b`,
    0.45,
    'change',
    { scheduling: 'subject' },
  ),
  rule(
    `\\b(?:will be|will now be|has been|have been|is now|are now|is officially|are officially)(?: also| all)? ${STATE}\\b`,
    0.45,
    'change',
  ),
  rule(`\\b(?:is|are|gets|get)(?: also| all)? ${STATE}\\b`, 0.3, 'state'),
  rule('\\b(?:is|are|goes|go) live\\b', 0.45, 'goes live', { needsAnchor: true }),
  // Weak alone (a rule being described, a launch being reported); the model weighs them further.
  rule('\\b(?:is|are) (?:now )?live\\b', 0.3, 'goes live'),
  rule('\\b(?:must(?: not)?|is required|are required|not permitted|not allowed|has to be|have to be)\\b', 0.2, 'obligation'),
  rule('\\b(?:is|are) now (?:on|due|scheduled for|set for|planned for|expected)\\b', 0.45, 'new date', { scheduling: 'subject' }),
  // "The Berlin launch is off." (but "support is off today" is someone's day off).
  rule('\\b(?:is|are) (?:now |officially )?off(?: for now)?[.!]*$', 0.45, 'change', { scheduling: 'subject' }),
  // "We scrapped the loyalty programme", "we pulled the plug on the Berlin launch".
  rule(`\\bwe (?:have |had |just |finally |officially ){0,2}${DONE}\\b`, 0.45, 'change', { scheduling: 'object' }),
  rule(
    '\\b(?:is|are|will be)(?: only)?(?: now| no longer)(?: only)? (?:available|free|required|optional|included|supported|offered|allowed|the default|[a-z]+ only)\\b',
    0.45,
    'new state',
  ),
  rule('\\b(?:is|are|will be) only (?:available|offered|supported|included|allowed)\\b', 0.45, 'new state', { needsAnchor: true }),
  rule(
    `\\b${CHANGE_VERB}(?: up| down| back| permanently| fully)? (?:\\d|£|\\$|€|to\\b|from\\b|by\\b|until\\b|remote\\b|live\\b|permanently\\b|fully\\b)`,
    0.45,
    'change',
    { scheduling: 'subject' },
  ),
  // Plural subjects ("support hours change from 9-5 to 8-8"); the bare verb is also a noun or
  // an instruction ("go to settings"), so it needs "from"/"to" or "up"/"down".
  rule(
    '\\b(?:move|slip|drop|change|switch|increase|rise|decrease|fall|jump|shift|double|halve) (?:from|to) |\\bgo (?:up|down)\\b',
    0.45,
    'change',
    { scheduling: 'subject' },
  ),
  rule('\\b(?:starts|ends|ships|launches|stays|remains|expires|opens|goes live)\\b', 0.25, 'schedule'),
  rule('\\bwe (?:will )?no longer\\b', 0.55, '"we no longer"'),
  rule('\\bno longer (?:be )?[a-z]+', 0.45, '"no longer"'),
  rule('(?:^|[,:;(-] |\\bthere will be |\\bthere are )no more [a-z]', 0.45, '"no more"'),
  rule(`\\bwe (?:will|are going to|shall) ${WILL_CHANGE}\\b(?! ${NOT_A_CHANGE}\\b)`, 0.4, '"we will …"', { scheduling: 'object' }),
  rule(
    `\\bwe are (?:now |officially |also |no longer |not |formally |hereby |permanently |temporarily |only )?${ING}\\b`,
    0.45,
    '"we are …ing"',
    { scheduling: 'object' },
  ),
  rule(`\\bwe (?:will |shall )?(?:now|only|no longer)(?: only)? ${BASE}\\b`, 0.5, '"we now/only …"'),
  // Headline style: "Changing the support hours to 7-7 from next week."
  rule(`^${ING} `, 0.45, 'change'),
  rule(`\\bnow ${NOW_VERB}\\b`, 0.4, '"now …"'),
  rule(`\\b(?:is|are|will be|becomes?|stays|remains) now(?: only| just)? ${VALUE}`, 0.4, 'new value'),
  rule(`\\b(?:is|are|will be|becomes?|stays|remains)(?: only| just)? ${VALUE}`, 0.3, 'new value'),
  rule('\\b(?:is|are) (?:£|\\$|€|\\d)[^.;,]{0,20} now\\b', 0.4, 'new value'),
  // With a start date, obligations and passives state a rule ("from now on every change needs …").
  rule(
    '\\b(?:must|need to|needs to|have to|has to|needs?|requires?|is required|are required|go(?:es)? through|go(?:es)? to|gets?|lose|loses|gain|gains|keep|keeps)\\b',
    0.3,
    'obligation',
    { needsAnchor: true },
  ),
  rule('\\b(?:is|are|will be|will now be|gets|get) (?:now |only |all |also )?[a-z]+ed\\b', 0.3, 'change', { needsAnchor: true }),
  // "We're doing quarterly releases from now on": anything we do, from a set point on.
  rule('\\bwe (?:are|will|will be|shall|are going to|are now)\\b', 0.3, 'standing rule', { needsStrongAnchor: true }),
];

const ANCHOR_LED = gatedRegExp(
  `^(?:(?:ok|okay|so|fyi|update|heads up|reminder|important|psa|@mention|@here|@channel)[,.:!]? ){0,2}${ANCHOR.source}`,
);
// Open-ended starts: plain "from Monday" also begins plans ("we'll test from Monday").
const STRONG_ANCHOR =
  /^(?:effective|as of|as from|with effect|with immediate|going forward|from now on|from here on|henceforth|until further notice|starting|beginning|commencing)/;
const CLOCK_TIME = /\b\d{1,2}(?::\d\d)? ?(?:am|pm)\b|\b\d{1,2}:\d\d\b/;
const RESCHEDULED =
  /\b(?:moved?|moves|moving|pushing|shifting|rescheduling|postponing|delaying|canceling|rescheduled|pushed|postponed|delayed|canceled|shifted|shifts?|slips?|slipped|brought forward)\b/;
const PERSONAL_NEAR = /\b(?:i|my|me|myself)\b/;
const EXTERNAL_NEAR = /\b(?:their|they|his|her|he|she)\b/;
// An organisation as the subject: "Stripe's fees go up …", "AWS pricing changes …" (its name as a
// modifier further back, "the Salesforce integration is deprecated", is our own product).
const ORGANISATION_SUBJECT = new RegExp(`(?:^|\\s)(?:${alternation(ORGANISATIONS)})(?:'s [a-z-]+)?\\s*$`);
const ORGANISATION_FIRST = new RegExp(`^[\\s,:-]*(?:the )?(?:${alternation(ORGANISATIONS)})\\b`);

/** The words of clause[start, end), without the partial words cut at either edge. */
function wholeWords(clause: string, start: number, end: number): string {
  const from = Math.max(0, start);
  const to = Math.min(clause.length, end);
  let slice = clause.slice(from, to);
  if (from > 0 && clause[from - 1] !== ' ') slice = slice.replace(/^\S*/, '');
  if (to < clause.length && clause[to] !== ' ') slice = slice.replace(/\S*$/, '');
  return slice;
}

/** The strongest implicit policy statement in a clause, if any. */
export function policyCue(clause: string, domain: boolean): Cue | undefined {
  const anchor = ANCHOR.exec(clause);
  const dated = anchor !== null || DATE.test(clause);
  // A change with no customer-facing topic and no start date is everyday chat ("the server is
  // moved", "we no longer use jQuery"), unless the team itself announces it with a date.
  if (!domain && !anchor && !(dated && /\bwe\b/.test(clause))) return undefined;
  let best: Cue | undefined;
  const consider = (base: number, index: number, reason: string, scheduling: PolicyRule['scheduling'], near: string) => {
    let strength = base + (domain ? 0.15 : 0) + (anchor ? 0.15 : dated ? 0.05 : 0);
    if (best && strength <= best.strength) return; // doubts below only lower it
    const reasons = [`policy ${reason}`];
    if (anchor) reasons.push(`time anchor "${anchor[0]}"`);
    // Who is it about? "From Monday I'm working from Lisbon" is personal news.
    if (PERSONAL_NEAR.test(near)) {
      strength *= 0.2;
      reasons.push('personal');
    } else if (EXTERNAL_NEAR.test(near) || (index > 0 ? ORGANISATION_SUBJECT : ORGANISATION_FIRST).test(near)) {
      strength *= 0.3;
      reasons.push('third party');
    }
    const moved = scheduling === 'subject' ? wholeWords(clause, index - 30, index) : wholeWords(clause, index, index + 40);
    const after = clause.slice(index, index + 40);
    // What moves to "3pm" or "Wednesday 14:00" is a meeting, whatever it is called.
    if (scheduling && RESCHEDULED.test(after) && (MEETING.test(moved) || CLOCK_TIME.test(after))) {
      strength *= 0.15;
      reasons.push('meeting logistics');
    }
    if (!best || strength > best.strength) best = { family: 'policy', strength, index, reason: reasons.join(', ') };
  };
  for (const rule of RULES) {
    if (rule.needsAnchor && !anchor) continue;
    if (rule.needsStrongAnchor && !(anchor && STRONG_ANCHOR.test(anchor[0]))) continue;
    const match = rule.pattern.exec(clause);
    if (match) consider(rule.base, match.index, rule.reason, rule.scheduling, wholeWords(clause, match.index - 30, match.index));
  }
  // "Starting next sprint, customer bugs jump the queue": a rule with a start date. Without a
  // customer-facing topic it stays below the threshold.
  const led = ANCHOR_LED.exec(clause);
  if (led) {
    const after = wholeWords(clause, led[0].length, led[0].length + 20);
    // "From January, everyone gets …": a rule for all is a policy.
    const forAll = /^[\s,:-]*(?:everyone|everybody|all|every|each|any|no one|nobody)\b/.test(after);
    consider(forAll ? 0.4 : 0.3, 0, 'from a date', undefined, after);
  }
  return best;
}
