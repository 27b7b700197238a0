/**
 * Implicit announcements: a statement that a customer-facing rule, price, date or scope has
 * changed, without the word "decided" ("From next month the free tier is capped at 3 seats.",
 * "The Berlin launch is cancelled."). A change verb alone is too common in chat ("the server is
 * moved"), so strength comes from the combination: change + customer-facing topic + a time from
 * which it applies.
 */
import { ANCHOR, DATE, MEETING } from './lexicon.js';
import type { Cue } from './cues.js';

const CHANGED = 'capped|limited|restricted|canceled|discontinued|postponed|delayed|pushed|pushed back|moved|rescheduled|dropped|scrapped|paused|deprecated|sunset|sunsetted|retired|raised|increased|reduced|lowered|cut|frozen|extended|shortened|removed|waived|descoped|de-scoped|deferred|banned|mandatory|compulsory|switched off|turned off|shut down|replaced|migrated|renamed|charged|billed|discounted|killed|axed|shelved|halted|suspended|abandoned|terminated|revoked|enforced|introduced|forbidden|prohibited|blocked|on hold|out of scope|in scope|off the table|deprioritized|prioritized|included|excluded|closed';
const ING = 'dropping|discontinuing|sunsetting|raising|lowering|moving|switching|extending|pausing|freezing|deprecating|ending|removing|replacing|increasing|reducing|introducing|launching|rolling out|cutting|capping|closing|leaving|exiting|stopping|scrapping|killing|retiring|changing|migrating|limiting|shortening|waiving|canceling|postponing|delaying|pushing back|requiring|charging|keeping|honoring|phasing out|transitioning|consolidating|outsourcing|discounting|pulling|shutting down|renewing|terminating|selling|offering|accepting|supporting';
const BASE = 'drop|discontinue|sunset|raise|lower|move|switch|extend|pause|freeze|deprecate|end|remove|replace|increase|reduce|introduce|launch|roll out|cut|cap|close|leave|exit|stop|scrap|retire|change|migrate|limit|require|charge|keep|honor|offer|ship|support|onboard|accept|provide|sell|allow|bill|invoice|deliver|cover|answer|respond|open|refund|phase out|work|use|accept';

interface PolicyRule {
  readonly pattern: RegExp;
  readonly base: number;
  readonly reason: string;
  /** Rescheduling words: when their subject is a meeting, it is logistics. */
  readonly scheduling?: boolean;
  /** Only counts with a time anchor ("from now on … must …"). */
  readonly needsAnchor?: boolean;
  /** Only counts with an open-ended anchor ("from now on", "going forward", "as of …"). */
  readonly needsStrongAnchor?: boolean;
}

const RULES: readonly PolicyRule[] = [
  { pattern: new RegExp(`\\b(?:is|are|will be|will now be|has been|have been|gets|get|being)(?: now| officially| also| hereby| temporarily| permanently| fully| effectively| indefinitely| formally| no longer| all){0,2} (?:${CHANGED})\\b`), base: 0.45, reason: 'change', scheduling: true },
  { pattern: /\b(?:is|are|will be)(?: only)?(?: now| no longer)(?: only)? (?:available|free|required|optional|included|supported|offered|allowed|the default|[a-z]+ only)\b/, base: 0.45, reason: 'new state' },
  { pattern: /\b(?:moves|moved|slips|slipped|goes|drops|dropped|changes|changed|switches|switched|increases|increased|rises|rose|decreases|decreased|falls|fell|jumps|jumped|shifts|shifted|closes|becomes|doubles|halves)(?: up| down| back| permanently| fully)? (?:\d|£|\$|€|to\b|from\b|by\b|until\b|remote\b|live\b|permanently\b|fully\b)/, base: 0.45, reason: 'change', scheduling: true },
  // Plural subjects ("support hours change from 9-5 to 8-8"); the bare verb is also a noun or
  // an instruction ("go to settings"), so it needs "from"/"to" or "up"/"down".
  { pattern: /\b(?:move|slip|drop|change|switch|increase|rise|decrease|fall|jump|shift|double|halve) (?:from|to) |\bgo (?:up|down)\b/, base: 0.45, reason: 'change', scheduling: true },
  { pattern: /\b(?:starts|ends|ships|launches|stays|remains|expires|opens|goes live)\b/, base: 0.25, reason: 'schedule' },
  { pattern: /\bwe (?:will )?no longer\b/, base: 0.55, reason: '"we no longer"' },
  { pattern: new RegExp(`\\bwe (?:will|are going to|shall) (?:stop|start|begin|${BASE})\\b`), base: 0.4, reason: '"we will …"' },
  // Headline style: "Changing the support hours to 7-7 from next week."
  { pattern: new RegExp(`^(?:${ING}) `), base: 0.45, reason: 'change' },
  { pattern: /\b(?:is|are|will be) only (?:available|offered|supported|included|allowed)\b/, base: 0.45, reason: 'new state', needsAnchor: true },
  // "We're doing quarterly releases from now on": anything we do, from a set point on.
  { pattern: /\bwe (?:are|will|will be|shall|are going to|are now)\b/, base: 0.3, reason: 'standing rule', needsStrongAnchor: true },
  { pattern: /\bno longer (?:be )?[a-z]+/, base: 0.45, reason: '"no longer"' },
  { pattern: /(?:^|[,:;(-] |\bthere will be |\bthere are )no more [a-z]/, base: 0.45, reason: '"no more"' },
  { pattern: new RegExp(`\\bwe are (?:now |officially |also |no longer |not |formally |hereby |permanently |temporarily |only )?(?:${ING})\\b`), base: 0.45, reason: '"we are …ing"' },
  { pattern: new RegExp(`\\bwe (?:will |shall )?(?:now|only|no longer)(?: only)? (?:${BASE})\\b`), base: 0.5, reason: '"we now/only …"' },
  { pattern: /\bnow (?:includes?|costs?|requires?|needs?|goes|go|comes?|offers?|supports?|ships?|gets?|covers?|starts?|ends?|closes?|opens?|runs?|applies|apply|charges?|expires?|renews?|routes?|belongs?)\b/, base: 0.4, reason: '"now …"' },
  { pattern: /\b(?:is|are|will be|becomes?|stays|remains) now(?: only| just)? (?:£|\$|€|\d|free\b|mandatory|required|optional|included|email only|remote|invite only|closed|open\b|paid|unpaid)/, base: 0.4, reason: 'new value' },
  { pattern: /\b(?:is|are|will be|becomes?|stays|remains)(?: only| just)? (?:£|\$|€|\d|free\b|mandatory|required|optional|included|email only|remote|invite only|closed|open\b|paid|unpaid)/, base: 0.3, reason: 'new value' },
  { pattern: /\b(?:must|need to|needs to|have to|has to|needs?|requires?|is required|are required|go(?:es)? through|go(?:es)? to|gets?)\b/, base: 0.3, reason: 'obligation', needsAnchor: true },
  { pattern: /\b(?:is|are|will be|will now be|gets|get) (?:now |only |all |also )?[a-z]+ed\b/, base: 0.3, reason: 'change', needsAnchor: true },
];

const ANCHOR_LED = new RegExp(`^(?:(?:ok|okay|so|fyi|update|heads up|reminder|important|psa|@mention|@here|@channel)[,.:!]? ){0,2}${ANCHOR.source}`);
// Open-ended starts: plain "from Monday" also begins plans ("we'll test from Monday").
const STRONG_ANCHOR = /^(?:effective|as of|as from|with effect|with immediate|going forward|from now on|from here on|henceforth|until further notice|starting|beginning|commencing)/;
const RESCHEDULED = /\b(?:moved?|moves|rescheduled|pushed|postponed|delayed|canceled|shifted|shifts?|slips?|slipped|brought forward)\b/;
const PERSONAL_NEAR = /\b(?:i|my|me|myself)\b/;
const EXTERNAL_NEAR = /\b(?:their|they|his|her|he|she)\b/;

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
  let best: Cue | undefined;
  const consider = (base: number, index: number, reason: string, scheduling: boolean, near: string) => {
    let strength = base + (domain ? 0.15 : 0) + (anchor ? 0.15 : dated ? 0.05 : 0);
    const reasons = [`policy ${reason}`];
    if (anchor) reasons.push(`time anchor "${anchor[0]}"`);
    // Who is it about? "From Monday I'm working from Lisbon" is personal news.
    if (PERSONAL_NEAR.test(near)) {
      strength *= 0.2;
      reasons.push('personal');
    } else if (EXTERNAL_NEAR.test(near)) {
      strength *= 0.3;
      reasons.push('third party');
    }
    if (scheduling && RESCHEDULED.test(clause.slice(index, index + 40)) && MEETING.test(wholeWords(clause, index - 30, index))) {
      strength *= 0.15;
      reasons.push('meeting logistics');
    }
    if (!best || strength > best.strength) best = { family: 'policy', strength, index, reason: reasons.join(', ') };
  };
  for (const rule of RULES) {
    if (rule.needsAnchor && !anchor) continue;
    if (rule.needsStrongAnchor && !(anchor && STRONG_ANCHOR.test(anchor[0]))) continue;
    const match = rule.pattern.exec(clause);
    if (match) consider(rule.base, match.index, rule.reason, rule.scheduling === true, wholeWords(clause, match.index - 30, match.index));
  }
  // "Starting next sprint, customer bugs jump the queue": a rule with a start date. Without a
  // customer-facing topic it stays below the threshold.
  const led = ANCHOR_LED.exec(clause);
  if (led) consider(0.3, 0, 'from a date', false, wholeWords(clause, led[0].length, led[0].length + 20));
  return best;
}
