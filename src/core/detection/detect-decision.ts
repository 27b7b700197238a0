/**
 * Decision detection: does this chat message announce a team decision, so that the bot should
 * ask "How does this decision affect customers?" in its thread?
 *
 * The bot speaks unasked, so a false prompt costs more than a missed one: the rules look for an
 * announcement (an explicit marker, "we decided", "going with", or a dated policy change on a
 * customer-facing topic) and then discount it for every sign that it is not one (a question, a
 * proposal, a condition, a negation, a third party, a personal choice, meeting logistics, a joke).
 *
 * Pipeline: markup.ts (Slack/Teams markup → text) → canonical.ts + spelling.ts (one spelling,
 * clauses) → markers.ts, verbs.ts + subject.ts, choices.ts, policy.ts (what announces) →
 * doubts.ts (what undoes it) → score.ts (the combination). Word lists are in lexicon.ts.
 * Pure and synchronous, no I/O; linear in the input, which is capped (markup.ts) so a huge
 * message costs no more than a long one.
 */
import { canonicalize, splitClauses } from './canonical.js';
import { normalizeMarkup } from './markup.js';
import { messageDoubts, roundScore, scoreClause } from './score.js';

export interface DetectionContext {
  /** The message is a reply in a thread (not the thread's first message). */
  readonly isThreadReply?: boolean;
}

export interface Detection {
  readonly decision: boolean;
  /** Confidence in [0, 1]; `decision` is `score >= DECISION_THRESHOLD`. */
  readonly score: number;
  /** Short human-readable grounds, strongest first: for logs and "why did the bot ask?". */
  readonly reasons: readonly string[];
}

/**
 * Scores at or above this are decisions. 0.5 is where one clear cue (a marker, "we decided",
 * "going with", a dated change on a customer topic) lands after no doubt; any single doubt
 * (question, proposal, negation, third party, …) brings such a cue below it.
 */
export const DECISION_THRESHOLD = 0.5;

// A reply that only agrees ("agreed", "+1", "lgtm 👍", "same here") confirms a decision announced
// elsewhere; it is not a new announcement, and asking again in the same thread would be noise.
// Checked word by word against a small vocabulary (a regex over repeated phrases could backtrack).
const ACKNOWLEDGEMENT_WORDS = new Set([
  'yes',
  'yep',
  'yeah',
  'yup',
  'ok',
  'okay',
  'sure',
  'fully',
  'totally',
  'completely',
  'absolutely',
  'strongly',
  '100%',
  'agreed',
  'agree',
  'i',
  '+1',
  'same',
  'here',
  'me',
  'too',
  'lgtm',
  'sgtm',
  'sounds',
  'good',
  'great',
  'makes',
  'sense',
  'call',
  'nice',
  'deal',
  'done',
  'this',
  'exactly',
  'correct',
  'right',
  'thanks',
  'thank',
  'you',
  'ty',
  'with',
  '@mention',
  'that',
  'from',
  'all',
  'approved',
  'confirmed',
  'ship',
  'it',
  'perfect',
]);
const MAX_ACKNOWLEDGEMENT_LENGTH = 120;

function isAcknowledgement(text: string): boolean {
  if (text.length > MAX_ACKNOWLEDGEMENT_LENGTH) return false;
  const words = text.split(/[\s,.!-]+/).filter(Boolean);
  return words.length > 0 && words.every((word) => ACKNOWLEDGEMENT_WORDS.has(word));
}

function detection(score: number, reasons: readonly string[]): Detection {
  const rounded = roundScore(score);
  return { decision: rounded >= DECISION_THRESHOLD, score: rounded, reasons };
}

/** Detects whether `text` (raw Slack mrkdwn or Teams HTML) announces a team decision. */
export function detectDecision(text: string, context: DetectionContext = {}): Detection {
  // Callers in plain JavaScript (or a malformed event) may pass anything: treat it as no text.
  const normalized = normalizeMarkup(typeof text === 'string' ? text : '');
  const canonical = canonicalize(normalized.text);
  const clauses = splitClauses(canonical);
  if (clauses.length === 0) return detection(0, ['no text']);

  const flat = clauses.map((clause) => clause.text).join(' ');
  if (isAcknowledgement(flat)) {
    return detection(context.isThreadReply ? 0 : 0.02, [context.isThreadReply ? 'thread acknowledgement' : 'acknowledgement only']);
  }

  const wide = messageDoubts(canonical, normalized.emoji);
  let best = scoreClause(clauses[0] ?? { text: '', question: false }, wide);
  for (const clause of clauses.slice(1)) {
    const scored = scoreClause(clause, wide);
    if (scored.score > best.score) best = scored;
  }
  return detection(best.score, best.reasons);
}
