/**
 * Doubts: what turns decision words into something else. Each doubt multiplies the clause's
 * score. Questions, negations and logistics count wherever they are in the clause; proposals,
 * conditions and hedges only when they come before the cue ("if we decide…" is a condition,
 * "we decided, even if it hurts" is a decision).
 */
import { DOUBT_RULES, type DoubtKind, QUESTION_START } from './doubt-rules.js';

export type { DoubtKind } from './doubt-rules.js';

export interface Doubt {
  readonly kind: DoubtKind;
  readonly multiplier: number;
  readonly reason: string;
}

const LABEL: Readonly<Record<DoubtKind, string>> = {
  question: 'question',
  proposal: 'proposal',
  hypothetical: 'hypothetical',
  negated: 'negated',
  logistics: 'meeting logistics',
  hedged: 'hedged or hearsay',
  deferred: 'defers the decision',
  opinion: 'agreement with a person',
  'off-topic': 'office fun, not customers',
  past: 'about the past',
  joke: 'joke',
  wry: 'wry face',
  quoted: 'quoted text',
};

function hasKind(doubts: readonly Doubt[], kind: DoubtKind): boolean {
  for (const doubt of doubts) if (doubt.kind === kind) return true;
  return false;
}

/** The doubts that apply to a clause whose strongest cue starts at cueIndex. */
export function doubtsIn(clause: string, question: boolean, cueIndex: number): Doubt[] {
  const doubts: Doubt[] = [];
  if (question || QUESTION_START.test(clause)) doubts.push({ kind: 'question', multiplier: 0.1, reason: 'question' });
  // Each kind once: the doubts found so far are the kinds seen (a handful, no set needed).
  for (const rule of DOUBT_RULES) {
    if (hasKind(doubts, rule.kind)) continue;
    const match = rule.pattern.exec(clause);
    if (!match || (rule.beforeCue && match.index >= cueIndex)) continue;
    doubts.push({ kind: rule.kind, multiplier: rule.multiplier, reason: `${LABEL[rule.kind]} "${match[0].trim()}"` });
  }
  return doubts;
}
