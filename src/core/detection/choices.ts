/**
 * Choices: "Going with option B", "we'll go with Parcelio", "let's go with the £9 price",
 * "sticking with Zendesk", "Option B it is". Who goes with it matters: "I'm going with the salad"
 * is personal, "Zendesk is going with usage pricing" someone else's news.
 */
import type { Cue } from './cues.js';
import { SUBJECT_WEIGHT, subjectBefore } from './subject.js';
import { gated, gatedRegExp } from './word-gate.js';

const GOING = gatedRegExp(
  [
    // "going with the flow" and "going with you to the conference" choose nothing.
    String.raw`\b(going|go|went|gone|sticking|stick|staying|stay|proceeding|proceed|moving forward|move forward|moving ahead|going ahead|go ahead)(?: to go)? with\b(?! the flow\b| (?:you|him|them|me|us)\b)`,
    String.raw`\b(going|go|went|gone|do|doing) for (?=(?:option|plan|approach|version|vendor|variant|proposal) [a-z0-9]+\b)`,
  ].join('|'),
  'g',
);
const LET_US_DO = gated(/\blet us (?:do|pick|choose|take|use) (?:option|plan|approach|version|vendor|variant|proposal) [a-z0-9]+\b/);
// "Option B it is.", "Plan A it is - launch on the 14th".
const IT_IS = gated(
  /^(?:(?:ok|okay|so|alright|right|fine|great|then)[,!.]? ){0,2}(?:option |plan |vendor |version |the )?([a-z0-9£$€.%-]{1,20}) it is(?: then)?(?:[.!,:]|\s-\s|$)/,
);
const NOT_A_CHOICE = new Set([
  'what',
  'that',
  'this',
  'so',
  'here',
  'there',
  'how',
  'which',
  'yes',
  'no',
  'as',
  'whatever',
  'such',
  'because',
  'if',
  'when',
  'where',
  'why',
  'who',
  'and',
  'but',
  'is',
]);

/** Choice cues in a clause. */
export function choiceCues(clause: string): Cue[] {
  const cues: Cue[] = [];
  for (const match of GOING.matchAll(clause)) {
    const index = match.index;
    const verb = match[1] ?? match[2] ?? '';
    const prefix = clause.slice(0, index);
    // "decided to go with …" is read once, by the decision verb (and its subject).
    if (/\b(?:decided|agreed|chose|opted|voted|resolved) to\s$/.test(prefix)) continue;
    if (/\blet us\s$/.test(prefix)) {
      cues.push({ family: 'going-with', strength: 0.75, index, reason: `choice "let's ${match[0]}"` });
      continue;
    }
    const subject = subjectBefore(prefix);
    const progressive = verb.endsWith('ing');
    const past = verb === 'went' || verb === 'gone';
    // Without a subject, "Going with option B." announces; a bare "go with B" only suggests.
    const base = subject.kind === 'none' ? (progressive ? 0.8 : past ? 0.5 : 0.45) : progressive ? 0.85 : past ? 0.75 : 0.7;
    const weight = subject.kind === 'none' ? 1 : SUBJECT_WEIGHT[subject.kind];
    cues.push({ family: 'going-with', strength: base * weight, index, reason: `choice "${match[0]}"`, subject });
  }
  const letUs = LET_US_DO.exec(clause);
  if (letUs) cues.push({ family: 'going-with', strength: 0.75, index: letUs.index, reason: `choice "${letUs[0]}"` });
  const itIs = IT_IS.exec(clause);
  if (itIs && !NOT_A_CHOICE.has(itIs[1] ?? '')) {
    cues.push({ family: 'going-with', strength: 0.7, index: 0, reason: `choice "${itIs[0].replace(/[.!]+$/, '')}"` });
  }
  return cues;
}
