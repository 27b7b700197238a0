/**
 * The doubts' words (doubts.ts reads them): how a question opens, and for each kind of doubt the
 * words that show it and how far it lowers a clause's score. A proposal, condition or hedge
 * counts only before the decision words ("if we decide …"), so its rule says `beforeCue`.
 */
import { MEETING_WORDS, alternation } from './lexicon.js';
import { FUN_WORDS } from './tone-words.js';
import { type Matcher, gated, gatedRegExp } from './word-gate.js';

export type DoubtKind =
  | 'question'
  | 'proposal'
  | 'hypothetical'
  | 'negated'
  | 'logistics'
  | 'hedged'
  | 'deferred'
  | 'opinion'
  | 'off-topic'
  | 'past'
  | 'joke'
  | 'wry'
  | 'quoted';

interface DoubtRule {
  readonly kind: DoubtKind;
  /** Gated (word-gate.ts): run only on a clause with the words it needs. */
  readonly pattern: Matcher;
  readonly multiplier: number;
  /** Counts only when it starts before the positive cue. */
  readonly beforeCue?: boolean;
}

const anyOf = (words: readonly string[]) => `(?:${alternation(words)})`;

// "did we…", "have we…", "any decision on…": a clause that opens like a question is one, even
// without its question mark.
export const QUESTION_START = gatedRegExp(
  `^(?:(?:so|ok|okay|wait|hey|and|but|quick q|quick question|q|@mention|hi|hmm|also|sorry)[,:]? )*${anyOf([
    'did',
    'do',
    'does',
    'have',
    'has',
    'had',
    'are',
    'is',
    'was',
    'were',
    'will',
    'would',
    'should',
    'shall',
    'can',
    'could',
    'might',
    'what',
    'when',
    'where',
    'which',
    'who',
    'whom',
    'whose',
    'why',
    'how',
    'anyone',
    'anybody',
    'any (?:decision|update|news|word|thoughts|objections|idea|ideas|chance|progress|luck)',
    'any',
  ])}\\b(?! (?:customer|customers|client|order|request|account|change|refund|invoice)\\b)`,
);

const MEETING_AT = `(?:${alternation(MEETING_WORDS)})`;
const CLOCK = '(?:\\d{1,2}(?::\\d\\d)? ?(?:am|pm)|\\d{1,2}:\\d\\d)';

const doubt = (kind: DoubtKind, words: readonly string[], multiplier: number, beforeCue = false): DoubtRule => ({
  kind,
  pattern: gatedRegExp(`\\b${anyOf(words)}\\b`),
  multiplier,
  beforeCue,
});

export const DOUBT_RULES: readonly DoubtRule[] = [
  doubt(
    'question',
    [
      'wondering',
      'wonder',
      'not sure (?:if|whether)',
      'unsure (?:if|whether)',
      'do you know',
      'does anyone know',
      'any idea',
      'can (?:someone|anyone|you|we) (?:confirm|check|tell)',
      'could (?:someone|anyone|you) (?:confirm|check)',
      'remind me',
      'curious (?:if|whether)',
      'is it true',
      'whether',
    ],
    0.15,
  ),
  // Before the cue: "I propose we go with B" (after it, "we decided, but maybe we revisit" stands).
  doubt(
    'proposal',
    [
      'should',
      'shall',
      'could',
      'might',
      'may (?:want|need|have)',
      'maybe',
      'perhaps',
      'possibly',
      'propose',
      'proposing',
      'proposed',
      'proposal',
      'suggest',
      'suggesting',
      'suggestion',
      'recommend',
      'recommending',
      'recommendation',
      'how about',
      'what about',
      'what if',
      'why not',
      'why do not',
      'would',
      'consider',
      'considering',
      'thinking (?:of|about|we)',
      'leaning',
      'lean towards',
      'prefer',
      'preference',
      'vote for',
      'my vote',
      'idea',
      'pitch',
      'strawman',
      'straw man',
      'rfc',
      'draft',
      'tentative',
      'tentatively',
      'open to',
      'for discussion',
      'one option',
      'an option',
      'alternatively',
      'want to',
      'hoping',
      'hope',
      'ideally',
      'in principle',
      'option [a-z0-9] (?:vs|or)',
    ],
    0.25,
    true,
  ),
  // Anywhere: a call for comments makes the whole clause a proposal.
  doubt(
    'proposal',
    [
      'thoughts',
      'objections',
      'feedback welcome',
      'for review',
      'please (?:comment|vote|review)',
      'comments by',
      'vote with',
      'up for discussion',
      'not final',
      'draft',
    ],
    0.3,
  ),
  doubt(
    'hypothetical',
    [
      'if',
      'unless',
      'in case',
      'in the event',
      'suppose',
      'supposing',
      'assuming',
      'assume',
      'hypothetically',
      'imagine',
      'say we',
      'were (?:we )?to',
      'whichever',
      'whatever we',
      'once',
      'when we',
      'when the',
      'until we',
      'before we',
      'after we',
      'should the',
      'in theory',
      'theoretically',
    ],
    0.15,
    true,
  ),
  // Negations of the decision itself; "we decided not to renew" is still a decision.
  doubt(
    'negated',
    [
      '(?:not|never|nothing|no one|nobody) (?:is |has |was |have |had )?(?:yet |been |really |fully |actually |officially |formally |quite |totally |entirely |made |a |the |our )*(?:decided|agreed|finalized|final|confirmed|approved|signed off|settled|set in stone|locked|official|firm|decision|call)',
      '(?:did|do|does|could|can|will|would|have|has|had|are|is|was|were) not (?:yet |really |actually |even |fully |officially |formally )?(?:decided?|agreed?|picked?|chosen|choose|selected?|settled?|landed|finalized?|approved?|confirmed?|signed|made|reached|taken|locked|committed)',
      'no (?:final |firm |real |official |clear |formal )?(?:decisions?|call|agreement|consensus|verdict|conclusion|resolution)',
    ],
    0.1,
  ),
  doubt(
    'negated',
    [
      'undecided',
      'tbd',
      'tbc',
      'pending',
      'up in the air',
      'on the fence',
      'open question',
      'still open',
      'still deciding',
      'still discussing',
      'still debating',
      'still evaluating',
      'still figuring',
      'yet to (?:be )?(?:decide|decided|agree|agreed|finalize|confirm|confirmed)',
      'to be (?:decided|confirmed|agreed)',
      'not yet',
      'premature',
      'far from (?:decided|final)',
      '(?:none|nothing) (?:yet|so far)',
      'not\\b[^.;]{0,40}\\byet',
      'decision\\b[^.;]{0,40}\\b(?:postponed|delayed|deferred|pushed|moved|rescheduled|scheduled|expected|due|needed|required)',
    ],
    0.1,
  ),
  // "decision meeting", "decision doc", "the agenda": talk about deciding, not a decision.
  doubt(
    'logistics',
    [
      `decisions? (?:${alternation(MEETING_WORDS)}|doc|docs|document|log|deadline|record|register|tracker|page|board|matrix|framework|making|maker|makers|points?|time|owner)`,
      'agenda',
      'calendar',
      'invite',
      'dial-in',
      'zoom link',
      'meeting room',
      // A meeting with a time of day ("Final call: the sync is at 3pm"); "final call" itself is no meeting.
      `(?<!final |made the |make the |our |my )${MEETING_AT}[^.;:]{0,25}${CLOCK}`,
    ],
    0.15,
  ),
  doubt(
    'hedged',
    [
      'i think',
      'i thought',
      'i believe',
      'i guess',
      'i assume',
      'i heard',
      'i hear',
      'heard',
      'apparently',
      'rumor',
      'rumors',
      'supposedly',
      'allegedly',
      'iirc',
      'afaik',
      'afaict',
      'as far as i know',
      'pretty sure',
      'seems like',
      'sounds like',
      'looks like',
      'probably',
      'likely',
    ],
    0.4,
    true,
  ),
  doubt(
    'deferred',
    [
      '(?:agreed|decided) to (?:meet|talk|chat|discuss|revisit|regroup|reconvene|sync|circle back|follow up|think|sleep on|wait|check|look into|investigate|explore|review|come back|reassess|re-evaluate|park|defer|postpone the decision)',
    ],
    0.25,
  ),
  {
    kind: 'opinion',
    pattern: gated(/(?<!\bas )\bagreed? with (?:you|him|her|them|that|this|@mention|[a-z0-9_]+)(?:[,.!]| *$)/),
    multiplier: 0.3,
  },
  doubt(
    'past',
    ['last (?:year|time)', 'years ago', 'back in \\d{4}', 'remember when', 'used to', 'originally', 'at the time', 'back then'],
    0.5,
    true,
  ),
  { kind: 'off-topic', pattern: gated(FUN_WORDS), multiplier: 0.35 },
];
