/**
 * Decision verbs: "we decided", "the board has approved", "leadership agreed that …", and the
 * impersonal forms "it's been decided", "the decision is to …", "the new refund policy is
 * approved". The subject decides how much a verb counts (see subject.ts): "we" and our own
 * bodies announce, "I" chooses for myself, "Apple" and "the client" are someone else's news.
 */
import type { Cue } from './cues.js';
import { alternation } from './lexicon.js';
import { SUBJECT_WEIGHT, type Subject, subjectBefore } from './subject.js';
import { gated, gatedRegExp } from './word-gate.js';

const VERB = gatedRegExp(
  `\\b(${alternation([
    'decided',
    'agreed',
    'made (?:the|a|our|this|that) (?:final )?(?:call|decision)',
    'taken (?:the|a) (?:final )?decision',
    'reached (?:a |an |the )?(?:final )?(?:decision|agreement|consensus)',
    'finalized',
    'chose',
    'chosen',
    'picked(?! up\\b)',
    'selected',
    'opted (?:for|to)',
    'settled on',
    'landed on',
    // "Settling on the £9 price", "locking in the discount": a choice being closed.
    'settling on',
    'landing on',
    'locking in',
    'approved',
    'signed off',
    'committed to',
    'locked in',
    'voted to',
    'resolved to',
    'confirmed',
  ])})\\b`,
  'g',
);
const VERB_STRENGTH: ReadonlyArray<readonly [RegExp, number]> = [
  [/^decided/, 0.85],
  [/^agreed/, 0.8],
  [/^(?:made|taken|reached)/, 0.85],
  [/^finalized/, 0.75],
  [/^(?:chose|chosen|opted|locked|voted|resolved)/, 0.7],
  [/^(?:settled|landed|settling|landing)/, 0.75],
  [/^(?:picked|selected|approved|signed|committed)/, 0.65],
  [/^confirmed/, 0.55],
];
/** Verbs that announce on their own; choosing words ("picked", "approved") need a customer topic. */
const STRONG_VERB = /^(?:decided|agreed|made|taken|reached|finalized|committed|resolved|voted)/;
const CHOSE_AN_OPTION = /^ (?:for )?(?:option|plan|proposal|approach|alternative|variant)\b/;

// "it is approved" and "the plan was agreed" are read by the passive rules below.
const PASSIVE_BEFORE =
  /\b(?:is|was|been|be|are|were|being|get|got|gets)\s(?:now |officially |finally |formally |just |all |also |not |never )*$/;
// "the selected element", "an agreed plan", "link to selected items": a participle used as an
// adjective describes a thing; it announces nothing.
const ADJECTIVE_BEFORE =
  /(?:^|\s)(?:the|a|an|this|that|these|those|any|each|every|some|your|its|to|from|of|by|with|for|on|in|at|currently|already|pre|newly|not yet)\s$/;
// "decided to take Friday off", "approved my expense report": a personal matter.
const PERSONAL_COMPLEMENT =
  /^ to (?:take|grab|get|go home|head|leave|learn|skip|stay|book|buy|treat|try|sleep|call it|upgrade|work from|rewrite|do my|switch to (?:my|a|the standing))\b|^[^.;,]{0,25}\bmy\b/;
// "Sarah decided we'll …", "I've decided that the team …": the decision is the team's.
const TEAM_COMPLEMENT = /^(?: that)? (?:we|our|the team|the company)\b/;

const IMPERSONAL = gated(
  /\bit (?:is |has |was |had |have )?(?:now |just |been |finally |officially |formally |unanimously |already ){0,3}(decided|agreed|finalized|confirmed|settled|approved)\b/,
);
const DECISION_IS = gated(
  /\b(?:(the|our|my|their|his|her|a) )?(final (?:decision|call|answer|verdict)|decision|verdict|consensus|team's call) (?:is|was|has been) (?:made\b|taken\b|reached\b|final\b|in\b|to\b|that\b|:|we\b|-)/,
);
const DECISION_MADE = gated(/\b(?:decisions?|agreement|consensus) (?:has been |was |is |have been )?(?:made|reached|taken)\b/);
// "approved by QA" is a build passing a check, not a decision.
const PASSIVE = gated(
  /\b(?:is|are|has been|have been|was|were)(?: now| officially| finally| formally| just| all){0,2} (decided|agreed|finalized|approved|signed off|locked in|locked|greenlit|green-lit|rubber-stamped|confirmed)\b(?! by (?:qa|ci|the ci|tests?|the tests|code review|review|reviewers?|the reviewer|the customer|the client)\b)/,
);

function strengthOfVerb(verb: string): number {
  for (const [pattern, strength] of VERB_STRENGTH) if (pattern.test(verb)) return strength;
  return 0.6;
}

function subjectOf(prefix: string, rest: string): Subject {
  const subject = subjectBefore(prefix);
  if (subject.kind !== 'internal' && subject.kind !== 'external' && TEAM_COMPLEMENT.test(rest)) {
    return { kind: 'internal', word: subject.word ? `${subject.word} (for the team)` : 'the team' };
  }
  const personalObject = /^ (?:my|his|her)\b/.test(rest);
  if ((subject.kind === 'none' || subject.kind === 'unknown' || personalObject) && PERSONAL_COMPLEMENT.test(rest)) {
    return { kind: 'personal', word: subject.kind === 'personal' ? subject.word : '' };
  }
  return subject;
}

/** Cues from decision verbs with a subject ("we decided", "finance signed off"). */
export function verbCues(clause: string, domain: boolean): Cue[] {
  const cues: Cue[] = [];
  for (const match of VERB.matchAll(clause)) {
    const index = match.index;
    const verb = match[1] ?? '';
    const prefix = clause.slice(0, index);
    if (PASSIVE_BEFORE.test(prefix) || ADJECTIVE_BEFORE.test(prefix)) continue;
    const rest = clause.slice(index + match[0].length, index + match[0].length + 60);
    const subject = subjectOf(prefix, rest);
    // "agreed, however …" / "Decided!" answers someone; "Agreed: …" (a marker) announces.
    const bare = (verb === 'agreed' || verb === 'decided') && subject.kind === 'none' && /^\s*(?:[,.!]|$)/.test(rest);
    // "The team picked a name for the offsite" is not about customers.
    const topic = domain || STRONG_VERB.test(verb) || CHOSE_AN_OPTION.test(rest) ? 1 : 0.6;
    const strength = bare ? 0.15 : strengthOfVerb(verb) * SUBJECT_WEIGHT[subject.kind] * topic;
    const who = subject.word ? `${subject.word} ` : '';
    cues.push({ family: 'announcement', strength, index, reason: `announcement "${who}${verb}"`, subject });
  }
  return cues;
}

/** Cues without a deciding subject: "it's been decided", "the decision is to …", "… is approved". */
export function impersonalCues(clause: string, domain: boolean): Cue[] {
  const cues: Cue[] = [];
  const impersonal = IMPERSONAL.exec(clause);
  if (impersonal) {
    const strength = impersonal[1] === 'confirmed' ? 0.7 : 0.85;
    cues.push({ family: 'announcement', strength, index: impersonal.index, reason: `announcement "${impersonal[0]}"` });
  }
  const decisionIs = DECISION_IS.exec(clause);
  if (decisionIs) {
    const owner = decisionIs[1] ?? '';
    const weight = owner === 'my' ? SUBJECT_WEIGHT.personal : ['their', 'his', 'her'].includes(owner) ? SUBJECT_WEIGHT.external : 1;
    cues.push({
      family: 'announcement',
      strength: 0.8 * weight,
      index: decisionIs.index,
      reason: `announcement "${decisionIs[0].trim()}"`,
    });
  }
  const made = DECISION_MADE.exec(clause);
  if (made) cues.push({ family: 'announcement', strength: 0.8, index: made.index, reason: `announcement "${made[0]}"` });
  const passive = PASSIVE.exec(clause);
  if (passive) {
    // "The refund policy is approved": only a decision when it is about a customer-facing topic.
    cues.push({ family: 'announcement', strength: domain ? 0.7 : 0.45, index: passive.index, reason: `announcement "${passive[0]}"` });
  }
  return cues;
}
