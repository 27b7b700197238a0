/**
 * Explicit markers: "Decision: …", "Agreed - …", "Final call on vendors: …", "Per leadership: …",
 * "v5 launch date locked: 14 October", "it's a yes from finance". The clearest announcements,
 * and the cheapest to check: the marker must open the clause (after at most three openers such
 * as "ok,", "@here", "update:") and be followed by words, so "Decision needed: …" and
 * "decision?" are not markers.
 */
import type { Cue } from './cues.js';
import { alternation } from './lexicon.js';
import { gated, gatedRegExp } from './word-gate.js';

const OPENERS = [
  'ok',
  'okay',
  'so',
  'alright',
  'right',
  'then',
  'and',
  'update',
  'fyi',
  'quick update',
  'heads up',
  'team',
  'all',
  'folks',
  'everyone',
  'hi all',
  'hey all',
  'hi team',
  'hey team',
  'hi everyone',
  'hello all',
  '@mention',
  '@here',
  '@channel',
  '@everyone',
  '\\+1',
  'yes',
  'yep',
  'great',
  'thanks all',
  'thanks everyone',
  'summary',
  'tl;?dr',
  'important',
  'announcement',
  'psa',
  'reminder',
  'reminder \\+',
  'reminder of',
  'hi all',
  '#[a-z0-9_-]+',
];
const MARKER_WORDS = [
  'decisions?',
  'decided',
  'agreed',
  'resolution',
  'resolved',
  'outcomes?',
  'verdict',
  'ruling',
  'conclusion',
  'consensus',
  'final call',
  'final answer',
  'approved',
  'confirmed',
  'new policy',
  'policy change',
  'policy update',
  'done deal',
  'locked in',
  'locked',
  'settled',
  'final',
  // New rules and their sign-off (issue 18): "New rule: …", "Policy for field engineers: …".
  'new rules?',
  'rule change',
  'new guidelines?',
  'guidelines? change',
  'new process',
  'process change',
  'new standard',
  'policy',
  'final sign-?off',
  'sign-?off',
];
/** Markers that also label plain facts ("Confirmed: the parcel arrived"): need a customer topic. */
const WEAK_MARKERS = new Set([
  'approved',
  'confirmed',
  'settled',
  'locked',
  'locked in',
  'consensus',
  'final',
  'sign-off',
  'signoff',
  'policy',
]);

const OPENER = `(?:(?:${alternation(OPENERS)})[,.!:]? ){0,3}`;
const WORD = `(?:final |official |team |the |our |today's |todays |meeting |sync |the new )?(${alternation(MARKER_WORDS)})`;
// "Decision (pricing): …", "Outcome of the pricing sync: …", "Decision made: …".
const QUALIFIER = String.raw`(?: (?:made|reached|taken|is))?(?: \([^)]{1,40}\)| (?:on|from|of|in|at|for|re|about|regarding) [^:?!]{1,60})?`;
// A dash only counts right after the word ("Decision - …"): "final call for feedback - closing
// Friday" is a deadline.
const MARKER = gatedRegExp(`^${OPENER}${WORD}(?:${QUALIFIER}\\s?(?::|->|=>)|\\s?(?::|->|=>|-(?= )))\\s*(?=[^\\s?])`);

const BODIES = 'leadership(?: team)?|management|board|exec team|execs|slt|finance|legal|hr|product|compliance|ceo|cfo|cto|coo';
// "Per leadership: …", "From the board - …", "Management's decision: …": who decided, then what.
const PER_BODY = gatedRegExp(
  `^(?:(?:per|from) (?:the )?(${BODIES})\\s?(?::|,|-(?= ))|(?:the )?(${BODIES})'s (?:final )?decision\\s?(?::|-(?= )))\\s*(?=[^\\s?])`,
);
// "v5 launch date locked: 14 October": a participle used as a label, mid-clause.
const PARTICIPLE_LABEL = gated(
  /\b(locked in|locked|confirmed|finalized|approved|agreed|decided|signed off|set in stone)\s?(?::|->|-(?= ))\s*(?=[^\s?])/,
);
// Approval idioms: "it's a yes from finance", "green light for the pilot", "the go/no-go was a go".
const APPROVAL_IDIOM = gatedRegExp(
  `\\b(?:${alternation([
    '(?:it is|that is|we have|got) (?:a|the) (?:yes|go|green light|thumbs up|go-ahead) from',
    'green light (?:for|from|on)',
    'got the (?:go-ahead|green light)',
    'go-ahead (?:for|from|on)',
    'greenlit',
    'green-lit',
    '(?:is|was) a go',
    '(?:got|have|received|with) (?:the |a )?(?:sign-?off|approval|go-ahead) from',
    '^sign-?off from',
    // Verdicts said in passing: "the board gave it the green light", "committee voted yes".
    'gave (?:it |us |them |this |the plan )?(?:the |a |its )?(?:go-ahead|green light|thumbs up|sign-?off|final approval|nod)',
    'voted (?:yes|in favor)',
    'sign-?off (?:received|is in|came through)',
    '^(?:per|as per|following) (?:the )?[a-z -]{2,30}\\x27s (?:final )?decision',
    '^as (?:agreed|decided|discussed and agreed) (?:with|in|at|by|on)',
  ])})\\b`,
);
// "So it's option B then", "That's settled: …", "ok that's final": a choice closed in passing.
const SETTLED = gated(
  /^(?:(?:ok|okay|so|right|alright|great|then)[,!.]? ){0,2}(?:(?:so )?it is [^.?!;:]{1,40} then\b|(?:that is|it is|this is) (?:settled|final|decided|official|agreed|confirmed|locked in)\b)/,
);

// "Launch date: 3 June (final)".
const FINAL_TAG = gated(/\((?:final|confirmed|decided|agreed|locked(?: in)?|official)\)/);

/** Marker-style cues in a clause; `domain` says whether it names a customer-facing topic. */
export function markerCues(clause: string, domain: boolean): Cue[] {
  const cues: Cue[] = [];
  const per = PER_BODY.exec(clause);
  if (per) cues.push({ family: 'marker', strength: 0.8, index: 0, reason: `explicit marker "${per[0].replace(/[\s:,-]+$/, '')}:"` });
  const label = PARTICIPLE_LABEL.exec(clause);
  if (label && label.index > 0) {
    cues.push({ family: 'marker', strength: domain ? 0.75 : 0.45, index: label.index, reason: `label "${label[1] ?? ''}:"` });
  }
  const tag = FINAL_TAG.exec(clause);
  if (tag) cues.push({ family: 'marker', strength: domain ? 0.75 : 0.45, index: tag.index, reason: `label "${tag[0]}"` });
  const idiom = APPROVAL_IDIOM.exec(clause);
  if (idiom) cues.push({ family: 'announcement', strength: 0.75, index: idiom.index, reason: `approval "${idiom[0]}"` });
  const settled = SETTLED.exec(clause);
  if (settled) cues.push({ family: 'marker', strength: 0.75, index: 0, reason: `settled "${settled[0]}"` });
  const marker = MARKER.exec(clause);
  if (marker) {
    const word = marker[1] ?? '';
    const strength = WEAK_MARKERS.has(word) ? (domain ? 0.8 : 0.45) : word.includes('policy') ? 0.85 : 0.9;
    cues.push({ family: 'marker', strength, index: 0, reason: `explicit marker "${word}:"` });
  }
  return cues;
}
