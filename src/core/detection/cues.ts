/**
 * Positive cues: the ways people announce a team decision. Each finder returns the cue's
 * strength in [0, 1] before any doubt (question, negation, …) is applied, where it starts in the
 * clause (doubts only count when they come first: "if we decide" vs "we decided, even if") and
 * a short reason for the log.
 */
import { SUBJECT_WEIGHT, type Subject, subjectBefore } from './subject.js';

export type CueFamily = 'marker' | 'announcement' | 'going-with' | 'policy';

export interface Cue {
  readonly family: CueFamily;
  readonly strength: number;
  readonly index: number;
  readonly reason: string;
  /** Set when the cue says who decided (third parties and personal choices are doubts). */
  readonly subject?: Subject;
}

// "Decision: …", "Agreed - …", "Final call on vendors: …", "Outcome of the pricing sync: …",
// after at most three openers ("ok,", "@here", "update:"). The colon or dash must be followed by
// words: "Decision needed: …" and "decision?" are not markers.
const MARKER_PREFIX = String.raw`(?:(?:ok|okay|so|alright|right|then|and|update|fyi|quick update|heads up|team|all|folks|everyone|hi all|hey all|hi team|hey team|hi everyone|hello all|@mention|@here|@channel|@everyone|\+1|yes|yep|great|thanks all|thanks everyone|summary|tl;?dr|important|announcement|psa|#[a-z0-9_-]+)[,.!:]? ){0,3}`;
const MARKER_WORD = String.raw`(?:final |official |team |the |our |today's |todays |meeting |sync )?(decisions?|decided|agreed|resolution|resolved|outcomes?|verdict|ruling|conclusion|consensus|final call|final answer|approved|confirmed|new policy|policy change|policy update|done deal|locked in|locked|settled)`;
const MARKER_QUALIFIER = String.raw`(?: (?:made|reached|taken|is))?(?: \([^)]{1,40}\)| (?:on|from|of|in|at|for|re|about|regarding) [^:?!]{1,60})?`;
// A dash only counts right after the word ("Decision - …"): "final call for feedback - closing
// Friday" is a deadline.
const MARKER = new RegExp(`^${MARKER_PREFIX}${MARKER_WORD}(?:${MARKER_QUALIFIER}\\s?(?::|->|=>)|\\s?(?::|->|=>|-(?= )))\\s*(?=[^\\s?])`);
// "Per leadership: …", "From the board - …": the body that decided, then the decision.
const PER_BODY = /^(?:per|from) (?:the )?(leadership(?: team)?|management|board|exec team|execs|slt|finance|legal|hr|product|compliance|ceo|cfo|cto|coo)\s?(?::|,|-(?= ))\s*(?=[^\s?])/;
// "v5 launch date locked: 14 October": a participle used as a label, mid-clause.
const PARTICIPLE_LABEL = /\b(locked in|locked|confirmed|finalized|approved|agreed|decided|signed off|set in stone)\s?(?::|->|-(?= ))\s*(?=[^\s?])/;
// Approval idioms: "it's a yes from finance", "green light for the pilot", "the rise is a go".
const APPROVAL_IDIOM = /\b(?:(?:it is|that is|we have|got) (?:a|the) (?:yes|go|green light|thumbs up|go-ahead) from|green light (?:for|from|on)|got the (?:go-ahead|green light)|go-ahead (?:for|from|on)|greenlit|green-lit|is a go)\b/;
const WEAK_MARKERS = new Set(['approved', 'confirmed', 'settled', 'locked', 'locked in', 'consensus']);

const VERB = /\b(decided|agreed|made (?:the|a|our|this|that) (?:final )?(?:call|decision)|taken (?:the|a) (?:final )?decision|reached (?:a |an |the )?(?:final )?(?:decision|agreement|consensus)|finalized|chose|chosen|picked(?! up\b)|selected|opted (?:for|to)|settled on|landed on|approved|signed off|committed to|locked in|voted to|resolved to|confirmed)\b/g;
const VERB_STRENGTH: ReadonlyArray<readonly [RegExp, number]> = [
  [/^decided/, 0.85], [/^agreed/, 0.8], [/^(?:made|taken|reached)/, 0.85], [/^finalized/, 0.75],
  [/^(?:chose|chosen|opted|locked|voted|resolved)/, 0.7], [/^(?:settled|landed)/, 0.75],
  [/^(?:picked|selected|approved|signed|committed)/, 0.65], [/^confirmed/, 0.55],
];
// "it is approved" and "the plan was agreed" are read by the passive rules below.
const PASSIVE_BEFORE = /\b(?:is|was|been|be|are|were|being|get|got|gets)\s(?:now |officially |finally |formally |just |all |also |not |never )*$/;
// "the selected element", "an agreed plan", "link to selected items": a participle used as an
// adjective describes a thing; it announces nothing.
const ADJECTIVE_BEFORE = /(?:^|\s)(?:the|a|an|this|that|these|those|any|each|every|some|your|its|to|from|of|by|with|for|on|in|at|currently|already|pre|newly|not yet)\s$/;
const PERSONAL_COMPLEMENT = /^ to (?:take|grab|get|go home|head|leave|learn|skip|stay|book|buy|treat|try|sleep|call it|upgrade|work from|rewrite|do my|switch to (?:my|a|the standing))\b|^[^.;,]{0,25}\bmy\b/;
const TEAM_COMPLEMENT = /^(?: that)? (?:we|our|the team|the company)\b/;

const IMPERSONAL = /\bit (?:is |has |was |had |have )?(?:now |just |been |finally |officially |formally |unanimously |already ){0,3}(decided|agreed|finalized|confirmed|settled|approved)\b/;
const DECISION_IS = /\b(?:(the|our|my|their|his|her|a) )?(final (?:decision|call|answer|verdict)|decision|verdict|consensus|team's call) (?:is|was|has been) (?:made\b|taken\b|reached\b|final\b|in\b|to\b|that\b|:|we\b|-)/;
const DECISION_MADE = /\b(?:decisions?|agreement|consensus) (?:has been |was |is |have been )?(?:made|reached|taken)\b/;
const PASSIVE = /\b(?:is|are|has been|have been|was|were)(?: now| officially| finally| formally| just| all){0,2} (decided|agreed|finalized|approved|signed off|locked in|locked|greenlit|green-lit|rubber-stamped|confirmed)\b/;
const IT_IS = /^(?:(?:ok|okay|so|alright|right|fine|great|then)[,!.]? ){0,2}(?:option |plan |vendor |version |the )?([a-z0-9£$€.%-]{1,20}) it is(?: then)?(?:[.!,:]|\s-\s|$)/;
const NOT_A_CHOICE = new Set(['what', 'that', 'this', 'so', 'here', 'there', 'how', 'which', 'yes', 'no', 'as', 'whatever', 'such', 'because', 'if', 'when', 'where', 'why', 'who', 'and', 'but', 'is']);

const GOING = /\b(going|go|went|gone|sticking|stick|staying|stay|proceeding|proceed|moving forward|move forward|moving ahead|going ahead|go ahead)(?: to go)? with\b(?! the flow\b)|\b(going|go|went|gone|do|doing) for (?=(?:option|plan|approach|version|vendor|variant|proposal) [a-z0-9]+\b)/g;
const LET_US_DO = /\blet us (?:do|pick|choose|take|use) (?:option|plan|approach|version|vendor|variant|proposal) [a-z0-9]+\b/;

function strengthOfVerb(verb: string): number {
  for (const [pattern, strength] of VERB_STRENGTH) if (pattern.test(verb)) return strength;
  return 0.6;
}

function markerCue(clause: string, domain: boolean): Cue | undefined {
  const per = PER_BODY.exec(clause);
  if (per) return { family: 'marker', strength: 0.8, index: 0, reason: `explicit marker "per ${per[1] ?? ''}:"` };
  const label = PARTICIPLE_LABEL.exec(clause);
  if (label && label.index > 0) {
    return { family: 'marker', strength: domain ? 0.75 : 0.45, index: label.index, reason: `label "${label[1] ?? ''}:"` };
  }
  const match = MARKER.exec(clause);
  if (!match) return undefined;
  const word = match[1] ?? '';
  const strength = WEAK_MARKERS.has(word) ? 0.8 : word.includes('policy') ? 0.85 : 0.9;
  return { family: 'marker', strength, index: 0, reason: `explicit marker "${word}:"` };
}

function verbCues(clause: string): Cue[] {
  const cues: Cue[] = [];
  for (const match of clause.matchAll(VERB)) {
    const index = match.index;
    const verb = match[1] ?? '';
    const prefix = clause.slice(0, index);
    if (PASSIVE_BEFORE.test(prefix) || ADJECTIVE_BEFORE.test(prefix)) continue;
    const rest = clause.slice(index + match[0].length, index + match[0].length + 60);
    let subject = subjectBefore(prefix);
    if (subject.kind !== 'internal' && subject.kind !== 'external' && TEAM_COMPLEMENT.test(rest)) {
      subject = { kind: 'internal', word: `${subject.word} → we`.trim() };
    } else if ((subject.kind === 'none' || subject.kind === 'unknown') && PERSONAL_COMPLEMENT.test(rest)) {
      subject = { kind: 'personal', word: `${verb} to … my` };
    }
    // "agreed, however …" / "Agreed." answers someone; "Agreed: …" (a marker) announces.
    const bare = verb === 'agreed' && subject.kind === 'none' && /^\s*(?:[,.!]|$)/.test(rest);
    const strength = bare ? 0.15 : strengthOfVerb(verb) * SUBJECT_WEIGHT[subject.kind];
    const who = subject.word ? `${subject.word} ` : '';
    cues.push({ family: 'announcement', strength, index, reason: `announcement "${who}${verb}"`, subject });
  }
  return cues;
}

function impersonalCues(clause: string, domain: boolean): Cue[] {
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
    cues.push({ family: 'announcement', strength: 0.8 * weight, index: decisionIs.index, reason: `announcement "${decisionIs[0].trim()}"` });
  }
  const made = DECISION_MADE.exec(clause);
  if (made) cues.push({ family: 'announcement', strength: 0.8, index: made.index, reason: `announcement "${made[0]}"` });
  const passive = PASSIVE.exec(clause);
  if (passive) {
    // "The refund policy is approved": only a decision when it is about a customer-facing topic.
    const strength = domain ? 0.7 : 0.45;
    cues.push({ family: 'announcement', strength, index: passive.index, reason: `announcement "${passive[0]}"` });
  }
  const idiom = APPROVAL_IDIOM.exec(clause);
  if (idiom) cues.push({ family: 'announcement', strength: 0.75, index: idiom.index, reason: `approval "${idiom[0]}"` });
  const itIs = IT_IS.exec(clause);
  if (itIs && !NOT_A_CHOICE.has(itIs[1] ?? '')) {
    cues.push({ family: 'going-with', strength: 0.7, index: 0, reason: `choice "${itIs[0].replace(/[.!]+$/, '')}"` });
  }
  return cues;
}

function goingWithCues(clause: string): Cue[] {
  const cues: Cue[] = [];
  for (const match of clause.matchAll(GOING)) {
    const index = match.index;
    const verb = match[1] ?? match[2] ?? '';
    const prefix = clause.slice(0, index);
    // "decided to go with …" is read once, by the decision verb (and its subject).
    if (/\b(?:decided|agreed|chose|opted|voted|resolved) to\s$/.test(prefix)) continue;
    const reason = `choice "${match[0]}"`;
    if (/\blet us\s$/.test(prefix)) {
      cues.push({ family: 'going-with', strength: 0.75, index, reason: `choice "let's ${match[0]}"` });
      continue;
    }
    const subject = subjectBefore(prefix);
    const progressive = /ing$/.test(verb);
    const past = verb === 'went' || verb === 'gone';
    let base: number;
    if (subject.kind === 'none') base = progressive ? 0.8 : past ? 0.5 : 0.45; // "Going with option B."
    else base = progressive ? 0.85 : past ? 0.75 : 0.7;
    const weight = subject.kind === 'none' ? 1 : SUBJECT_WEIGHT[subject.kind];
    cues.push({ family: 'going-with', strength: base * weight, index, reason, subject });
  }
  return cues;
}

/** All positive cues in one canonical clause, except policy statements (see policy.ts). */
export function announcementCues(clause: string, domain: boolean): Cue[] {
  const cues = [...verbCues(clause), ...impersonalCues(clause, domain), ...goingWithCues(clause)];
  const letUs = LET_US_DO.exec(clause);
  if (letUs) cues.push({ family: 'going-with', strength: 0.75, index: letUs.index, reason: `choice "${letUs[0]}"` });
  const marker = markerCue(clause, domain);
  if (marker) cues.push(marker);
  return cues;
}
