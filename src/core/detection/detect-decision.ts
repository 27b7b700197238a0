/**
 * Decision detection: does this chat message announce a team decision, so that the bot should
 * ask "How does this decision affect customers?" in its thread?
 *
 * The bot speaks unasked, so a false prompt costs more than a missed one: the rules look for an
 * announcement (an explicit marker, "we decided", "going with", or a dated policy change on a
 * customer-facing topic) and then discount it for every sign that it is not one (a question, a
 * proposal, a condition, a negation, a third party, a personal choice, meeting logistics, a joke).
 *
 * Many announcements use none of the rules' phrases ("the old portal goes offline on 30 June"),
 * so a small model has the last word: it weighs the rules' signals with the message's words.
 *
 * Pipeline (rules.ts): markup.ts (Slack/Teams markup → text) → canonical.ts + spelling.ts (one
 * spelling, clauses) → markers.ts, verbs.ts + subject.ts, choices.ts, policy.ts (what announces)
 * → doubts.ts (what undoes it) → score.ts (the rules' score). Then evidence.ts (the gate: does
 * anything announce at all) and features.ts (the rules' signals, word classes from word-classes.ts and their crosses, the form of the team's verb from
 * team-action.ts, hashed words from word-features.ts) → model.ts (logistic regression, weights in
 * model-weights.json, trained by `npm run train:detector`). Word lists are in lexicon.ts,
 * subject-words.ts, tone-words.ts, time-words.ts, policy-words.ts and doubt-rules.ts. Pure and synchronous, no I/O; linear in the input, which
 * is capped (markup.ts) so a huge message costs no more than a long one.
 */
import { judge } from './model.js';
import { readByRules } from './rules.js';
import { roundScore } from './score.js';

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
 * Scores at or above this are decisions. The score is the model's probability (its own threshold
 * is folded in, see model.ts); for the rules' score 0.5 is where one clear cue lands after no
 * doubt, and the model weighs whether the rules fired.
 */
export const DECISION_THRESHOLD = 0.5;

// Reasons still to be put in words are worked out on first reading and kept: the bot itself reads
// only `decision`, while logs and "why did the bot ask?" read the reasons too. Reasons already
// at hand (the rules') are a plain property: an object with a getter costs more to make.
function detection(score: number, reasons: readonly string[] | (() => readonly string[])): Detection {
  const rounded = roundScore(score);
  if (typeof reasons !== 'function') return { decision: rounded >= DECISION_THRESHOLD, score: rounded, reasons };
  let said: readonly string[] | undefined;
  return {
    decision: rounded >= DECISION_THRESHOLD,
    score: rounded,
    get reasons() {
      said ??= reasons();
      return said;
    },
  };
}

/** Detects whether `text` (raw Slack mrkdwn or Teams HTML) announces a team decision. */
export function detectDecision(text: string, context: DetectionContext = {}): Detection {
  const reading = readByRules(text, context.isThreadReply === true);
  if (reading.settled) return detection(reading.best.score, reading.best.reasons);
  const verdict = judge(reading);
  return detection(verdict.score, verdict.reasons);
}
