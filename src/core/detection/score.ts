/**
 * Scoring: a clause scores its strongest cue, plus small bonuses when an announcement also names
 * a customer-facing topic or a date, times the doubts that apply. A message scores its best
 * clause. Jokes are judged on the whole message, since the 😂 often comes at the very end.
 */
import { choiceCues } from './choices.js';
import { type Cue, type CueFamily, strongest } from './cues.js';
import { type Doubt, type DoubtKind, doubtsIn } from './doubts.js';
import * as lexicon from './lexicon.js';
import * as tone from './tone-words.js';
import { FUN_EMOJI, JOKE_EMOJI, WRY_EMOJI } from './tone-words.js';
import type { Clause } from './canonical.js';
import { markerCues } from './markers.js';
import { policyCue } from './policy.js';
import type { SubjectKind } from './subject.js';
import { impersonalCues, verbCues } from './verbs.js';
import { gated } from './word-gate.js';

export interface ClauseScore {
  readonly score: number;
  readonly reasons: readonly string[];
  /** The strongest cue's family, if the clause has one (a signal for the model, see model.ts). */
  readonly family?: CueFamily;
  /** Who decided, when the strongest cue says so. */
  readonly subject?: SubjectKind;
  /** The doubts that were applied. */
  readonly doubts: readonly DoubtKind[];
}

const MAX_SCORE = 0.99;
/** Score of a message without any decision cue; a little more if decision words appear. */
const NO_CUE = 0.02;
const DECISION_WORDS = gated(/\b(?:decid|decision|agree|final call|going with)/);
// Each expression runs only on a text with the words it needs (word-gate.ts).
const DOMAIN = gated(lexicon.DOMAIN);
const DATE = gated(lexicon.DATE);
const JOKE_WORDS = gated(tone.JOKE_WORDS);

// The Unicode food and drink blocks: 🥔 🍕 ☕ and friends.
const FOOD_EMOJI = /^[\u{1F32D}-\u{1F37F}\u{1F950}-\u{1F96F}\u{1F9C0}-\u{1F9CB}\u2615]$/u;

const round = (value: number) => Math.round(Math.min(MAX_SCORE, Math.max(0, value)) * 1000) / 1000;

function countQuotes(text: string, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i += 1) if (text.charCodeAt(i) === 34) count += 1;
  return count;
}

/** Scores one clause; `messageDoubts` (jokes, party emoji) apply to every clause. */
export function scoreClause(clause: Clause, messageDoubts: readonly Doubt[]): ClauseScore {
  const text = clause.text;
  const domainMatch = DOMAIN.exec(text);
  const domain = domainMatch !== null;
  // Concatenated, not spread: spreading four arrays was a third of this function's own time.
  const cues: Cue[] = markerCues(text, domain).concat(verbCues(text, domain), impersonalCues(text, domain), choiceCues(text));
  const policy = policyCue(text, domain);
  if (policy) cues.push(policy);
  const best = strongest(cues);
  if (!best || best.strength <= 0) {
    if (!DECISION_WORDS.test(text)) return { score: NO_CUE, reasons: ['no announcement cue'], doubts: [] };
    // Decision words without an announcement: say what they were doing ("did we decide…?").
    const doubts = doubtsIn(text, clause.question, text.length);
    return {
      score: 0.1,
      reasons: ['no announcement cue', ...doubts.map((doubt) => doubt.reason)],
      doubts: doubts.map((doubt) => doubt.kind),
    };
  }

  let score = best.strength;
  const reasons = [best.reason];
  if (best.family !== 'policy') {
    // Policy cues already count topic and date; announcements get a small nudge for them.
    if (domainMatch) {
      score += 0.05;
      reasons.push(`customer topic "${domainMatch[0]}"`);
    }
    if (DATE.test(text)) score += 0.03;
    if (cues.some((cue) => cue.family !== best.family && cue.strength >= 0.4)) score += 0.05;
  }
  const doubts: Doubt[] = doubtsIn(text, clause.question, best.index);
  // Inside quotation marks the words are someone else's (a changelog, a customer, a vendor).
  if (countQuotes(text, best.index) % 2 === 1) doubts.push({ kind: 'quoted', multiplier: 0.3, reason: 'quoted text' });
  if (best.subject?.kind === 'external') reasons.push('third party');
  if (best.subject?.kind === 'personal') reasons.push('personal choice');
  if (best.subject?.kind === 'unknown') reasons.push('decided by someone unnamed or outside the team');
  // Message-wide doubts count once per kind: "pizza 🍕" is one sign of office fun, not two.
  const applied: DoubtKind[] = [];
  for (const doubt of doubts) applied.push(doubt.kind);
  for (const doubt of messageDoubts) if (!applied.includes(doubt.kind)) doubts.push(doubt);
  for (let index = applied.length; index < doubts.length; index += 1) applied.push((doubts[index] as Doubt).kind);
  for (const doubt of doubts) {
    score *= doubt.multiplier;
    reasons.push(doubt.reason);
  }
  return { score: round(score), reasons, family: best.family, subject: best.subject?.kind, doubts: applied };
}

const emojiLabel = (name: string) => (/^[a-z0-9_+-]+$/.test(name) ? `:${name}:` : name);

/**
 * Doubts that belong to the whole message: laughter ("lol", "jk", "/s", 😂) anywhere makes the
 * decision words a joke; a wry face (🙃, 😅) is a milder doubt; food and party emoji make it office fun.
 */
export function messageDoubts(canonical: string, emoji: readonly string[]): Doubt[] {
  const doubts: Doubt[] = [];
  const laughing = emoji.find((name) => JOKE_EMOJI.has(name));
  const word = laughing ? undefined : JOKE_WORDS.exec(canonical);
  if (laughing || word) {
    doubts.push({ kind: 'joke', multiplier: 0.25, reason: `joke "${laughing ? emojiLabel(laughing) : (word?.[0] ?? '').trim()}"` });
  } else {
    const wry = emoji.find((name) => WRY_EMOJI.has(name));
    if (wry) doubts.push({ kind: 'wry', multiplier: 0.75, reason: `wry face "${emojiLabel(wry)}"` });
  }
  const fun = emoji.find((name) => FUN_EMOJI.has(name) || FOOD_EMOJI.test(name));
  if (fun) doubts.push({ kind: 'off-topic', multiplier: 0.35, reason: `office fun, not customers "${emojiLabel(fun)}"` });
  return doubts;
}

export { round as roundScore };
