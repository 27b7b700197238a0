/**
 * The hand-written rules' reading of a message (see detect-decision.ts for the pipeline): the
 * best clause's score, its reasons, and the signals the model in model.ts weighs (cue family,
 * doubts, subject), plus the canonical text the model's word features are read from.
 */
import { type Clause, canonicalize, isSpaceCode, splitClauses } from './canonical.js';
import { normalizeMarkup } from './markup.js';
import type { Doubt } from './doubts.js';
import { type ClauseScore, messageDoubts, scoreClause } from './score.js';
import { shareWords } from './word-gate.js';

export interface RuleReading {
  /** The readable text in its original case (names are capitalised: "Contoso has decided"). */
  readonly text: string;
  /** Canonical text (lower case, one spelling, contractions expanded), newlines kept. */
  readonly canonical: string;
  readonly clauses: readonly Clause[];
  /** The clauses joined with spaces: what the model reads message-wide. */
  readonly flat: string;
  readonly emoji: readonly string[];
  /** Doubts about the whole message (a joke, office fun), read once for the rules and the model. */
  readonly wide: readonly Doubt[];
  /** The best clause's score and reasons, or the verdict for an empty text or an acknowledgement. */
  readonly best: ClauseScore;
  /** Empty text, or a reply that only agrees: final, the model is not asked. */
  readonly settled: boolean;
}

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

// What separates the words of an acknowledgement: white space and , . ! -
const isSeparator = (code: number) => code === 44 || code === 46 || code === 33 || code === 45 || isSpaceCode(code);

function isAcknowledgement(text: string): boolean {
  if (text.length > MAX_ACKNOWLEDGEMENT_LENGTH) return false;
  // Word by word, stopping at the first that is not in the vocabulary (most messages: the first).
  let words = 0;
  for (let start = 0; start < text.length;) {
    if (isSeparator(text.charCodeAt(start))) {
      start += 1;
      continue;
    }
    let end = start + 1;
    while (end < text.length && !isSeparator(text.charCodeAt(end))) end += 1;
    if (!ACKNOWLEDGEMENT_WORDS.has(text.slice(start, end))) return false;
    words += 1;
    start = end;
  }
  return words > 0;
}

/** Reads `text` (raw Slack mrkdwn or Teams HTML) with the rules. */
export function readByRules(text: string, isThreadReply = false): RuleReading {
  // Callers in plain JavaScript (or a malformed event) may pass anything: treat it as no text.
  const normalized = normalizeMarkup(typeof text === 'string' ? text : '');
  const canonical = canonicalize(normalized.text);
  const clauses = splitClauses(canonical);
  const flat = clauses.length === 1 ? (clauses[0]?.text ?? '') : clauses.map((clause) => clause.text).join(' ');
  // Written out rather than spread from a shared base: the spread was most of this function's time.
  const reading = (best: ClauseScore, settled: boolean, wide: readonly Doubt[] = []): RuleReading => ({
    text: normalized.text,
    canonical,
    clauses,
    flat,
    emoji: normalized.emoji,
    wide,
    best,
    settled,
  });
  if (clauses.length === 0) return reading({ score: 0, reasons: ['no text'], doubts: [] }, true);

  if (isAcknowledgement(flat)) {
    const reasons = [isThreadReply ? 'thread acknowledgement' : 'acknowledgement only'];
    return reading({ score: isThreadReply ? 0 : 0.02, reasons, doubts: [] }, true);
  }

  // The clauses are cut from the canonical text at spaces: one reading of its words serves all.
  const parts = clauses.map((clause) => clause.text);
  parts.push(flat);
  shareWords(canonical, parts);
  const wide = messageDoubts(canonical, normalized.emoji);
  let best = scoreClause(clauses[0] ?? { text: '', question: false }, wide);
  for (let index = 1; index < clauses.length; index += 1) {
    const scored = scoreClause(clauses[index] as Clause, wide);
    if (scored.score > best.score) best = scored;
  }
  return reading(best, false, wide);
}
